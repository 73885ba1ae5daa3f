import type { KernelInfo } from '@omega-ta/kernel-interface';
import { name, version } from '../package.json';

/** Which implementation this is: the package name and version. */
export const info: KernelInfo = Object.freeze({ name, version });

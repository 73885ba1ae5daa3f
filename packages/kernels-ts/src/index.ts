import type { Kernel } from '@omega-ta/kernel-interface';
import { version } from '../package.json';
import { ema } from './ema.js';
import { sma } from './sma.js';

export { ema, sma };

/** The pure TypeScript implementation of the omega-ta kernel contract. */
export const kernel: Kernel = {
  info: { name: '@omega-ta/kernels-ts', version },
  ema,
  sma,
};

export default kernel;

import type { Kernel } from '@omega-ta/kernel-interface';
import { version } from '../package.json';
import { bollinger } from './bollinger.js';
import { ema } from './ema.js';
import { sma } from './sma.js';

export { bollinger, ema, sma };

/** The pure TypeScript implementation of the omega-ta kernel contract. */
export const kernel: Kernel = {
  info: { name: '@omega-ta/kernels-ts', version },
  ema,
  sma,
  bollinger,
};

export default kernel;

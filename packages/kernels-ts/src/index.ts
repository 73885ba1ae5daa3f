import type { Kernel } from '@omega-ta/kernel-interface';
import { version } from '../package.json';
import { atr } from './atr.js';
import { choppiness } from './choppiness.js';
import { dmi } from './dmi.js';
import { ema } from './ema.js';
import { sma } from './sma.js';

export { atr, choppiness, dmi, ema, sma };

/** The pure TypeScript implementation of the omega-ta kernel contract. */
export const kernel: Kernel = {
  info: { name: '@omega-ta/kernels-ts', version },
  ema,
  sma,
  atr,
  dmi,
  choppiness,
};

export default kernel;

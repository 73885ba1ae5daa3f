import type { Kernel } from '@omega-ta/kernel-interface';
import { version } from '../package.json';
import { bollinger } from './bollinger.js';
import { atr } from './atr.js';
import { choppiness } from './choppiness.js';
import { dmi } from './dmi.js';
import { ema } from './ema.js';
import { kalman_mean } from './kalman-mean.js';
import { macd } from './macd.js';
import { roc } from './roc.js';
import { rsi } from './rsi.js';
import { sma } from './sma.js';

export { atr, bollinger, choppiness, dmi, ema, kalman_mean, macd, roc, rsi, sma };

/** The pure TypeScript implementation of the omega-ta kernel contract. */
export const kernel: Kernel = {
  info: { name: '@omega-ta/kernels-ts', version },
  ema,
  sma,
  bollinger,
  rsi,
  roc,
  macd,
  atr,
  dmi,
  choppiness,
  kalman_mean,
};

export default kernel;

import type { Kernel } from '@omega-ta/kernel-interface';
import { version } from '../package.json';
import { bollinger } from './bollinger.js';
import { atr } from './atr.js';
import { choppiness } from './choppiness.js';
import { dmi } from './dmi.js';
import { ema } from './ema.js';
import { kalman_mean } from './kalman-mean.js';
import { kalman_zscore } from './kalman-zscore.js';
import { garch_volatility } from './garch-volatility.js';
import { kalman_garch_zscore } from './kalman-garch-zscore.js';
import { zscore, zscore_ema } from './zscore.js';
import { macd } from './macd.js';
import { roc } from './roc.js';
import { rsi } from './rsi.js';
import { sma } from './sma.js';
import { createStream } from './streams/index.js';

/** Building block: pandas 1.5.3 `rolling(window).std()` (ddof 1), bit for bit; used by IndicatorCache's compat paths. */
export { rollingStdInto } from './rolling-var.js';
export { trueRangeInto } from './true-range.js';
/** Building block: the original's GARCH(1,1) loop for any numbers (IndicatorCache's compat path for parameters outside the contract). */
export { garchVolatilityInto } from './garch-volatility.js';
/** The incremental form of every indicator (update / replace / value), bitwise equal to the batch kernels. */
export { createStream };
export { atr, bollinger, choppiness, dmi, ema, garch_volatility, kalman_garch_zscore, kalman_mean, kalman_zscore, macd, roc, rsi, sma, zscore, zscore_ema };

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
  kalman_zscore,
  zscore,
  zscore_ema,
  garch_volatility,
  kalman_garch_zscore,
  createStream,
};

export default kernel;

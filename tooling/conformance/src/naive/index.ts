import type { Ohlcv } from '../series.js';
import { atr } from './atr.js';
import { bollinger } from './bollinger.js';
import { choppiness } from './choppiness.js';
import { dmi } from './dmi.js';
import { ema } from './ema.js';
import { garchVolatility, kalmanGarchZscore } from './garch.js';
import { kalmanMean } from './kalman-mean.js';
import { kalmanZscore } from './kalman-zscore.js';
import { macd } from './macd.js';
import { roc } from './roc.js';
import { rsi } from './rsi.js';
import { sma } from './sma.js';
import { zscore, zscoreEma } from './zscore.js';

/**
 * An obviously correct implementation of an indicator from its textbook definition (no running
 * sums, no recursion tricks), returning the outputs in registry order. `undefined` marks a row
 * the definition does not determine to the suite's tolerance in float64 (an ill-conditioned ratio,
 * e.g. a z-score whose window spread is at rounding level); such rows are not compared here (the
 * reference and bitwise differential checks still cover them). The conformance suite
 * compares every kernel with it on realistic data, within a tolerance, so an algorithm that is
 * bit-exact with pandas but wrong in its definition would still be caught.
 */
export type NaiveIndicator = (table: Ohlcv, params: Readonly<Record<string, number>>) => (number | undefined)[][];

/** Naive implementations by registry name. */
export const naiveIndicators: Readonly<Record<string, NaiveIndicator>> = {
  ema,
  sma,
  bollinger,
  rsi,
  roc,
  macd,
  atr,
  dmi,
  choppiness,
  kalman_mean: kalmanMean,
  kalman_zscore: kalmanZscore,
  zscore,
  zscore_ema: zscoreEma,
  garch_volatility: garchVolatility,
  kalman_garch_zscore: kalmanGarchZscore,
};

/**
 * Extra absolute slack for indicators whose reference algorithm is accurate only relative to the
 * series' scale, not to the output itself, as a function of the parameters and of the largest
 * input magnitude. Bollinger: pandas' online (Welford) variance keeps an absolute error of about
 * sqrt(eps) × scale in the standard deviation after values of that scale left the window, so a
 * near-flat window's bands can differ from the two-pass definition by std_factor × that much.
 */
export const naiveSlack: Readonly<Record<string, (params: Readonly<Record<string, number>>, scale: number) => number>> = {
  bollinger: (params, scale) => (params['std_factor'] ?? 0) * 1e-7 * scale,
};

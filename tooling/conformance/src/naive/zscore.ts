import type { Ohlcv } from '../series.js';
import { ewmWithStep } from './ewm.js';
import { fullWindow } from './window.js';

/**
 * Mean as the first value plus the mean deviation from it: the textbook mean, written so that a
 * window of equal values has exactly that value as its mean (a z-score of a flat window is 0/0,
 * and a rounding residue of a plain sum would turn it into ±Infinity).
 */
function shiftedMean(w: readonly number[]): number {
  return w[0]! + w.reduce((a, v) => a + (v - w[0]!), 0) / w.length;
}

/**
 * Residuals carry rounding errors of about 1e-16 × the price (they are differences of prices and
 * a mean), so a residual or a standard deviation below this fraction of the price scale is not
 * determined to the suite's relative 1e-9, and neither is the z-score built from it (0/0,
 * ±Infinity or noise, depending on how the mean rounds).
 */
const ILL_CONDITIONED = 1e-6;

/**
 * pandas' rolling variance is a running (Welford) sum that never restarts while the window holds
 * observations, so its absolute error grows with the largest residual seen so far, about
 * 1e-16 × max|resid|²: a std below this fraction of that residual is not determined to 1e-9 by
 * float64 either (a calm stretch after a large move).
 */
const RUNNING_SUM_CONDITION = 1e-3;

/**
 * z[t] = resid[t] / two-pass sample std of the last `window` residuals, NaN without a full window;
 * `undefined` (not compared) where the residual or that std is at rounding level against the
 * closes involved, or the std is tiny against the largest residual so far.
 */
export function residualZscore(close: Float64Array, means: readonly number[], window: number): (number | undefined)[] {
  const resid = Array.from(close, (c, t) => c - means[t]!);
  let largest = 0;
  return resid.map((r, t) => {
    if (Number.isFinite(r)) largest = Math.max(largest, Math.abs(r));
    const w = fullWindow(resid, t, window);
    if (w === null) return Number.NaN;
    const m = shiftedMean(w);
    const sd = Math.sqrt(w.reduce((a, v) => a + (v - m) ** 2, 0) / (window - 1));
    let scale = 0;
    for (let i = Math.max(0, t - 2 * window); i <= t; i += 1) {
      if (Number.isFinite(close[i]!)) scale = Math.max(scale, Math.abs(close[i]!));
    }
    const illConditioned =
      sd <= ILL_CONDITIONED * scale || Math.abs(r) <= ILL_CONDITIONED * scale || sd <= RUNNING_SUM_CONDITION * largest;
    return illConditioned ? undefined : r / sd;
  });
}

/** Z-score against the plain mean of the last `window` closes. */
export function zscore(table: Ohlcv, params: Readonly<Record<string, number>>): (number | undefined)[][] {
  const window = params['window']!;
  const means = Array.from(table.close, (_, t) => {
    const w = fullWindow(table.close, t, window);
    return w === null ? Number.NaN : shiftedMean(w);
  });
  return [residualZscore(table.close, means, window)];
}

/**
 * pandas' adjust=False EMA (span `period`, alpha = 2 / (period + 1)) as a correction step,
 * `ema += alpha / (w + alpha) × (x - ema)` with w = (1 - alpha)^(k+1) after k missing rows, which
 * keeps a flat series exactly flat; missing rows hold the value.
 */
function ema(x: ArrayLike<number>, period: number): number[] {
  const alpha = 2 / (period + 1);
  return ewmWithStep(x, alpha, (value, v, w) => value + (alpha / (w + alpha)) * (v - value));
}

/** Z-score against the span EMA of the closes. */
export function zscoreEma(table: Ohlcv, params: Readonly<Record<string, number>>): (number | undefined)[][] {
  return [residualZscore(table.close, ema(table.close, params['ema_period']!), params['window']!)];
}

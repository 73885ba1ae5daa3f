import { overRollingStdInto } from './rolling-var.js';

/**
 * The z-score step shared by `zscore`, `zscore_ema` and `kalman_zscore`, bit for bit the
 * original's pandas 1.5.3 `resid = close - mean; z = resid / resid.rolling(window).std()`
 * (`z[std.isna()] = NaN` changes no bit: `resid / NaN` is NaN already).
 *
 * On entry `out` holds the mean; on return the z-score. `resid = close - mean` is an IEEE
 * subtraction written into one scratch buffer; then {@link overRollingStdInto} writes
 * `out = resid / std` row by row in the loop of the rolling variance (non-finite residuals missing,
 * exactly 0 on a window of equal residuals; 0/0 = NaN, x/0 = ±Infinity as in the original).
 * Requires `window >= 2`.
 */
export function residualZscoreInto(close: ArrayLike<number>, window: number, out: Float64Array): void {
  const n = close.length;
  const resid = new Float64Array(n);
  for (let i = 0; i < n; i += 1) resid[i] = close[i]! - out[i]!;
  overRollingStdInto(resid, window, out);
}

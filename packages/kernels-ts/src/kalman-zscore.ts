import { bindKernel, kalman_zscore as spec } from '@omega-ta/kernel-interface';
import { kalmanMeanInto } from './kalman-mean.js';
import { residualZscoreInto } from './residual-zscore.js';

/**
 * The original `IndicatorCache.kalman_zscore` into `out`, bit for bit its pandas 1.5.3 expression
 *
 * ```python
 * resid = close - kalman_mean(close, R, Q)
 * std = resid.rolling(window, min_periods=window).std()          # ddof=1
 * z = resid / std; z[std.isna()] = NaN
 * ```
 *
 * - the Kalman mean is {@link kalmanMeanInto} (NaN from the first gap on, as the original);
 * - `resid = close - mean` by IEEE subtraction (±Infinity kept: `inf - inf` is NaN);
 * - `std` is pandas' rolling std (`rollingStdInto`) over the residuals (pandas `roll_var` + `zsqrt`; non-finite
 *   residuals are missing there);
 * - `z = resid / std`; the original's `z[std.isna()] = NaN` changes nothing bitwise, since
 *   `resid / NaN` is NaN already. A window of equal residuals has std exactly 0: 0/0 = NaN (or
 *   ±Infinity for a non-zero residual), as in the original.
 *
 * The last three steps are {@link residualZscoreInto}, shared with `zscore` and `zscore_ema`.
 * Warm-up: outputs 0 … window-2 are NaN. Requires `window >= 2`.
 */
export function kalmanZscoreInto(close: Float64Array, window: number, r: number, q: number, out: Float64Array): void {
  kalmanMeanInto(close, r, q, out);
  residualZscoreInto(close, window, out);
}

/** Z-score of the closes against their Kalman mean; see {@link kalmanZscoreInto}. */
export const kalman_zscore = bindKernel(spec, (inputs, params, outputs) => {
  kalmanZscoreInto(inputs[0]!, params['window']!, params['R']!, params['Q']!, outputs[0]!);
});

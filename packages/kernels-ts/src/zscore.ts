import { bindKernel, zscore as spec, zscore_ema as emaSpec } from '@omega-ta/kernel-interface';
import { emaInto } from './ema.js';
import { residualZscoreInto } from './residual-zscore.js';
import { smaInto } from './sma.js';

/**
 * The original `IndicatorCache.zscore(window, mean_source="rolling")` into `out`, bit for bit its
 * pandas 1.5.3 expression
 *
 * ```python
 * mean = close.rolling(window, min_periods=window).mean()
 * std = (close - mean).rolling(window, min_periods=window).std()   # ddof=1
 * z = (close - mean) / std; z[std.isna()] = NaN
 * ```
 *
 * `mean` is {@link smaInto} (pandas `roll_mean`), the rest {@link residualZscoreInto}. Non-finite
 * closes are missing in both windows. A flat window gives 0/0 = NaN.
 * Warm-up: 2 * (window - 1) rows (the mean's window, then the residuals'). Requires `window >= 2`.
 */
export function zscoreInto(close: Float64Array, window: number, out: Float64Array): void {
  smaInto(close, window, out);
  residualZscoreInto(close, window, out);
}

/**
 * The original `IndicatorCache.zscore(window, mean_source="ema", ema_period)` into `out`, bit for
 * bit: as {@link zscoreInto} with `mean = ema(close, ema_period)` (the original's `self.ema`, pandas
 * `ewm(span=ema_period, adjust=False).mean()`, {@link emaInto}: defined from the first close and
 * held across gaps). Warm-up: window - 1 rows. Requires `window >= 2`, `emaPeriod >= 1`.
 */
export function zscoreEmaInto(close: Float64Array, window: number, emaPeriod: number, out: Float64Array): void {
  emaInto(close, emaPeriod, out);
  residualZscoreInto(close, window, out);
}

/** Z-score of the closes against their rolling mean; see {@link zscoreInto}. */
export const zscore = bindKernel(spec, (inputs, params, outputs) => {
  zscoreInto(inputs[0]!, params['window']!, outputs[0]!);
});

/** Z-score of the closes against their EMA; see {@link zscoreEmaInto}. */
export const zscore_ema = bindKernel(emaSpec, (inputs, params, outputs) => {
  zscoreEmaInto(inputs[0]!, params['window']!, params['ema_period']!, outputs[0]!);
});

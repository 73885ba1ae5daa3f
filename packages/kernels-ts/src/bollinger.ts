import { bindKernel, bollinger as spec } from '@omega-ta/kernel-interface';
import { rollingStdInto } from './rolling-var.js';
import { smaInto } from './sma.js';

/**
 * Bollinger Bands into `upper`, `mid`, `lower`, bit for bit the original IndicatorCache's pandas
 * 1.5.3 expression
 *
 * ```python
 * mid = close.rolling(period, min_periods=period).mean()
 * std = close.rolling(period, min_periods=period).std()          # ddof=1
 * upper, lower = mid + std_factor * std, mid - std_factor * std
 * ```
 *
 * - `mid` is {@link smaInto} (pandas `roll_mean`), `std` is {@link rollingStdInto} (pandas
 *   `roll_var` + `zsqrt`: Welford with Kahan compensation, exactly 0 on a window of equal values,
 *   a negative rounding residue clamped to +0);
 * - `d = std_factor * std` is computed once per row and then added to and subtracted from `mid`
 *   (pandas evaluates `std_factor * std` twice; both are the same rounded product), no fused
 *   multiply-add;
 * - `upper` doubles as the scratch buffer for `std`, so the kernel allocates nothing;
 * - non-finite inputs are missing; a row whose window holds fewer than `period` observations is NaN
 *   in all three outputs.
 *
 * Warm-up: outputs 0 … period-2 are NaN. Requires `period >= 2` (with ddof=1 a one-bar window has
 * no standard deviation) and is meant for `std_factor >= 0` (then upper >= mid >= lower).
 */
export function bollingerInto(
  close: Float64Array,
  period: number,
  stdFactor: number,
  upper: Float64Array,
  mid: Float64Array,
  lower: Float64Array,
): void {
  smaInto(close, period, mid);
  rollingStdInto(close, period, upper);
  for (let i = 0; i < close.length; i += 1) {
    const d = stdFactor * upper[i]!;
    const m = mid[i]!;
    upper[i] = m + d;
    lower[i] = m - d;
  }
}

/** Bollinger Bands of `close` (`upper`, `mid`, `lower`); see {@link bollingerInto}. */
export const bollinger = bindKernel(spec, (inputs, params, outputs) => {
  bollingerInto(inputs[0]!, params['period']!, params['std_factor']!, outputs[0]!, outputs[1]!, outputs[2]!);
});

import { bindKernel, choppiness as spec } from '@omega-ta/kernel-interface';
import { log10 } from './log10.js';
import { rollingExtremeInto, rollingSumInto } from './rolling.js';
import { trueRangeInto } from './true-range.js';

/**
 * Choppiness index into `out`, bit for bit the original `IndicatorCache.choppiness` (pandas
 * 1.5.3) except for the last bits of log10:
 *
 * - `atr_sum = tr.rolling(period, min_periods=period).sum()` over the true range
 *   ({@link trueRangeInto}; pandas' Kahan running sum with the equal-values rule,
 *   {@link rollingSumInto}); an infinite true range counts as missing there;
 * - `range = high.rolling(period).max() - low.rolling(period).min()` ({@link rollingExtremeInto}),
 *   with 0 (and -0) replaced by NaN;
 * - `chop = (100 * log10(atr_sum / range)) / log10(period)`, in that order, with the shared
 *   fdlibm {@link log10} (numpy's may differ in the last 1-2 ulps).
 *
 * Warm-up: `period - 1` rows; NaN while the window holds a missing bar, and on flat windows
 * (high max = low min).
 */
export function choppinessInto(
  high: ArrayLike<number>,
  low: ArrayLike<number>,
  close: ArrayLike<number>,
  period: number,
  out: Float64Array,
): void {
  const n = out.length;
  const tr = new Float64Array(n);
  trueRangeInto(high, low, close, tr);
  const sum = new Float64Array(n);
  rollingSumInto(tr, period, sum);
  const highMax = tr; // the true range is no longer needed
  rollingExtremeInto(high, period, 1, highMax);
  rollingExtremeInto(low, period, -1, out); // low min, replaced row by row below
  const logPeriod = log10(period);
  for (let i = 0; i < n; i += 1) {
    let range = highMax[i]! - out[i]!;
    if (range === 0) range = Number.NaN;
    out[i] = (100 * log10(sum[i]! / range)) / logPeriod;
  }
}

/** Choppiness index of `high`, `low`, `close` over `period` bars; see {@link choppinessInto}. */
export const choppiness = bindKernel(spec, (inputs, params, outputs) => {
  choppinessInto(inputs[0]!, inputs[1]!, inputs[2]!, params['period']!, outputs[0]!);
});

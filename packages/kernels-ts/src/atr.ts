import { atr as spec, bindKernel } from '@omega-ta/kernel-interface';
import { pairwiseSum } from './pairwise-sum.js';
import { trueRangeInto } from './true-range.js';

/**
 * Wilder's average true range into `out`, bit for bit the original `IndicatorCache.atr` (a Python
 * loop over the pandas true range, {@link trueRangeInto}):
 *
 * - `first` = the first row whose true range is not NaN (0 when there is none: numpy's `argmax`
 *   of an all-False mask);
 * - when the `period` true ranges from `first` are all finite, the seed
 *   `np.mean(tr[first .. first+period))` = numpy's pairwise sum ({@link pairwiseSum}) / period is
 *   written at row `first + period - 1`; otherwise the output is all NaN;
 * - every later row: `atr = (atr * (period - 1) + tr) / period`, in that order; a NaN true range
 *   repeats the previous output without updating `atr` (so a NaN output stays NaN until the next
 *   update). An infinite true range is not missing here (the original only skips NaN): it makes
 *   the average infinite from then on (NaN with period 1, as `Infinity * 0` is NaN).
 *
 * Warm-up: rows before `first + period - 1` are NaN (`period - 1` rows on gap-free input).
 */
export function atrInto(
  high: ArrayLike<number>,
  low: ArrayLike<number>,
  close: ArrayLike<number>,
  period: number,
  out: Float64Array,
): void {
  const n = out.length;
  out.fill(Number.NaN);
  if (n === 0) return;
  const tr = new Float64Array(n);
  trueRangeInto(high, low, close, tr);
  let first = 0;
  while (first < n && tr[first] !== tr[first]) first += 1;
  if (first === n) first = 0;
  if (first + period > n) return;
  for (let i = first; i < first + period; i += 1) {
    const v = tr[i]!;
    if (v - v !== 0) return;
  }
  let avg = pairwiseSum(tr, first, period) / period;
  out[first + period - 1] = avg;
  const keep = period - 1;
  for (let i = first + period; i < n; i += 1) {
    const v = tr[i]!;
    if (v !== v) {
      out[i] = out[i - 1]!;
    } else {
      avg = (avg * keep + v) / period;
      out[i] = avg;
    }
  }
}

/** Average true range of `high`, `low`, `close` over `period` bars; see {@link atrInto}. */
export const atr = bindKernel(spec, (inputs, params, outputs) => {
  atrInto(inputs[0]!, inputs[1]!, inputs[2]!, params['period']!, outputs[0]!);
});

import { atr as spec, bindKernel } from '@omega-ta/kernel-interface';
import { pairwiseSum } from './pairwise-sum.js';
import { trueRange } from './true-range.js';

/**
 * Wilder's average true range into `out`, bit for bit the original `IndicatorCache.atr` (a Python
 * loop over the pandas true range, {@link trueRange}):
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
  // One pass. Until the seed window is complete, `out` holds the true ranges (the seed's input).
  let first = -1; // the first row with a defined true range
  let end = n;
  let prevClose = Number.NaN;
  for (let i = 0; i < end; i += 1) {
    const tr = trueRange(high[i]!, low[i]!, prevClose);
    prevClose = close[i]!;
    out[i] = tr;
    if (first < 0 && tr === tr) {
      first = i;
      end = Math.min(n, i + period);
    }
  }
  const seedEnd = first + period;
  let seeded = first >= 0 && seedEnd <= n;
  for (let i = first; seeded && i < seedEnd; i += 1) {
    const v = out[i]!;
    if (v - v !== 0) seeded = false;
  }
  if (!seeded) {
    out.fill(Number.NaN);
    return;
  }
  let avg = pairwiseSum(out, first, period) / period;
  out.fill(Number.NaN, 0, seedEnd - 1);
  out[seedEnd - 1] = avg;
  const keep = period - 1;
  for (let i = seedEnd; i < n; i += 1) {
    const tr = trueRange(high[i]!, low[i]!, close[i - 1]!);
    // A NaN true range repeats the previous output, which is `avg`.
    if (tr === tr) avg = (avg * keep + tr) / period;
    out[i] = avg;
  }
}

/** Average true range of `high`, `low`, `close` over `period` bars; see {@link atrInto}. */
export const atr = bindKernel(spec, (inputs, params, outputs) => {
  atrInto(inputs[0]!, inputs[1]!, inputs[2]!, params['period']!, outputs[0]!);
});

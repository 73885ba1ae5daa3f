import { newBarMask } from '@omega-ta/arrow-schemas';
import type { ReadonlyFloat64Array } from '@omega-ta/kernel-interface';

/**
 * Building blocks of the stepwise indicators (`emaStepwise`, `bollingerStepwise`): an indicator
 * of a higher timeframe advances once per bar of that timeframe, not once per primary row on
 * which the bar is carried forward. The original's recipe, reproduced here in three steps:
 *
 * 1. {@link newBarRows}: the rows that start a new bar (`_stepwise_indices`);
 * 2. {@link gatherRows}: one value per bar, `series.iloc[new_idx]` (the reduced series), on which
 *    the caller runs the ordinary kernel;
 * 3. {@link expandForwardFill}: back onto every row, `full.iloc[new_idx] = reduced; full.ffill()`.
 */

/**
 * The rows that start a new bar, ascending: a candle is present (`time` is not NaN) and its time
 * differs from that of the nearest earlier row with a candle, or there is none
 * ({@link newBarMask}). The same bar again after rows without a candle is not new; an
 * equal-valued bar with another time is.
 */
export function newBarRows(time: ReadonlyFloat64Array): Uint32Array {
  const mask = newBarMask({ time: time as Float64Array });
  let count = 0;
  for (let i = 0; i < mask.length; i += 1) count += mask[i]!;
  const rows = new Uint32Array(count);
  let k = 0;
  for (let i = 0; i < mask.length; i += 1) {
    if (mask[i] === 1) {
      rows[k] = i;
      k += 1;
    }
  }
  return rows;
}

/** `column[rows[k]]` for each k: the reduced series, one value per bar (pandas `iloc[rows]`). */
export function gatherRows(column: ReadonlyFloat64Array, rows: Uint32Array): Float64Array {
  const out = new Float64Array(rows.length);
  for (let k = 0; k < rows.length; k += 1) out[k] = column[rows[k]!]!;
  return out;
}

/**
 * A full-length series of `length` rows from one value per bar: `reduced[k]` at row `rows[k]`,
 * then every NaN (rows between bars, rows without a candle, and a bar whose reduced value is
 * itself NaN) takes the last non-NaN value above it, NaN before the first. This is pandas
 * `ffill()` after `full.iloc[rows] = reduced` on an all-NaN series; ±Infinity is a value, not a
 * gap, as in pandas. `rows` must be ascending and below `length`.
 */
export function expandForwardFill(reduced: ReadonlyFloat64Array, rows: Uint32Array, length: number): Float64Array {
  if (reduced.length !== rows.length) throw new RangeError(`expandForwardFill: ${reduced.length} values for ${rows.length} rows`);
  const out = new Float64Array(length);
  let last = Number.NaN;
  let k = 0;
  for (let i = 0; i < length; i += 1) {
    if (k < rows.length && rows[k] === i) {
      const v = reduced[k]!;
      if (v === v) last = v;
      k += 1;
    }
    out[i] = last;
  }
  if (k !== rows.length) throw new RangeError('expandForwardFill: rows must be ascending and below length');
  return out;
}

/**
 * The true range of every bar into `out`, bit for bit the original's
 * `pd.concat([(high - low).abs(), (high - prev_close).abs(), (low - prev_close).abs()], axis=1)
 * .max(axis=1, skipna=True)` with `prev_close = close.shift(1)` (pandas 1.5.3). The building block
 * of `atr`, `dmi` and `choppiness`.
 *
 * - the three candidates are computed in that order with plain IEEE subtraction and `abs` (so
 *   `|Infinity - Infinity|` is NaN and an infinite price gives an infinite range: the original
 *   does not treat ±Infinity as missing here, only the pandas window functions applied later do);
 * - the row maximum skips NaN candidates and is NaN only when all three are NaN; the first bar has
 *   no previous close, so its true range is `|high - low|`;
 * - every candidate is `+0` or positive (abs), so the order of the comparison cannot change a bit.
 */
export function trueRangeInto(
  high: ArrayLike<number>,
  low: ArrayLike<number>,
  close: ArrayLike<number>,
  out: Float64Array,
): void {
  const n = out.length;
  let prevClose = Number.NaN;
  for (let i = 0; i < n; i += 1) {
    out[i] = trueRange(high[i]!, low[i]!, prevClose);
    prevClose = close[i]!;
  }
}

/** The true range of one bar given the previous bar's close (NaN for the first bar); see {@link trueRangeInto}. */
export function trueRange(h: number, l: number, prevClose: number): number {
  let m = Math.abs(h - l);
  const up = Math.abs(h - prevClose);
  if (up === up && (m !== m || up > m)) m = up;
  const down = Math.abs(l - prevClose);
  if (down === down && (m !== m || down > m)) m = down;
  return m;
}

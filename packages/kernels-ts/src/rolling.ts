/**
 * pandas 1.5.3 fixed-window rolling sum, max and min with `min_periods = window`
 * (aggregations.pyx `roll_sum`, `roll_max`, `roll_min`), bit for bit. Building blocks of
 * `choppiness`; `window >= 2` (pandas recomputes a window of 1 from scratch at every row, which
 * these incremental versions do not reproduce).
 *
 * Non-finite inputs are missing (pandas turns ±Infinity into NaN before its window functions);
 * a window with fewer than `window` observations is NaN.
 */

/**
 * `Series.rolling(window, min_periods=window).sum()`: a Kahan-compensated running sum with
 * separate compensations for added and removed values, updated in pandas' order (remove the
 * leaving value, then add the new one); when the last `nobs` observations are all equal (IEEE
 * equality) the result is `value * nobs` instead (pandas' GH#42064 rule).
 */
export function rollingSumInto(x: ArrayLike<number>, window: number, out: Float64Array): void {
  const n = out.length;
  let nobs = 0;
  let sum = 0;
  let compAdd = 0;
  let compRemove = 0;
  let sameRun = 0;
  let last = Number.NaN;
  for (let i = 0; i < n; i += 1) {
    if (i >= window) {
      const leaving = x[i - window]!;
      if (leaving - leaving === 0) {
        nobs -= 1;
        const y = -leaving - compRemove;
        const t = sum + y;
        compRemove = t - sum - y;
        sum = t;
      }
    }
    const v = x[i]!;
    if (v - v === 0) {
      nobs += 1;
      const y = v - compAdd;
      const t = sum + y;
      compAdd = t - sum - y;
      sum = t;
      sameRun = v === last ? sameRun + 1 : 1;
      last = v;
    }
    let result = Number.NaN;
    if (nobs >= window) result = sameRun >= nobs ? last * nobs : sum;
    out[i] = result;
  }
}

/**
 * `Series.rolling(window, min_periods=window).max()` (`sign = 1`) or `.min()` (`sign = -1`):
 * pandas' monotonic deque of indices. A new value evicts every earlier candidate it ties or beats
 * (`>=` / `<=`), so among equal extremes the latest one is returned (the sign of a zero included:
 * the window `[0, -0]` has the maximum `-0`). Defined only when the whole window is observed.
 */
export function rollingExtremeInto(x: ArrayLike<number>, window: number, sign: 1 | -1, out: Float64Array): void {
  const n = out.length;
  // Ring buffer of candidate indices, front = the extreme; at most `window` are in the window.
  const capacity = Math.min(window, n) + 1;
  const queue = new Int32Array(capacity);
  let head = 0;
  let size = 0;
  let nobs = 0;
  for (let i = 0; i < n; i += 1) {
    const v = x[i]!;
    const observed = v - v === 0;
    if (observed) {
      nobs += 1;
      // A missing value (pandas: -inf for max, +inf for min) never beats a candidate, but every
      // missing candidate is evicted; observed values evict the candidates they tie or beat.
      while (size > 0) {
        const back = x[queue[(head + size - 1) % capacity]!]!;
        if (back - back !== 0 || (sign === 1 ? v >= back : v <= back)) size -= 1;
        else break;
      }
    } else {
      while (size > 0) {
        const back = x[queue[(head + size - 1) % capacity]!]!;
        if (back - back !== 0) size -= 1;
        else break;
      }
    }
    queue[(head + size) % capacity] = i;
    size += 1;
    const leaving = i - window;
    if (size > 0 && queue[head] === leaving) {
      head = (head + 1) % capacity;
      size -= 1;
    }
    if (leaving >= 0) {
      const gone = x[leaving]!;
      if (gone - gone === 0) nobs -= 1;
    }
    out[i] = nobs >= window ? x[queue[head]!]! : Number.NaN;
  }
}

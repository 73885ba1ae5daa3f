import { chunkEnd } from './chunks.js';

/** Slots of {@link varRows}' running state between chunks. */
const NOBS = 0;
const MEAN = 1;
const SSQDM = 2;
const COMP_ADD = 3;
const COMP_REMOVE = 4;
const SAME_RUN = 5;
const LAST = 6;
const VAR_STATE = 7;

/** What {@link varRows} writes for row `i`: the variance, its {@link zsqrt}, or `x[i]` divided by that. */
const VARIANCE = 0;
const STD = 1;
const OVER_STD = 2;
type VarOutput = typeof VARIANCE | typeof STD | typeof OVER_STD;

/**
 * pandas 1.5.3 `Series.rolling(window, min_periods=window).var()` (ddof=1) into `out`, bit for bit
 * (aggregations.pyx `roll_var` over a fixed window). The building block of every rolling standard
 * deviation (Bollinger Bands, z-scores).
 *
 * - Welford's online mean and sum of squared deviations `ssqdm`, with Kahan-style compensation of
 *   the mean update; adds and removes keep separate compensations (pandas' `compensation_add` and
 *   `compensation_remove`), and each step removes the leaving value before adding the new one;
 * - add (x observed): `nobs += 1`; `prevMean = mean - c`; `y = x - c`; `t = y - mean`;
 *   `c = (t + mean) - y`; `mean = mean + t / nobs`; `ssqdm = ssqdm + (x - prevMean) * (x - mean)`;
 * - remove (x observed): `nobs -= 1`; if `nobs > 0` the mirror image (`mean - t / nobs`,
 *   `ssqdm - (x - prevMean) * (x - mean)`), else `mean = ssqdm = 0` (the compensation is kept);
 * - variance `ssqdm / (nobs - 1)` when `nobs >= window` and `nobs > 1`, else NaN; exactly 0 when
 *   the last `nobs` observations are all equal (pandas' consecutive-equal-values rule, GH#42064;
 *   the run is counted over observations only, so it continues across missing rows). The result
 *   can be a tiny negative number; callers taking a square root must clamp it (see
 *   {@link rollingStdInto});
 * - non-finite inputs are missing (pandas turns ±Infinity into NaN before the window functions).
 *
 * Valid for `window >= 2` (pandas restarts the computation on every row when `window == 1`, which
 * gives NaN with ddof=1 anyway). Warm-up: outputs 0 … window-2 are NaN.
 */
export function rollingVarInto(x: ArrayLike<number>, window: number, out: Float64Array): void {
  rollingVarRows(x, window, out, VARIANCE);
}

/** {@link varRows} over all rows of `x`, chunked (see CHUNK_ROWS). */
function rollingVarRows(x: ArrayLike<number>, window: number, out: Float64Array, output: VarOutput): void {
  const n = x.length;
  const state = new Float64Array(VAR_STATE);
  state[LAST] = Number.NaN;
  for (let from = 0, to = 0; from < n; from = to) {
    to = chunkEnd(from, n);
    varRows(x, window, out, output, from, to, state);
  }
}

/**
 * Rows `from … to-1` of {@link rollingVarInto}, resuming from and saving into `state` (see
 * CHUNK_ROWS), each written as `output` says in the same loop (no second pass over the rows), one
 * row late (see {@link finishRow}). The same algorithm as `rolling_var_map` in the native kernels
 * crate, operation for operation.
 */
function varRows(
  x: ArrayLike<number>,
  window: number,
  out: Float64Array,
  output: VarOutput,
  from: number,
  to: number,
  state: Float64Array,
): void {
  let nobs = state[NOBS]!;
  let mean = state[MEAN]!;
  let ssqdm = state[SSQDM]!;
  let compAdd = state[COMP_ADD]!;
  let compRemove = state[COMP_REMOVE]!;
  let sameRun = state[SAME_RUN]!;
  let last = state[LAST]!;
  // Row i is finished after row i + 1's window updates (see finishRow); `heldNobs` 0: not full.
  let heldX = Number.NaN;
  let heldSsqdm = 0;
  let heldNobs = 0;
  let heldSameRun = 0;
  for (let i = from; i < to; i += 1) {
    if (i >= window) {
      const leaving = x[i - window]!;
      if (leaving - leaving === 0) {
        nobs -= 1;
        if (nobs !== 0) {
          const prevMean = mean - compRemove;
          const y = leaving - compRemove;
          const t = y - mean;
          compRemove = t + mean - y;
          mean = mean - t / nobs;
          ssqdm = ssqdm - (leaving - prevMean) * (leaving - mean);
        } else {
          mean = 0;
          ssqdm = 0;
        }
      }
    }
    const v = x[i]!;
    if (v - v === 0) {
      nobs += 1;
      sameRun = (v === last ? sameRun : 0) + 1;
      last = v;
      const prevMean = mean - compAdd;
      const y = v - compAdd;
      const t = y - mean;
      compAdd = t + mean - y;
      mean = mean + t / nobs;
      ssqdm = ssqdm + (v - prevMean) * (v - mean);
    }
    if (i > from) finishRow(out, i - 1, output, heldX, heldSsqdm, heldNobs, heldSameRun);
    heldX = v;
    heldNobs = nobs >= window && nobs > 1 ? nobs : 0;
    heldSsqdm = ssqdm;
    heldSameRun = sameRun;
  }
  if (to > from) finishRow(out, to - 1, output, heldX, heldSsqdm, heldNobs, heldSameRun);
  state[NOBS] = nobs;
  state[MEAN] = mean;
  state[SSQDM] = ssqdm;
  state[COMP_ADD] = compAdd;
  state[COMP_REMOVE] = compRemove;
  state[SAME_RUN] = sameRun;
  state[LAST] = last;
}

/**
 * Writes row `row` of {@link varRows} as `output` says, from the row's `x` and its window's sum of
 * squared deviations, count (0: the window is not full, variance NaN) and equal-values run.
 * `varRows` calls it one row late, after the next row's window updates, so that in program order
 * this division (and square root) come after that row's two divisions on the loop-carried mean
 * and the CPU gives the divider to the loop-carried chain first (same operations, same bits; as
 * `DeferredVariance` in the native kernels crate).
 */
function finishRow(
  out: Float64Array,
  row: number,
  output: VarOutput,
  x: number,
  ssqdm: number,
  nobs: number,
  sameRun: number,
): void {
  let variance = Number.NaN;
  if (nobs !== 0) variance = sameRun >= nobs ? 0 : ssqdm / (nobs - 1);
  out[row] = output === VARIANCE ? variance : output === STD ? zsqrt(variance) : x / zsqrt(variance);
}

/**
 * pandas 1.5.3 `Series.rolling(window, min_periods=window).std()` (ddof=1) into `out`, bit for bit:
 * the {@link zsqrt} of {@link rollingVarInto}'s variance, row by row in the same loop.
 */
export function rollingStdInto(x: ArrayLike<number>, window: number, out: Float64Array): void {
  rollingVarRows(x, window, out, STD);
}

/**
 * `out[i] = x[i] / std[i]` with `std` = {@link rollingStdInto} of `x` (0/0 = NaN, x/0 = ±Infinity,
 * NaN where the window is not full), computed in the variance's loop without a buffer for `std`.
 */
export function overRollingStdInto(x: ArrayLike<number>, window: number, out: Float64Array): void {
  rollingVarRows(x, window, out, OVER_STD);
}

/**
 * pandas' `zsqrt`: the square root of a variance, with +0 instead of NaN for a negative one (a
 * rounding residue). NaN stays NaN; -0 stays -0 (`sqrt(-0)`).
 */
export function zsqrt(variance: number): number {
  return variance < 0 ? 0 : Math.sqrt(variance);
}

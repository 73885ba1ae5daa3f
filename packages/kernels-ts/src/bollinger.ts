import { bindKernel, bollinger as spec } from '@omega-ta/kernel-interface';
import { chunkEnd } from './chunks.js';
import { zsqrt } from './rolling-var.js';
import { signbit } from './sma.js';

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
 * - one chunked loop (see `chunks.ts`) advances two window states side by side, sharing the
 *   observation count and the equal-values run: `mid` is the running sum and mean of `smaInto`
 *   (sma.ts, pandas `roll_mean`), `std` the Welford state of `rollingStdInto` (rolling-var.ts,
 *   pandas `roll_var` + `zsqrt`: Kahan-compensated mean updates, exactly 0 on a window of equal
 *   values, a negative rounding residue clamped to +0). The states share no arithmetic, so each
 *   keeps the bits of its separate pass; together the short Kahan chain overlaps the long Welford
 *   chain;
 * - `d = std_factor * std` is computed once per row and then added to and subtracted from `mid`
 *   (pandas evaluates `std_factor * std` twice; both are the same rounded product), no fused
 *   multiply-add;
 * - the kernel allocates nothing but its 11-slot state between chunks;
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
  const n = close.length;
  const state = new Float64Array(BAND_STATE);
  state[LAST] = Number.NaN;
  for (let from = 0, to = 0; from < n; from = to) {
    to = chunkEnd(from, n);
    bandRows(close, period, stdFactor, upper, mid, lower, from, to, state);
  }
}

/** Slots of {@link bandRows}' running state between chunks. */
const NOBS = 0;
const SUM = 1;
const SUM_COMP_ADD = 2;
const SUM_COMP_REMOVE = 3;
const NEGATIVES = 4;
const MEAN = 5;
const SSQDM = 6;
const VAR_COMP_ADD = 7;
const VAR_COMP_REMOVE = 8;
const SAME_RUN = 9;
const LAST = 10;
const BAND_STATE = 11;

/**
 * Rows `from … to-1` of {@link bollingerInto}, resuming from and saving into `state` (see
 * CHUNK_ROWS). The window states of `smaRows` (sma.ts) and `varRows` (rolling-var.ts), written out
 * again as plain locals (a class holding them deoptimised, see docs/performance.md), advanced side
 * by side with one shared count and equal-values run.
 */
function bandRows(
  x: Float64Array,
  period: number,
  stdFactor: number,
  upper: Float64Array,
  mid: Float64Array,
  lower: Float64Array,
  from: number,
  to: number,
  state: Float64Array,
): void {
  let nobs = state[NOBS]!;
  let sum = state[SUM]!;
  let sumCompAdd = state[SUM_COMP_ADD]!;
  let sumCompRemove = state[SUM_COMP_REMOVE]!;
  let negatives = state[NEGATIVES]!;
  let mean = state[MEAN]!;
  let ssqdm = state[SSQDM]!;
  let varCompAdd = state[VAR_COMP_ADD]!;
  let varCompRemove = state[VAR_COMP_REMOVE]!;
  let sameRun = state[SAME_RUN]!;
  let last = state[LAST]!;
  // Row i is written after row i + 1's window updates (see writeBands); `heldNobs` 0: not full.
  let heldMid = Number.NaN;
  let heldSsqdm = 0;
  let heldNobs = 0;
  let heldSameRun = 0;
  for (let i = from; i < to; i += 1) {
    if (i >= period) {
      const leaving = x[i - period]!;
      if (leaving - leaving === 0) {
        nobs -= 1;
        const ys = -leaving - sumCompRemove;
        const ts = sum + ys;
        sumCompRemove = ts - sum - ys;
        sum = ts;
        negatives -= signbit(leaving) ? 1 : 0;
        if (nobs !== 0) {
          const prevMean = mean - varCompRemove;
          const yv = leaving - varCompRemove;
          const tv = yv - mean;
          varCompRemove = tv + mean - yv;
          mean = mean - tv / nobs;
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
      const ys = v - sumCompAdd;
      const ts = sum + ys;
      sumCompAdd = ts - sum - ys;
      sum = ts;
      negatives += signbit(v) ? 1 : 0;
      sameRun = (v === last ? sameRun : 0) + 1;
      last = v;
      const prevMean = mean - varCompAdd;
      const yv = v - varCompAdd;
      const tv = yv - mean;
      varCompAdd = tv + mean - yv;
      mean = mean + tv / nobs;
      ssqdm = ssqdm + (v - prevMean) * (v - mean);
    }
    if (i > from) writeBands(upper, mid, lower, i - 1, stdFactor, heldMid, heldSsqdm, heldNobs, heldSameRun);
    heldNobs = 0;
    if (nobs >= period) {
      heldMid = sum / nobs;
      // Both sign tests run on every row, so V8 has their type feedback before the first window
      // of negative values (an untried compare there deoptimised the loop and sent it back to OSR).
      const negativeMean = heldMid < 0;
      const positiveMean = heldMid > 0;
      if (sameRun >= nobs) heldMid = last;
      else if (negatives === 0 && negativeMean) heldMid = 0;
      else if (negatives === nobs && positiveMean) heldMid = 0;
      heldSsqdm = ssqdm;
      heldNobs = nobs;
      heldSameRun = sameRun;
    }
  }
  if (to > from) writeBands(upper, mid, lower, to - 1, stdFactor, heldMid, heldSsqdm, heldNobs, heldSameRun);
  state[NOBS] = nobs;
  state[SUM] = sum;
  state[SUM_COMP_ADD] = sumCompAdd;
  state[SUM_COMP_REMOVE] = sumCompRemove;
  state[NEGATIVES] = negatives;
  state[MEAN] = mean;
  state[SSQDM] = ssqdm;
  state[VAR_COMP_ADD] = varCompAdd;
  state[VAR_COMP_REMOVE] = varCompRemove;
  state[SAME_RUN] = sameRun;
  state[LAST] = last;
}

/**
 * Writes the bands of `row` from its mean and its window's Welford sum of squared deviations,
 * count (0: the window is not full, all NaN) and equal-values run: `variance` (0 on equal values,
 * else `ssqdm / (nobs - 1)`), `d = stdFactor * zsqrt(variance)`, `mid ± d`. {@link bandRows} calls
 * it one row late, after the next row's window updates, so that in program order this division
 * and square root come after that row's two divisions on the loop-carried mean and the CPU gives
 * the divider to the loop-carried chain first (the same operations, so the same bits).
 */
function writeBands(
  upper: Float64Array,
  mid: Float64Array,
  lower: Float64Array,
  row: number,
  stdFactor: number,
  bandMid: number,
  ssqdm: number,
  nobs: number,
  sameRun: number,
): void {
  if (nobs === 0) {
    upper[row] = Number.NaN;
    mid[row] = Number.NaN;
    lower[row] = Number.NaN;
    return;
  }
  const variance = sameRun >= nobs ? 0 : ssqdm / (nobs - 1);
  const d = stdFactor * zsqrt(variance);
  upper[row] = bandMid + d;
  mid[row] = bandMid;
  lower[row] = bandMid - d;
}

/** Bollinger Bands of `close` (`upper`, `mid`, `lower`); see {@link bollingerInto}. */
export const bollinger = bindKernel(spec, (inputs, params, outputs) => {
  bollingerInto(inputs[0]!, params['period']!, params['std_factor']!, outputs[0]!, outputs[1]!, outputs[2]!);
});

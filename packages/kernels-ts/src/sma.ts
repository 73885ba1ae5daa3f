import { bindKernel, sma as spec } from '@omega-ta/kernel-interface';
import { chunkEnd } from './chunks.js';

/** True for -0, negative numbers and -Infinity: C's `signbit` for non-NaN values. */
export function signbit(v: number): boolean {
  return v < 0 || (v === 0 && 1 / v < 0);
}

/** Slots of {@link smaRows}' running state between chunks. */
const NOBS = 0;
const SUM = 1;
const COMP_ADD = 2;
const COMP_REMOVE = 3;
const NEGATIVES = 4;
const SAME_RUN = 5;
const LAST = 6;
const SMA_STATE = 7;

/**
 * SMA into `out`, bit for bit pandas 1.5.3 `Series.rolling(period, min_periods=period).mean()`
 * (aggregations.pyx `roll_mean` over a fixed window):
 *
 * - the window sum is a Kahan-compensated running sum with separate compensations for added and
 *   removed values, updated in pandas' order (remove the leaving value, then add the new one);
 * - the mean is `sum / nobs`, replaced by the last value when the last `nobs` observations are all
 *   equal (pandas' exact result on constant windows), and clamped to 0 when its sign contradicts
 *   every value of the window;
 * - non-finite inputs are missing; a window with fewer than `period` observations is NaN.
 *
 * Warm-up: outputs 0 … period-2 are NaN; later outputs are NaN while the window holds a gap.
 */
export function smaInto(x: Float64Array, period: number, out: Float64Array): void {
  const n = x.length;
  const state = new Float64Array(SMA_STATE);
  state[LAST] = Number.NaN;
  for (let from = 0, to = 0; from < n; from = to) {
    to = chunkEnd(from, n);
    smaRows(x, period, out, from, to, state);
  }
}

/** Rows `from … to-1` of {@link smaInto}, resuming from and saving into `state` (see CHUNK_ROWS). */
function smaRows(x: Float64Array, period: number, out: Float64Array, from: number, to: number, state: Float64Array): void {
  let nobs = state[NOBS]!;
  let sum = state[SUM]!;
  let compAdd = state[COMP_ADD]!;
  let compRemove = state[COMP_REMOVE]!;
  let negatives = state[NEGATIVES]!;
  let sameRun = state[SAME_RUN]!;
  let last = state[LAST]!;
  for (let i = from; i < to; i += 1) {
    if (i >= period) {
      const leaving = x[i - period]!;
      if (leaving - leaving === 0) {
        nobs -= 1;
        const y = -leaving - compRemove;
        const t = sum + y;
        compRemove = t - sum - y;
        sum = t;
        negatives -= signbit(leaving) ? 1 : 0;
      }
    }
    const v = x[i]!;
    if (v - v === 0) {
      nobs += 1;
      const y = v - compAdd;
      const t = sum + y;
      compAdd = t - sum - y;
      sum = t;
      negatives += signbit(v) ? 1 : 0;
      sameRun = v === last ? sameRun + 1 : 1;
      last = v;
    }
    let mean = Number.NaN;
    if (nobs >= period) {
      mean = sum / nobs;
      // Both sign tests run on every row, so V8 has their type feedback before the first window
      // of negative values (an untried compare there deoptimised the loop, as in bollinger.ts).
      const negativeMean = mean < 0;
      const positiveMean = mean > 0;
      if (sameRun >= nobs) mean = last;
      else if (negatives === 0 && negativeMean) mean = 0;
      else if (negatives === nobs && positiveMean) mean = 0;
    }
    out[i] = mean;
  }
  state[NOBS] = nobs;
  state[SUM] = sum;
  state[COMP_ADD] = compAdd;
  state[COMP_REMOVE] = compRemove;
  state[NEGATIVES] = negatives;
  state[SAME_RUN] = sameRun;
  state[LAST] = last;
}

/** Simple moving average of `close` over `period` bars; see {@link smaInto}. */
export const sma = bindKernel(spec, (inputs, params, outputs) => {
  smaInto(inputs[0]!, params['period']!, outputs[0]!);
});

import { bindKernel, macd as spec } from '@omega-ta/kernel-interface';
import { chunkEnd } from './chunks.js';
import { ewmAlpha, ewmNextMean, ewmNextWeight, EWM_STATE, startEwm } from './ewm.js';

/**
 * MACD into `macd`, `signal` and `histogram`, bit for bit the original's pandas 1.5.3 expression
 *
 * ```
 * macd = close.ewm(span=fast, adjust=False).mean() - close.ewm(span=slow, adjust=False).mean()
 * signal = macd.ewm(span=signal_period, adjust=False).mean()
 * ```
 *
 * plus `histogram = macd - signal` (not in the original, which returns the first two).
 *
 * - every ewm is {@link ewmNextMean} with pandas' span conversion `com = (span - 1) / 2`;
 * - the fast EMA is computed into `macd` and the slow one into `signal`, then
 *   `macd[t] = fast[t] - slow[t]` (IEEE subtraction: an overflowed ±Infinity stays, Infinity -
 *   Infinity is NaN), then the signal EMA of `macd` overwrites `signal`; the signal ewm, like
 *   pandas, treats a non-finite MACD value as missing.
 *
 * Warm-up: all three are NaN until the first finite close, then defined (held across gaps).
 */
export function macdInto(
  x: Float64Array,
  fastPeriod: number,
  slowPeriod: number,
  signalPeriod: number,
  macd: Float64Array,
  signal: Float64Array,
  histogram: Float64Array,
): void {
  const n = x.length;
  const fastCom = (fastPeriod - 1) / 2;
  const slowCom = (slowPeriod - 1) / 2;
  const signalCom = (signalPeriod - 1) / 2;
  const state = new Float64Array(3 * EWM_STATE);
  for (let k = 0; k < 3; k += 1) startEwm(state, k * EWM_STATE);
  for (let from = 0, to = 0; from < n; from = to) {
    to = chunkEnd(from, n);
    macdRows(x, from, to, fastCom, slowCom, signalCom, state, macd, signal, histogram);
  }
}

/**
 * Rows `from … to-1` of {@link macdInto}, resuming from and saving into `state` (see CHUNK_ROWS):
 * the three averages side by side (each row reads only its own input), made next to the loop so
 * that V8 keeps their state in registers.
 */
function macdRows(
  x: Float64Array,
  from: number,
  to: number,
  fastCom: number,
  slowCom: number,
  signalCom: number,
  state: Float64Array,
  macd: Float64Array,
  signal: Float64Array,
  histogram: Float64Array,
): void {
  const fastAlpha = ewmAlpha(fastCom);
  const fastDecay = 1 - fastAlpha;
  const slowAlpha = ewmAlpha(slowCom);
  const slowDecay = 1 - slowAlpha;
  const signalAlpha = ewmAlpha(signalCom);
  const signalDecay = 1 - signalAlpha;
  let fast = state[0]!;
  let fastWeight = state[1]!;
  let slow = state[EWM_STATE]!;
  let slowWeight = state[EWM_STATE + 1]!;
  let smooth = state[2 * EWM_STATE]!;
  let smoothWeight = state[2 * EWM_STATE + 1]!;
  for (let i = from; i < to; i += 1) {
    const v = x[i]!;
    const nextFast = ewmNextMean(fast, fastWeight, v, fastAlpha, fastDecay);
    fastWeight = ewmNextWeight(fast, fastWeight, v, fastDecay);
    fast = nextFast;
    const nextSlow = ewmNextMean(slow, slowWeight, v, slowAlpha, slowDecay);
    slowWeight = ewmNextWeight(slow, slowWeight, v, slowDecay);
    slow = nextSlow;
    const m = fast - slow;
    const nextSmooth = ewmNextMean(smooth, smoothWeight, m, signalAlpha, signalDecay);
    smoothWeight = ewmNextWeight(smooth, smoothWeight, m, signalDecay);
    smooth = nextSmooth;
    macd[i] = m;
    signal[i] = smooth;
    histogram[i] = m - smooth;
  }
  state[0] = fast;
  state[1] = fastWeight;
  state[EWM_STATE] = slow;
  state[EWM_STATE + 1] = slowWeight;
  state[2 * EWM_STATE] = smooth;
  state[2 * EWM_STATE + 1] = smoothWeight;
}

/** MACD line, signal line and histogram of `close`; see {@link macdInto}. */
export const macd = bindKernel(spec, (inputs, params, outputs) => {
  macdInto(
    inputs[0]!,
    params['fast_period']!,
    params['slow_period']!,
    params['signal_period']!,
    outputs[0]!,
    outputs[1]!,
    outputs[2]!,
  );
});

import { bindKernel, macd as spec } from '@omega-ta/kernel-interface';
import { chunkEnd } from './chunks.js';
import { EWM_STATE, EwmMean } from './ewm.js';

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
 * - every ewm is {@link EwmMean} with pandas' span conversion `com = (span - 1) / 2`;
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
  new EwmMean(fastCom).save(state, 0);
  new EwmMean(slowCom).save(state, EWM_STATE);
  new EwmMean(signalCom).save(state, 2 * EWM_STATE);
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
  const fast = new EwmMean(fastCom);
  const slow = new EwmMean(slowCom);
  const smooth = new EwmMean(signalCom);
  fast.restore(state, 0);
  slow.restore(state, EWM_STATE);
  smooth.restore(state, 2 * EWM_STATE);
  for (let i = from; i < to; i += 1) {
    const v = x[i]!;
    const m = fast.push(v) - slow.push(v);
    const s = smooth.push(m);
    macd[i] = m;
    signal[i] = s;
    histogram[i] = m - s;
  }
  fast.save(state, 0);
  slow.save(state, EWM_STATE);
  smooth.save(state, 2 * EWM_STATE);
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

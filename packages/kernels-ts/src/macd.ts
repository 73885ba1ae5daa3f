import { bindKernel, macd as spec } from '@omega-ta/kernel-interface';
import { EwmMean } from './ewm.js';

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
  macdPass(x, x.length, (fastPeriod - 1) / 2, (slowPeriod - 1) / 2, (signalPeriod - 1) / 2, macd, signal, histogram);
}

/**
 * The one pass of {@link macdInto}: the three averages side by side (each row reads only its own
 * input), created next to the loop so that V8 keeps their state in registers.
 */
function macdPass(
  x: Float64Array,
  n: number,
  fastCom: number,
  slowCom: number,
  signalCom: number,
  macd: Float64Array,
  signal: Float64Array,
  histogram: Float64Array,
): void {
  const fast = new EwmMean(fastCom);
  const slow = new EwmMean(slowCom);
  const smooth = new EwmMean(signalCom);
  for (let i = 0; i < n; i += 1) {
    const v = x[i]!;
    const m = fast.push(v) - slow.push(v);
    const s = smooth.push(m);
    macd[i] = m;
    signal[i] = s;
    histogram[i] = m - s;
  }
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

import { bindKernel, macd as spec } from '@omega-ta/kernel-interface';
import { ewmMeanInto } from './ewm.js';

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
 * - every ewm is {@link ewmMeanInto} with pandas' span conversion `com = (span - 1) / 2`;
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
  ewmMeanInto(x, (fastPeriod - 1) / 2, macd);
  ewmMeanInto(x, (slowPeriod - 1) / 2, signal); // the slow EMA, for now
  for (let i = 0; i < n; i += 1) macd[i] = macd[i]! - signal[i]!;
  ewmMeanInto(macd, (signalPeriod - 1) / 2, signal);
  for (let i = 0; i < n; i += 1) histogram[i] = macd[i]! - signal[i]!;
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

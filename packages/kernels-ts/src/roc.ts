import { bindKernel, roc as spec } from '@omega-ta/kernel-interface';

/**
 * ROC into `out`, bit for bit the original's pandas 1.5.3 expression
 * `prev = close.shift(period); (close - prev) / prev * 100.0`:
 *
 * - rows `0 … period-1` are NaN (the shift has no earlier close);
 * - then `((x[t] - x[t-period]) / x[t-period]) * 100`, evaluated in exactly that order (no
 *   reassociation into `x[t] / x[t-period] - 1`), with plain IEEE arithmetic: a zero earlier
 *   close gives ±Infinity (or NaN for 0 / 0), an infinite close gives ±Infinity or NaN, a NaN
 *   close gives NaN. Unlike the ewm/rolling indicators nothing is skipped or held.
 *
 * `period` >= 1 (the contract's range): the original's `shift(0)` (all zeros) and
 * `shift(-k)` (reads future bars) are not reproduced here.
 */
export function rocInto(x: Float64Array, period: number, out: Float64Array): void {
  const n = x.length;
  const warm = Math.min(period, n);
  out.fill(Number.NaN, 0, warm);
  for (let i = warm; i < n; i += 1) {
    const prev = x[i - period]!;
    out[i] = ((x[i]! - prev) / prev) * 100;
  }
}

/** Rate of change of `close` over `period` bars, in percent; see {@link rocInto}. */
export const roc = bindKernel(spec, (inputs, params, outputs) => {
  rocInto(inputs[0]!, params['period']!, outputs[0]!);
});

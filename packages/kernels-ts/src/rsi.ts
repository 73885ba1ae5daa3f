import { bindKernel, rsi as spec } from '@omega-ta/kernel-interface';
import { ewmMeanInto } from './ewm.js';

/** pandas `Series.clip(lower=0)` of one value: NaN stays NaN, -0 stays -0 (`-0 >= 0`), below 0 becomes +0. */
function clipLowerZero(v: number): number {
  return v >= 0 || v !== v ? v : 0;
}

/**
 * RSI into `out`, bit for bit the original's pandas 1.5.3 expression
 *
 * ```
 * delta = close.diff(); gain = delta.clip(lower=0); loss = (-delta).clip(lower=0)
 * avg_gain = gain.ewm(alpha=1/period, adjust=False).mean()   # same for avg_loss
 * rsi = 100 - 100 / (1 + avg_gain / avg_loss)
 * ```
 *
 * - `delta[t] = close[t] - close[t-1]` (NaN at row 0 and next to a missing close). The
 *   difference, the clipping and the divisions keep ±Infinity: an infinite close gives an infinite
 *   gain or loss, which only the ewm treats as missing; the other side's 0 is an observation.
 * - clip(lower=0): `v >= 0 ? v : 0` with NaN kept, so -0 stays -0 and -Infinity becomes +0.
 * - pandas reduces alpha to `com = (1 - alpha) / alpha` with `alpha = 1 / period` (not `period - 1`
 *   exactly) and its kernel rebuilds `alpha = 1 / (1 + com)`; {@link ewmMeanInto} does the latter.
 * - `avg_gain / avg_loss`: IEEE division, so a zero average loss gives `rs = Infinity` and
 *   `rsi = 100 - 100 / Infinity = 100`, and 0 / 0 gives NaN (a flat start).
 *
 * Warm-up: row 0 is NaN; later rows are defined once a difference was observed, and hold across
 * gaps (the ewm holds). Every value lies in [0, 100].
 */
export function rsiInto(x: Float64Array, period: number, out: Float64Array): void {
  const n = x.length;
  const gain = new Float64Array(n);
  const loss = new Float64Array(n);
  for (let i = 0; i < n; i += 1) {
    const delta = i === 0 ? Number.NaN : x[i]! - x[i - 1]!;
    gain[i] = clipLowerZero(delta);
    loss[i] = clipLowerZero(-delta);
  }
  const alpha = 1 / period;
  const com = (1 - alpha) / alpha;
  ewmMeanInto(gain, com, out); // avg_gain
  const avgLoss = gain; // the gains are no longer needed: reuse their buffer
  ewmMeanInto(loss, com, avgLoss);
  for (let i = 0; i < n; i += 1) {
    const rs = out[i]! / avgLoss[i]!;
    out[i] = 100 - 100 / (1 + rs);
  }
}

/** Relative strength index of `close` over `period` bars (Wilder smoothing); see {@link rsiInto}. */
export const rsi = bindKernel(spec, (inputs, params, outputs) => {
  rsiInto(inputs[0]!, params['period']!, outputs[0]!);
});

import { bindKernel, kalman_mean as spec } from '@omega-ta/kernel-interface';

/**
 * The original `IndicatorCache.kalman_mean` (its `_kalman_mean_from_series` loop) into `out`, bit
 * for bit: a one-dimensional random-walk Kalman filter with measurement variance `r` and process
 * variance `q`.
 *
 * - rows before the first non-NaN close are NaN; there `xhat = close`, `P = r`;
 * - then per row `pMinus = (P[t-1] is NaN ? r : P[t-1]) + q`; with a close `m`:
 *   `k = pMinus / (pMinus + r)`, `xhat = xhat[t-1] + k * (m - xhat[t-1])`, `P = (1 - k) * pMinus`,
 *   each in exactly that order (no fused multiply-add, no `(1 - k) * xhat + k * m`); without a
 *   close (NaN) `xhat = P = NaN`;
 * - missing means NaN only (pandas `notna`): ±Infinity is a measurement and propagates by IEEE
 *   arithmetic (`xhat` becomes ±Infinity, then NaN at the next finite close);
 * - the original's defect is reproduced: after a NaN close `xhat[t-1]` is NaN, so every later row
 *   is NaN too (the filter never restarts after a gap). docs/known-differences.md.
 *
 * Within the contract (`0 < r`, `0 <= q`, both <= 1e300) `pMinus + r` is positive and finite, so
 * `k` lies in (0, 1] and `P` stays finite; the original's 0 / 0 for `r = q = 0` cannot occur.
 * Warm-up: none (the first close is its own estimate).
 */
export function kalmanMeanInto(close: ArrayLike<number>, r: number, q: number, out: Float64Array): void {
  const n = close.length;
  out.fill(Number.NaN);
  let first = 0;
  while (first < n && Number.isNaN(close[first]!)) first += 1;
  if (first === n) return;
  let xhat = close[first]!;
  let p = r;
  out[first] = xhat;
  for (let t = first + 1; t < n; t += 1) {
    const m = close[t]!;
    const pMinus = (Number.isNaN(p) ? r : p) + q;
    if (Number.isNaN(m)) {
      xhat = Number.NaN;
      p = Number.NaN;
    } else {
      const k = pMinus / (pMinus + r);
      xhat = xhat + k * (m - xhat);
      p = (1 - k) * pMinus;
    }
    out[t] = xhat;
  }
}

/** Kalman filter mean of `close`; see {@link kalmanMeanInto}. */
export const kalman_mean = bindKernel(spec, (inputs, params, outputs) => {
  kalmanMeanInto(inputs[0]!, params['R']!, params['Q']!, outputs[0]!);
});

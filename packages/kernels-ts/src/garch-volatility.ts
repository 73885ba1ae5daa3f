import { bindKernel, garch_volatility as spec } from '@omega-ta/kernel-interface';
import { log } from './log.js';

/**
 * The original `IndicatorCache.garch_volatility` into `out`, bit for bit its numpy/pandas 1.5.3
 * computation:
 *
 * ```python
 * rets = np.log(s / s.shift(1)) if use_log else s.pct_change()   # pct_change: fillna(method='pad') first
 * r = rets * scale
 * f = argmax(notna(r))                                             # ±inf counts as a return
 * lr_var = nanvar(r[max(0, f-1000) : f+1]) -> 1e-6 if not finite or <= 0
 * omega = given omega, else lr_var * max(1e-6, 1 - alpha - beta); omega = max(omega, 0)
 * mu = nanmean(r[max(0, f-2000) : f+1]); eps2 = (r[f] - mu) ** 2
 * var[f] = max(lr_var, eps2, floor ** 2)
 * var[t] = r[t] finite ? max(omega + alpha * eps2 + beta * var_prev, floor ** 2) : var[t-1]
 * sigma = sqrt(var) / scale, NaN before row f + min_periods
 * ```
 *
 * Bit-level choices:
 * - returns: `close[t] / close[t-1]` (IEEE division) then {@link log} (fdlibm's, the same port in
 *   both backends; numpy's `np.log` may differ in the last ulp). pct_change: the closes are
 *   forward-filled over NaN (not ±Infinity) as pandas' `fillna(method='pad')`, then
 *   `d[t] / d[t-1] - 1`. Row 0 has no return (NaN). Then `* scale`.
 * - the windows of `nanvar` and `nanmean` end at the first non-NaN return, so they hold exactly
 *   one value x = r[f] (every earlier r is NaN): `nanvar` is `(x - x)² / 1 = 0` (NaN for ±Infinity),
 *   so `lr_var` is always the fallback 1e-6 (the original's degenerate start estimate, reproduced;
 *   docs/known-differences.md), and `mu = x / 1 = x`, `eps2 = (x - x)² = 0` (NaN for ±Infinity).
 * - Python's `max(a, b, …)` keeps the first argument unless a later one is strictly greater
 *   (a NaN later argument is skipped, a NaN first one stays): reproduced literally.
 * - `x ** 2` is `x * x` here (correctly rounded); CPython/numpy call libm `pow(x, 2.0)`, which on
 *   glibc differs from it in the last bit for about 0.1 % of values (docs/known-differences.md).
 * - `omega + alpha * eps2 + beta * var` is evaluated left to right, no fused multiply-add.
 * - negative `omega` stands for the original's `omega=None` (the contract's parameters are numbers).
 * - `alpha + beta >= 1`: every row NaN (the original's stability skip).
 *
 * Warm-up on gap-free data: rows 0 … min_periods are NaN (the first return is row 1).
 */
export function garchVolatilityInto(
  close: ArrayLike<number>,
  alpha: number,
  beta: number,
  omega: number,
  useLogReturns: boolean,
  scale: number,
  minPeriods: number,
  sigmaFloor: number,
  out: Float64Array,
): void {
  const n = close.length;
  out.fill(Number.NaN);
  if (alpha + beta >= 1 || n === 0) return;
  // r = scale * returns, into out (row 0 has none).
  if (useLogReturns) {
    for (let t = 1; t < n; t += 1) out[t] = log(close[t]! / close[t - 1]!) * scale;
  } else {
    let prev = close[0]!;
    for (let t = 1; t < n; t += 1) {
      const c = close[t]!;
      const d = Number.isNaN(c) ? prev : c; // fillna(method='pad')
      out[t] = (d / prev - 1) * scale;
      prev = d;
    }
  }
  let first = 0;
  while (first < n && Number.isNaN(out[first]!)) first += 1;
  if (first === n) return;
  const floorSq = sigmaFloor * sigmaFloor;
  // The original's nanvar / nanmean windows end at `first`, so they hold the one value x:
  // nanmean = x / 1 = x and nanvar = (x - x)² / 1 (both divisions by 1 are exact); non-finite or
  // <= 0 → 1e-6. It is always 0 or NaN, so lrVar is always 1e-6.
  const x = out[first]!;
  const mu = x;
  const dev = x - mu;
  let lrVar = dev * dev;
  if (!Number.isFinite(lrVar) || lrVar <= 0) lrVar = 1e-6;
  let w: number;
  if (omega < 0) {
    const rest = 1 - alpha - beta;
    w = lrVar * (rest > 1e-6 ? rest : 1e-6);
  } else {
    w = omega;
  }
  if (0 > w) w = 0;
  let eps2 = dev * dev;
  let varPrev = lrVar;
  if (eps2 > varPrev) varPrev = eps2;
  if (floorSq > varPrev) varPrev = floorSq;
  // out[first …] becomes the variance, out[< first] stays NaN.
  out[first] = varPrev;
  for (let t = first + 1; t < n; t += 1) {
    const rt = out[t]!;
    if (!Number.isFinite(rt)) {
      out[t] = out[t - 1]!;
      continue;
    }
    let v = w + alpha * eps2 + beta * varPrev;
    if (floorSq > v) v = floorSq;
    out[t] = v;
    const d = rt - mu;
    eps2 = d * d;
    varPrev = v;
  }
  const valid = first + minPeriods;
  for (let t = 0; t < n; t += 1) out[t] = t >= valid ? Math.sqrt(out[t]!) / scale : Number.NaN;
}

/** GARCH(1,1) volatility of the returns of the closes; see {@link garchVolatilityInto}. */
export const garch_volatility = bindKernel(spec, (inputs, params, outputs) => {
  garchVolatilityInto(
    inputs[0]!,
    params['alpha']!,
    params['beta']!,
    params['omega']!,
    params['use_log_returns'] === 1,
    params['scale']!,
    params['min_periods']!,
    params['sigma_floor']!,
    outputs[0]!,
  );
});

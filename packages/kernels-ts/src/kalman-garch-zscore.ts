import { bindKernel, kalman_garch_zscore as spec } from '@omega-ta/kernel-interface';
import { garchVolatilityInto } from './garch-volatility.js';
import { kalmanMeanInto } from './kalman-mean.js';

/**
 * The original `IndicatorCache.kalman_garch_zscore` into `out`, bit for bit its pandas 1.5.3
 * expression
 *
 * ```python
 * resid = close - kalman_mean(close, R, Q)
 * sigma_price = (close.abs() * garch_volatility(close, …)).replace(0.0, NaN)
 * z = resid / sigma_price; z[sigma_price.isna() | km.isna()] = NaN
 * ```
 *
 * - the Kalman mean is {@link kalmanMeanInto} (NaN from the first gap on, as the original) and
 *   sigma is {@link garchVolatilityInto} (fdlibm log, see there);
 * - `sigma_price = |close| * sigma` by IEEE multiplication; a price sigma equal to 0 (either
 *   sign) is NaN (pandas `replace(0.0, NaN)`);
 * - `z = (close - mean) / sigma_price`. The original's final mask changes nothing bitwise:
 *   where the mean or the price sigma is NaN the quotient is NaN already.
 *
 * Warm-up: that of the GARCH sigma (rows 0 … min_periods on gap-free data); all NaN when
 * alpha + beta >= 1.
 */
export function kalmanGarchZscoreInto(
  close: ArrayLike<number>,
  r: number,
  q: number,
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
  const mean = new Float64Array(n);
  kalmanMeanInto(close, r, q, mean);
  garchVolatilityInto(close, alpha, beta, omega, useLogReturns, scale, minPeriods, sigmaFloor, out);
  for (let t = 0; t < n; t += 1) {
    const c = close[t]!;
    let sigmaPrice = Math.abs(c) * out[t]!;
    if (sigmaPrice === 0) sigmaPrice = Number.NaN;
    out[t] = (c - mean[t]!) / sigmaPrice;
  }
}

/** Z-score of the Kalman residual against the price-scaled GARCH sigma; see {@link kalmanGarchZscoreInto}. */
export const kalman_garch_zscore = bindKernel(spec, (inputs, params, outputs) => {
  kalmanGarchZscoreInto(
    inputs[0]!,
    params['R']!,
    params['Q']!,
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

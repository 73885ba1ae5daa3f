import type { Ohlcv } from '../series.js';
import { kalmanMean } from './kalman-mean.js';

/**
 * Textbook GARCH(1,1) filter over scaled one-bar returns, with the original's initialisation:
 * the first return is its own mean (mu), the start variance is max(1e-6, sigma_floor²), omega
 * defaults to 1e-6 * max(1e-6, 1 - alpha - beta), each later variance is
 * omega + alpha * (previous shock)² + beta * (previous variance), floored at sigma_floor²; a
 * missing return repeats the variance. Percent-change returns forward-fill missing closes.
 */
function garchSigma(close: Float64Array, params: Readonly<Record<string, number>>): number[] {
  const alpha = params['alpha']!;
  const beta = params['beta']!;
  const scale = params['scale']!;
  const floor = params['sigma_floor']! ** 2;
  const n = close.length;
  const sigma: number[] = new Array<number>(n).fill(Number.NaN);
  if (alpha + beta >= 1) return sigma;
  const returns: number[] = [Number.NaN];
  let last = close[0]!;
  for (let t = 1; t < n; t += 1) {
    if (params['use_log_returns'] === 1) {
      returns.push(Math.log(close[t]! / close[t - 1]!) * scale);
    } else {
      const now = Number.isNaN(close[t]!) ? last : close[t]!;
      returns.push((now / last - 1) * scale);
      last = now;
    }
  }
  const first = returns.findIndex((r) => !Number.isNaN(r));
  if (first < 0) return sigma;
  const omega = params['omega']! < 0 ? 1e-6 * Math.max(1e-6, 1 - alpha - beta) : params['omega']!;
  const mu = returns[first]!;
  const variance: number[] = [];
  variance[first] = Math.max(1e-6, floor);
  let shock2 = Number.isFinite(mu) ? 0 : Number.NaN;
  for (let t = first + 1; t < n; t += 1) {
    if (!Number.isFinite(returns[t]!)) {
      variance[t] = variance[t - 1]!;
      continue;
    }
    const v = omega + alpha * shock2 + beta * variance[t - 1]!;
    variance[t] = Number.isNaN(v) ? v : Math.max(v, floor);
    shock2 = (returns[t]! - mu) ** 2;
  }
  for (let t = first + params['min_periods']!; t < n; t += 1) sigma[t] = Math.sqrt(variance[t]!) / scale;
  return sigma;
}

/** GARCH(1,1) sigma of the returns; see {@link garchSigma}. */
export function garchVolatility(table: Ohlcv, params: Readonly<Record<string, number>>): number[][] {
  return [garchSigma(table.close, params)];
}

/** (close - Kalman mean) / (|close| * GARCH sigma), NaN where that price sigma is 0 or missing. */
export function kalmanGarchZscore(table: Ohlcv, params: Readonly<Record<string, number>>): number[][] {
  const mean = kalmanMean(table, params)[0]!;
  const sigma = garchSigma(table.close, params);
  return [
    sigma.map((s, t) => {
      const c = table.close[t]!;
      const priceSigma = Math.abs(c) * s;
      return priceSigma === 0 || Number.isNaN(priceSigma) ? Number.NaN : (c - mean[t]!) / priceSigma;
    }),
  ];
}

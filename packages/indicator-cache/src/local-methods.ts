import type { ReadonlyFloat64Array } from '@omega-ta/kernel-interface';
import type { CacheCore } from './cache-core.js';
import { kalmanMeanCompat } from './kalman-compat.js';
import { garchCompatInto, garchParams, kalmanByKernel, type GarchArgs } from './kalman-garch.js';
import { EMPTY_WINDOW, type LocalWindow } from './types.js';
import { atr } from './volatility.js';
import { requireInteger, requireKalman } from './validate.js';

/**
 * The original's per-row local methods: `garchVolatilityLocal`, `kalmanGarchZscoreLocal`,
 * `volClusterSeries` (docs on IndicatorCache). Computed per call from rows up to `idx`, not cached.
 */

/**
 * The original's local GARCH sigma of `segment` (see IndicatorCache.garchVolatilityLocal) by the
 * garch_volatility kernel: run on the segment from the row before the first finite return f,
 * where the kernel's first return is that one, so its start estimates, recursion and warm-up
 * (f + minPeriods) are the original's. Rows before f - 1 are NaN.
 */
function garchLocal(core: CacheCore, segment: ReadonlyFloat64Array, params: Record<string, number> | undefined, g: GarchArgs, muSpan: number): Float64Array {
  const { alpha, beta, omega, useLogReturns, scale, minPeriods, sigmaFloor } = g;
  const n = segment.length;
  const out = new Float64Array(n).fill(Number.NaN);
  // The original's local returns (row 0 none, no forward fill); Math.log only decides finiteness
  // here: the kernel recomputes the values, and the compat path needs only pct values or none.
  const r = new Float64Array(n).fill(Number.NaN);
  for (let t = 1; t < n; t += 1) {
    const ratio = segment[t]! / segment[t - 1]!;
    r[t] = (useLogReturns ? Math.log(ratio) : ratio - 1) * scale;
  }
  const first = r.findIndex(Number.isFinite);
  if (first < 0) return out;
  const tail = segment.subarray(first - 1);
  let positive = false;
  let negative = false;
  for (let t = Math.max(0, first - muSpan); t < first; t += 1) {
    if (r[t] === Infinity) positive = true;
    if (r[t] === -Infinity) negative = true;
  }
  if (positive || negative || (!useLogReturns && tail.some(Number.isNaN))) {
    // Outside what the kernel reproduces: nanmean's window holds ±Infinity (mu is ±Infinity or
    // NaN, so every squared shock is Infinity or NaN whatever the return), or pct returns over a
    // missing close (NaN, not pandas' forward fill). The original's arithmetic, literally.
    const mu = positive && negative ? Number.NaN : positive ? Infinity : negative ? -Infinity : r[first]!;
    const floorSq = sigmaFloor * sigmaFloor;
    let w = omega === null ? 1e-6 * (1 - alpha - beta > 1e-6 ? 1 - alpha - beta : 1e-6) : omega;
    if (0 > w) w = 0;
    let eps2 = (r[first]! - mu) * (r[first]! - mu);
    let varPrev = 1e-6; // nanvar of that window is 0 or NaN: the original's fallback 1e-6
    if (eps2 > varPrev) varPrev = eps2;
    if (floorSq > varPrev) varPrev = floorSq;
    const variance = new Float64Array(n).fill(Number.NaN);
    variance[first] = varPrev;
    for (let t = first + 1; t < n; t += 1) {
      if (!Number.isFinite(r[t]!)) {
        variance[t] = variance[t - 1]!;
        continue;
      }
      let v = w + alpha * eps2 + beta * varPrev;
      if (floorSq > v) v = floorSq;
      variance[t] = v;
      eps2 = (r[t]! - mu) * (r[t]! - mu);
      varPrev = v;
    }
    const valid = first + Math.max(0, Math.trunc(minPeriods));
    for (let t = valid; t < n; t += 1) out[t] = Math.sqrt(variance[t]!) / scale;
    return out;
  }
  const sigma = out.subarray(first - 1);
  if (params !== undefined) core.run('garch_volatility', [tail], params, [sigma]);
  else garchCompatInto(tail, g, sigma);
  return out;
}

export function garchVolatilityLocal(core: CacheCore, tf: string, side: string, idx: number, lookback: number, g: GarchArgs): LocalWindow {
  const method = 'garch_volatility_local';
  requireInteger(method, 'idx', idx, Number.MIN_SAFE_INTEGER, 'an integer');
  requireInteger(method, 'lookback', lookback, Number.MIN_SAFE_INTEGER, 'an integer');
  const params = garchParams(method, g, core.strict);
  const close = core.columns(tf, side)?.close;
  const n = close?.length ?? 0;
  if (close === undefined || g.alpha + g.beta >= 1 || idx < 0 || n === 0) return EMPTY_WINDOW;
  const end = Math.min(idx, n - 1) + 1;
  const start = Math.max(0, end - Math.max(1, lookback));
  return { start, values: garchLocal(core, close.subarray(start, end), params, g, 2000) };
}

export function volClusterSeries(core: CacheCore, tf: string, side: string, idx: number, feature: string, atrLength: number, garchLookback: number, g: GarchArgs): LocalWindow {
  if (String(feature ?? '').trim().toLowerCase() === 'atr_points') return { start: 0, values: atr(core, tf, side, atrLength) };
  return garchVolatilityLocal(core, tf, side, idx, garchLookback, g);
}

export function kalmanGarchZscoreLocal(core: CacheCore, tf: string, side: string, idx: number, lookback: number, R: number, Q: number, g: GarchArgs): number | null {
  const method = 'kalman_garch_zscore_local';
  requireInteger(method, 'idx', idx, Number.MIN_SAFE_INTEGER, 'an integer');
  requireInteger(method, 'lookback', lookback, Number.MIN_SAFE_INTEGER, 'an integer');
  requireKalman(method, R, Q, core.strict);
  const params = garchParams(method, g, core.strict);
  if (g.alpha + g.beta >= 1) return null;
  const close = core.columns(tf, side)?.close;
  if (close === undefined || idx < 0 || idx >= close.length) return null;
  const segment = close.subarray(Math.max(0, idx - lookback + 1), idx + 1);
  if (segment.length < 2) return null;
  let mean: ReadonlyFloat64Array;
  if (kalmanByKernel(core, R, Q)) {
    const out = new Float64Array(segment.length);
    core.run('kalman_mean', [segment], { R, Q }, [out]);
    mean = out;
  } else {
    mean = kalmanMeanCompat(segment, R, Q, core.kalmanResume);
  }
  const last = segment.length - 1;
  const meanLast = mean[last]!;
  if (Number.isNaN(meanLast)) return null;
  const closeLast = segment[last]!;
  const resid = closeLast - meanLast;
  // This variant's nanmean window is 1000 returns long (garch_volatility_local: 2000).
  const sigma = garchLocal(core, segment, params, g, 1000)[last]!;
  if (!Number.isFinite(sigma) || sigma <= 0) return null;
  const sigmaPrice = Math.abs(closeLast) * sigma;
  if (!Number.isFinite(sigmaPrice) || sigmaPrice === 0) return null;
  const z = resid / sigmaPrice;
  return Number.isFinite(z) ? z : null;
}

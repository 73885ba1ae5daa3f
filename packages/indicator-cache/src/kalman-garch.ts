import { ErrorCode, findIndicator, OmegaTaError, resolveParams, type ReadonlyFloat64Array } from '@omega-ta/kernel-interface';
import { garchVolatilityInto } from '@omega-ta/kernels-ts';
import type { CacheCore } from './cache-core.js';
import { kalmanMeanCompat, zscoreOfResiduals } from './kalman-compat.js';
import { EMPTY } from './types.js';
import { kalmanInContract, requireInteger, requireKalman } from './validate.js';

/**
 * Kalman and GARCH series over all rows: `kalmanMean`, `kalmanZscore`, `garchVolatility`,
 * `kalmanGarchZscore` (docs on IndicatorCache). Parameters inside the kernel contract are
 * answered (and cached) by the kernels, the rest by the original's arithmetic.
 */

/** Whether the Kalman kernels answer these variances (inside the contract, no resume after gaps). */
export function kalmanByKernel(core: CacheCore, R: number, Q: number): boolean {
  return !core.kalmanResume && kalmanInContract('R', R) && kalmanInContract('Q', Q);
}

export function kalmanMean(core: CacheCore, tf: string, side: string, R: number, Q: number): ReadonlyFloat64Array {
  requireKalman('kalman_mean', R, Q, core.strict);
  if (kalmanByKernel(core, R, Q)) return core.series('kalman_mean', tf, side, { R, Q });
  const slot = core.slot(tf, side);
  if (slot === undefined) return EMPTY;
  if (!core.kalmanResume) return kalmanMeanCompat(slot.columns.close, R, Q);
  const node = slot.method('kalman_mean_resume').at(R).at(Q);
  return (core.cached(node) as ReadonlyFloat64Array | undefined) ?? core.keep(node, kalmanMeanCompat(slot.columns.close, R, Q, true));
}

export function kalmanZscore(core: CacheCore, tf: string, side: string, window: number, R: number, Q: number): ReadonlyFloat64Array {
  const mean = kalmanMean(core, tf, side, R, Q);
  requireInteger('kalman_zscore', 'window', window, core.strict ? 2 : 0, core.strict ? 'an integer >= 2' : 'an integer >= 0');
  if (window < 2) return core.allNaN(tf, side);
  if (kalmanByKernel(core, R, Q)) return core.series('kalman_zscore', tf, side, { window, R, Q });
  return zscoreOfResiduals(core.columns(tf, side)?.close ?? EMPTY, mean, window);
}

/** The GARCH parameters of the original's methods, in their order. */
export type GarchArgs = {
  readonly alpha: number;
  readonly beta: number;
  readonly omega: number | null;
  readonly useLogReturns: boolean;
  readonly scale: number;
  readonly minPeriods: number;
  readonly sigmaFloor: number;
};

/**
 * The GARCH parameters as the kernel contract's numbers (omega None = -1, booleans 0/1), or
 * undefined when they are outside the contract (the compat path); with `strict` that throws the
 * contract's INVALID_PARAM instead. Always checks the types.
 */
export function garchParams(method: string, g: GarchArgs, strict: boolean): Record<string, number> | undefined {
  const { alpha, beta, omega, useLogReturns, scale, minPeriods, sigmaFloor } = g;
  if (typeof useLogReturns !== 'boolean') {
    throw new OmegaTaError(ErrorCode.INVALID_PARAM, `${method}: use_log_returns must be a boolean (got ${String(useLogReturns)})`, {
      argument: 'use_log_returns',
    });
  }
  for (const [name, value] of [['alpha', alpha], ['beta', beta], ['omega', omega ?? 0], ['scale', scale], ['min_periods', minPeriods], ['sigma_floor', sigmaFloor]] as const) {
    if (typeof value !== 'number') {
      throw new OmegaTaError(ErrorCode.INVALID_PARAM, `${method}: ${name} must be a number (got ${String(value)})`, { argument: name });
    }
  }
  const params = {
    alpha,
    beta,
    omega: omega === null ? -1 : omega,
    use_log_returns: useLogReturns ? 1 : 0,
    scale,
    min_periods: minPeriods,
    sigma_floor: sigmaFloor,
  };
  // An explicit negative omega is the original's max(omega, 0) = 0, not the contract's None.
  if (omega !== null && omega < 0 && !strict) return undefined;
  if (strict) {
    if (alpha + beta >= 1) {
      throw new OmegaTaError(ErrorCode.INVALID_PARAM, `${method}: alpha + beta must be < 1 (got ${alpha} + ${beta}); the original returns all NaN`, {
        argument: 'beta',
      });
    }
    if (omega !== null && omega < 0) {
      throw new OmegaTaError(ErrorCode.INVALID_PARAM, `${method}: omega must be null or a number >= 0 (got ${omega})`, { argument: 'omega' });
    }
    resolveParams(method, findIndicator('garch_volatility')!.params, params);
    return params;
  }
  try {
    resolveParams(method, findIndicator('garch_volatility')!.params, params);
    return params;
  } catch {
    return undefined;
  }
}

/** The original's GARCH recursion over `close` for parameters outside the contract (uncached). */
export function garchCompatInto(close: ReadonlyFloat64Array, g: GarchArgs, out: Float64Array): void {
  const omegaValue = g.omega === null ? -1 : g.omega < 0 ? 0 : g.omega;
  garchVolatilityInto(close, g.alpha, g.beta, omegaValue, Boolean(g.useLogReturns), g.scale, Math.max(0, Math.trunc(g.minPeriods)), g.sigmaFloor, out);
}

/**
 * `garchVolatility` and `kalmanGarchZscore` are cached under their arguments as given (validated
 * on the first call only: the same arguments pass or fail the same way), including the results
 * of the original's arithmetic outside the kernel contract.
 */
export function garchVolatility(core: CacheCore, tf: string, side: string, g: GarchArgs): ReadonlyFloat64Array {
  const slot = core.slot(tf, side);
  const node = slot?.method('garch_volatility').path(g);
  const cached = core.cached(node) as ReadonlyFloat64Array | undefined;
  if (cached !== undefined) return cached;
  const params = garchParams('garch_volatility', g, core.strict);
  if (slot === undefined || node === undefined) return EMPTY;
  if (params !== undefined) return core.keep(node, core.compute('garch_volatility', slot.columns, params)[0]!);
  const out = new Float64Array(slot.columns.close.length);
  garchCompatInto(slot.columns.close, g, out);
  return core.keep(node, out);
}

export function kalmanGarchZscore(core: CacheCore, tf: string, side: string, R: number, Q: number, g: GarchArgs): ReadonlyFloat64Array {
  const slot = core.slot(tf, side);
  const node = slot?.method('kalman_garch_zscore').at(R).at(Q).path(g);
  const cached = core.cached(node) as ReadonlyFloat64Array | undefined;
  if (cached !== undefined) return cached;
  const mean = kalmanMean(core, tf, side, R, Q);
  const params = garchParams('kalman_garch_zscore', g, core.strict);
  if (slot === undefined || node === undefined) return EMPTY;
  if (params !== undefined && kalmanByKernel(core, R, Q)) {
    return core.keep(node, core.compute('kalman_garch_zscore', slot.columns, { R, Q, ...params })[0]!);
  }
  const sigma = garchVolatility(core, tf, side, g);
  const close = slot.columns.close;
  const z = close.map((c, i) => {
    const sigmaPrice = Math.abs(c) * sigma[i]!;
    return (c - mean[i]!) / (sigmaPrice === 0 ? Number.NaN : sigmaPrice);
  });
  return core.keep(node, z);
}

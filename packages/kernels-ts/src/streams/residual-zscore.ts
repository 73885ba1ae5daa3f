import type { RollingVarState } from './rolling-var-state.js';

/**
 * One row of the batch `residualZscoreInto` (../residual-zscore.ts): `resid = close - mean`, its
 * rolling std (`variance` holds the residuals' window), `z = resid / std`.
 */
export function pushResidualZscore(variance: RollingVarState, close: number, mean: number): number {
  const resid = close - mean;
  return resid / variance.pushStd(resid);
}

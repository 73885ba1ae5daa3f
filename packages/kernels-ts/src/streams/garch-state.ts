import { log } from '../log.js';
import { ScalarState } from './scalar-state.js';

/** The parameters of `garch_volatility` (and of the GARCH part of `kalman_garch_zscore`). */
export interface GarchParams {
  readonly alpha: number;
  readonly beta: number;
  /** Negative: the original's `omega=None` (derived from the long-run variance). */
  readonly omega: number;
  readonly useLogReturns: boolean;
  readonly scale: number;
  readonly minPeriods: number;
  readonly sigmaFloor: number;
}

/** The GARCH parameters of a resolved parameter object of the registry. */
export function garchParamsOf(params: Readonly<Record<string, number>>): GarchParams {
  return {
    alpha: params['alpha']!,
    beta: params['beta']!,
    omega: params['omega']!,
    useLogReturns: params['use_log_returns'] === 1,
    scale: params['scale']!,
    minPeriods: params['min_periods']!,
    sigmaFloor: params['sigma_floor']!,
  };
}

const ROWS = 0; // rows consumed
const PREV = 1; // the previous close (log returns) or the forward-filled previous close (pct_change)
const SINCE_FIRST = 2; // rows since the first non-NaN return, -1 before it
const MU = 3;
const W = 4;
const EPS2 = 5;
const VARIANCE = 6;

/**
 * One row at a time of the batch `garchVolatilityInto` (../garch-volatility.ts), the same
 * operations in the same order: the scaled return (fdlibm log of the price ratio, or pct_change
 * over forward-filled closes), the start at the first non-NaN return (lr_var always the 1e-6
 * fallback, eps2 = (x - x)², Python's `max` chain with the floor), then
 * `max(omega + alpha * eps2 + beta * var, floor²)` on finite returns and the previous variance
 * held on the others; sigma = sqrt(var) / scale from `min_periods` rows after the start.
 */
export class GarchState extends ScalarState {
  private readonly p: GarchParams;
  private readonly floorSq: number;
  private readonly stable: boolean;

  constructor(params: GarchParams) {
    super([0, Number.NaN, -1, 0, 0, 0, 0]);
    this.p = params;
    this.floorSq = params.sigmaFloor * params.sigmaFloor;
    this.stable = params.alpha + params.beta < 1;
  }

  /** Consumes one close; returns sigma at this row. */
  push(c: number): number {
    const { p, s } = this;
    let r = Number.NaN;
    const prev = s[PREV]!;
    if (s[ROWS] === 0) {
      s[PREV] = c;
    } else if (p.useLogReturns) {
      r = log(c / prev) * p.scale;
      s[PREV] = c;
    } else {
      const d = Number.isNaN(c) ? prev : c; // fillna(method='pad')
      r = (d / prev - 1) * p.scale;
      s[PREV] = d;
    }
    s[ROWS] = s[ROWS]! + 1;
    if (!this.stable) return Number.NaN;
    if (s[SINCE_FIRST]! < 0) {
      if (Number.isNaN(r)) return Number.NaN;
      this.start(r);
    } else {
      s[SINCE_FIRST] = s[SINCE_FIRST]! + 1;
      if (Number.isFinite(r)) {
        let v = s[W]! + p.alpha * s[EPS2]! + p.beta * s[VARIANCE]!;
        if (this.floorSq > v) v = this.floorSq;
        s[VARIANCE] = v;
        const d = r - s[MU]!;
        s[EPS2] = d * d;
      }
    }
    return s[SINCE_FIRST]! >= p.minPeriods ? Math.sqrt(s[VARIANCE]!) / p.scale : Number.NaN;
  }

  /** The original's start estimate at the first return x (see the batch kernel for why it is degenerate). */
  private start(x: number): void {
    const { p, s } = this;
    const mu = x;
    const dev = x - mu;
    let lrVar = dev * dev;
    if (!Number.isFinite(lrVar) || lrVar <= 0) lrVar = 1e-6;
    let w: number;
    if (p.omega < 0) {
      const rest = 1 - p.alpha - p.beta;
      w = lrVar * (rest > 1e-6 ? rest : 1e-6);
    } else {
      w = p.omega;
    }
    if (0 > w) w = 0;
    const eps2 = dev * dev;
    let variance = lrVar;
    if (eps2 > variance) variance = eps2;
    if (this.floorSq > variance) variance = this.floorSq;
    s[MU] = mu;
    s[W] = w;
    s[EPS2] = eps2;
    s[VARIANCE] = variance;
    s[SINCE_FIRST] = 0;
  }
}

import { log } from '../log.js';
import type { StateBlock } from './state-block.js';

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

/**
 * One row at a time of the batch `garchVolatilityInto` (../garch-volatility.ts), the same
 * operations in the same order: the scaled return (fdlibm log of the price ratio, or pct_change
 * over forward-filled closes), the start at the first non-NaN return (lr_var always the 1e-6
 * fallback, eps2 = (x - x)², Python's `max` chain with the floor), then
 * `max(omega + alpha * eps2 + beta * var, floor²)` on finite returns and the previous variance
 * held on the others; sigma = sqrt(var) / scale from `min_periods` rows after the start.
 */
export class GarchState implements StateBlock {
  private readonly p: GarchParams;
  private readonly floorSq: number;
  private readonly stable: boolean;
  /** Rows consumed (0 before the first bar). */
  private rows = 0;
  /** The previous close (log returns) or the forward-filled previous close (pct_change). */
  private prev = Number.NaN;
  /** Rows since the first non-NaN return, -1 before it. */
  private sinceFirst = -1;
  private mu = 0;
  private w = 0;
  private eps2 = 0;
  private variance = 0;
  private readonly saved = new Float64Array(7);

  constructor(params: GarchParams) {
    this.p = params;
    this.floorSq = params.sigmaFloor * params.sigmaFloor;
    this.stable = params.alpha + params.beta < 1;
  }

  /** Consumes one close; returns sigma at this row. */
  push(c: number): number {
    const { p } = this;
    let r = Number.NaN;
    if (this.rows === 0) {
      this.prev = c;
    } else if (p.useLogReturns) {
      r = log(c / this.prev) * p.scale;
      this.prev = c;
    } else {
      const d = Number.isNaN(c) ? this.prev : c; // fillna(method='pad')
      r = (d / this.prev - 1) * p.scale;
      this.prev = d;
    }
    this.rows += 1;
    if (!this.stable) return Number.NaN;
    if (this.sinceFirst < 0) {
      if (Number.isNaN(r)) return Number.NaN;
      this.start(r);
    } else {
      this.sinceFirst += 1;
      if (Number.isFinite(r)) {
        let v = this.w + p.alpha * this.eps2 + p.beta * this.variance;
        if (this.floorSq > v) v = this.floorSq;
        this.variance = v;
        const d = r - this.mu;
        this.eps2 = d * d;
      }
    }
    return this.sinceFirst >= p.minPeriods ? Math.sqrt(this.variance) / p.scale : Number.NaN;
  }

  save(): void {
    const s = this.saved;
    s[0] = this.rows;
    s[1] = this.prev;
    s[2] = this.sinceFirst;
    s[3] = this.mu;
    s[4] = this.w;
    s[5] = this.eps2;
    s[6] = this.variance;
  }

  restore(): void {
    const s = this.saved;
    this.rows = s[0]!;
    this.prev = s[1]!;
    this.sinceFirst = s[2]!;
    this.mu = s[3]!;
    this.w = s[4]!;
    this.eps2 = s[5]!;
    this.variance = s[6]!;
  }

  reset(): void {
    this.rows = 0;
    this.prev = Number.NaN;
    this.sinceFirst = -1;
    this.mu = 0;
    this.w = 0;
    this.eps2 = 0;
    this.variance = 0;
  }

  /** The original's start estimate at the first return x (see the batch kernel for why it is degenerate). */
  private start(x: number): void {
    const { p } = this;
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
    this.mu = mu;
    this.w = w;
    this.eps2 = eps2;
    this.variance = variance;
    this.sinceFirst = 0;
  }
}

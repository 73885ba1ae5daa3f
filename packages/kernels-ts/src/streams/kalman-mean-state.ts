import type { StateBlock } from './state-block.js';

/**
 * One row at a time of the batch `kalmanMeanInto` (../kalman-mean.ts): NaN before the first
 * non-NaN close, which is its own estimate with `P = r`; then `pMinus = (P is NaN ? r : P) + q`,
 * `k = pMinus / (pMinus + r)`, `xhat += k * (m - xhat)`, `P = (1 - k) * pMinus`, in that order; a
 * NaN close makes `xhat` and `P` NaN (and `xhat` stays NaN: the original's defect, reproduced).
 */
export class KalmanMeanState implements StateBlock {
  private readonly r: number;
  private readonly q: number;
  private started = false;
  private xhat = Number.NaN;
  private p = Number.NaN;
  private savedStarted = false;
  private savedXhat = Number.NaN;
  private savedP = Number.NaN;

  constructor(r: number, q: number) {
    this.r = r;
    this.q = q;
  }

  /** Consumes one close; returns the filtered mean at this row. */
  push(m: number): number {
    if (!this.started) {
      if (Number.isNaN(m)) return Number.NaN;
      this.started = true;
      this.xhat = m;
      this.p = this.r;
      return m;
    }
    const pMinus = (Number.isNaN(this.p) ? this.r : this.p) + this.q;
    if (Number.isNaN(m)) {
      this.xhat = Number.NaN;
      this.p = Number.NaN;
    } else {
      const k = pMinus / (pMinus + this.r);
      this.xhat = this.xhat + k * (m - this.xhat);
      this.p = (1 - k) * pMinus;
    }
    return this.xhat;
  }

  save(): void {
    this.savedStarted = this.started;
    this.savedXhat = this.xhat;
    this.savedP = this.p;
  }

  restore(): void {
    this.started = this.savedStarted;
    this.xhat = this.savedXhat;
    this.p = this.savedP;
  }

  reset(): void {
    this.started = false;
    this.xhat = Number.NaN;
    this.p = Number.NaN;
  }
}

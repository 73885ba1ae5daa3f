import { ScalarState } from './scalar-state.js';

const STARTED = 0; // 1 once the first non-NaN close was seen
const XHAT = 1;
const P = 2;

/**
 * One row at a time of the batch `kalmanMeanInto` (../kalman-mean.ts): NaN before the first
 * non-NaN close, which is its own estimate with `P = r`; then `pMinus = (P is NaN ? r : P) + q`,
 * `k = pMinus / (pMinus + r)`, `xhat += k * (m - xhat)`, `P = (1 - k) * pMinus`, in that order; a
 * NaN close makes `xhat` and `P` NaN (and `xhat` stays NaN: the original's defect, reproduced).
 */
export class KalmanMeanState extends ScalarState {
  private readonly r: number;
  private readonly q: number;

  constructor(r: number, q: number) {
    super([0, Number.NaN, Number.NaN]);
    this.r = r;
    this.q = q;
  }

  /** Consumes one close; returns the filtered mean at this row. */
  push(m: number): number {
    const s = this.s;
    if (s[STARTED] === 0) {
      if (Number.isNaN(m)) return Number.NaN;
      s[STARTED] = 1;
      s[XHAT] = m;
      s[P] = this.r;
      return m;
    }
    const p = s[P]!;
    const pMinus = (Number.isNaN(p) ? this.r : p) + this.q;
    if (Number.isNaN(m)) {
      s[XHAT] = Number.NaN;
      s[P] = Number.NaN;
    } else {
      const xhat = s[XHAT]!;
      const k = pMinus / (pMinus + this.r);
      s[XHAT] = xhat + k * (m - xhat);
      s[P] = (1 - k) * pMinus;
    }
    return s[XHAT]!;
  }
}

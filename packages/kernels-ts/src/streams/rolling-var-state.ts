import { WindowedState } from './windowed-state.js';

const NOBS = 0;
const MEAN = 1;
const SSQDM = 2;
const COMP_ADD = 3;
const COMP_REMOVE = 4;
const SAME_RUN = 5;
const LAST = 6;

/**
 * One row at a time of pandas 1.5.3's fixed-window `roll_var` (ddof 1, min_periods = window):
 * the loop body of the batch `rollingVarInto` (../rolling-var.ts), same operations, same order
 * (Welford with separate add/remove compensations, remove before add, exact 0 on a run of equal
 * observations). Non-finite values are missing. Valid for `window >= 2`.
 */
export class RollingVarState extends WindowedState {
  constructor(window: number) {
    super(window, [0, 0, 0, 0, 0, 0, Number.NaN]);
  }

  /** Moves the window one row on, to end at `v`; returns the variance (NaN before the window is full). */
  push(v: number): number {
    const s = this.s;
    const leaving = this.lag.push(v);
    if (leaving - leaving === 0) {
      const nobs = s[NOBS]! - 1;
      s[NOBS] = nobs;
      if (nobs !== 0) {
        const mean = s[MEAN]!;
        const comp = s[COMP_REMOVE]!;
        const prevMean = mean - comp;
        const y = leaving - comp;
        const t = y - mean;
        s[COMP_REMOVE] = t + mean - y;
        const next = mean - t / nobs;
        s[MEAN] = next;
        s[SSQDM] = s[SSQDM]! - (leaving - prevMean) * (leaving - next);
      } else {
        s[MEAN] = 0;
        s[SSQDM] = 0;
      }
    }
    if (v - v === 0) {
      const nobs = s[NOBS]! + 1;
      s[NOBS] = nobs;
      s[SAME_RUN] = v === s[LAST] ? s[SAME_RUN]! + 1 : 1;
      s[LAST] = v;
      const mean = s[MEAN]!;
      const comp = s[COMP_ADD]!;
      const prevMean = mean - comp;
      const y = v - comp;
      const t = y - mean;
      s[COMP_ADD] = t + mean - y;
      const next = mean + t / nobs;
      s[MEAN] = next;
      s[SSQDM] = s[SSQDM]! + (v - prevMean) * (v - next);
    }
    const nobs = s[NOBS]!;
    if (nobs >= this.window && nobs > 1) return s[SAME_RUN]! >= nobs ? 0 : s[SSQDM]! / (nobs - 1);
    return Number.NaN;
  }

  /** {@link push}, then pandas' `zsqrt`: the standard deviation, a negative residue giving +0. */
  pushStd(v: number): number {
    const variance = this.push(v);
    return variance < 0 ? 0 : Math.sqrt(variance);
  }
}

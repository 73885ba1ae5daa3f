import { LagWindow } from './lag-window.js';
import type { StateBlock } from './state-block.js';

/**
 * One row at a time of pandas 1.5.3's fixed-window `roll_var` (ddof 1, min_periods = window):
 * the loop body of the batch `rollingVarInto` (../rolling-var.ts), same operations, same order
 * (Welford with separate add/remove compensations, remove before add, exact 0 on a run of equal
 * observations). Non-finite values are missing. Valid for `window >= 2`.
 */
export class RollingVarState implements StateBlock {
  private readonly window: number;
  private readonly lag: LagWindow;
  private nobs = 0;
  private mean = 0;
  private ssqdm = 0;
  private compAdd = 0;
  private compRemove = 0;
  private sameRun = 0;
  private last = Number.NaN;
  private readonly saved = new Float64Array(7);

  constructor(window: number) {
    this.window = window;
    this.lag = new LagWindow(window);
  }

  /** Moves the window one row on, to end at `v`; returns the variance (NaN before the window is full). */
  push(v: number): number {
    const leaving = this.lag.push(v);
    if (leaving - leaving === 0) {
      this.nobs -= 1;
      if (this.nobs !== 0) {
        const prevMean = this.mean - this.compRemove;
        const y = leaving - this.compRemove;
        const t = y - this.mean;
        this.compRemove = t + this.mean - y;
        this.mean = this.mean - t / this.nobs;
        this.ssqdm = this.ssqdm - (leaving - prevMean) * (leaving - this.mean);
      } else {
        this.mean = 0;
        this.ssqdm = 0;
      }
    }
    if (v - v === 0) {
      this.nobs += 1;
      this.sameRun = v === this.last ? this.sameRun + 1 : 1;
      this.last = v;
      const prevMean = this.mean - this.compAdd;
      const y = v - this.compAdd;
      const t = y - this.mean;
      this.compAdd = t + this.mean - y;
      this.mean = this.mean + t / this.nobs;
      this.ssqdm = this.ssqdm + (v - prevMean) * (v - this.mean);
    }
    const nobs = this.nobs;
    if (nobs >= this.window && nobs > 1) return this.sameRun >= nobs ? 0 : this.ssqdm / (nobs - 1);
    return Number.NaN;
  }

  /** {@link push}, then pandas' `zsqrt`: the standard deviation, a negative residue giving +0. */
  pushStd(v: number): number {
    const variance = this.push(v);
    return variance < 0 ? 0 : Math.sqrt(variance);
  }

  save(): void {
    this.lag.save();
    const s = this.saved;
    s[0] = this.nobs;
    s[1] = this.mean;
    s[2] = this.ssqdm;
    s[3] = this.compAdd;
    s[4] = this.compRemove;
    s[5] = this.sameRun;
    s[6] = this.last;
  }

  restore(): void {
    this.lag.restore();
    const s = this.saved;
    this.nobs = s[0]!;
    this.mean = s[1]!;
    this.ssqdm = s[2]!;
    this.compAdd = s[3]!;
    this.compRemove = s[4]!;
    this.sameRun = s[5]!;
    this.last = s[6]!;
  }

  reset(): void {
    this.lag.reset();
    this.nobs = 0;
    this.mean = 0;
    this.ssqdm = 0;
    this.compAdd = 0;
    this.compRemove = 0;
    this.sameRun = 0;
    this.last = Number.NaN;
  }
}

import { LagWindow } from './lag-window.js';
import type { StateBlock } from './state-block.js';

/** True for -0, negative numbers and -Infinity: C's `signbit` for non-NaN values. */
function signbit(v: number): boolean {
  return v < 0 || (v === 0 && 1 / v < 0);
}

/**
 * One row at a time of pandas 1.5.3's fixed-window `roll_sum` / `roll_mean` (min_periods =
 * window): the loop body of the batch `smaInto` (../sma.ts) and `rollingSumInto` (../rolling.ts),
 * same operations, same order — remove the leaving value, then add the new one, each with its own
 * Kahan compensation; count observations, negative values and the run of equal observations.
 * Non-finite values are missing. After `push`, read {@link mean} or {@link sum}.
 */
export class RollingSumState implements StateBlock {
  private readonly window: number;
  private readonly lag: LagWindow;
  private nobs = 0;
  private total = 0;
  private compAdd = 0;
  private compRemove = 0;
  private negatives = 0;
  private sameRun = 0;
  private last = Number.NaN;
  private readonly saved = new Float64Array(7);

  constructor(window: number) {
    this.window = window;
    this.lag = new LagWindow(window);
  }

  /** Moves the window one row on, to end at `v`. */
  push(v: number): void {
    const leaving = this.lag.push(v);
    if (leaving - leaving === 0) {
      this.nobs -= 1;
      const y = -leaving - this.compRemove;
      const t = this.total + y;
      this.compRemove = t - this.total - y;
      this.total = t;
      if (signbit(leaving)) this.negatives -= 1;
    }
    if (v - v === 0) {
      this.nobs += 1;
      const y = v - this.compAdd;
      const t = this.total + y;
      this.compAdd = t - this.total - y;
      this.total = t;
      if (signbit(v)) this.negatives += 1;
      this.sameRun = v === this.last ? this.sameRun + 1 : 1;
      this.last = v;
    }
  }

  /** `rolling(window).mean()` at this row (pandas `roll_mean`: equal-run value, sign clamp). */
  mean(): number {
    const nobs = this.nobs;
    if (nobs < this.window) return Number.NaN;
    let mean = this.total / nobs;
    if (this.sameRun >= nobs) mean = this.last;
    else if (this.negatives === 0 && mean < 0) mean = 0;
    else if (this.negatives === nobs && mean > 0) mean = 0;
    return mean;
  }

  /** `rolling(window).sum()` at this row (pandas `roll_sum`: `value * nobs` on an equal run). */
  sum(): number {
    const nobs = this.nobs;
    if (nobs < this.window) return Number.NaN;
    return this.sameRun >= nobs ? this.last * nobs : this.total;
  }

  save(): void {
    this.lag.save();
    const s = this.saved;
    s[0] = this.nobs;
    s[1] = this.total;
    s[2] = this.compAdd;
    s[3] = this.compRemove;
    s[4] = this.negatives;
    s[5] = this.sameRun;
    s[6] = this.last;
  }

  restore(): void {
    this.lag.restore();
    const s = this.saved;
    this.nobs = s[0]!;
    this.total = s[1]!;
    this.compAdd = s[2]!;
    this.compRemove = s[3]!;
    this.negatives = s[4]!;
    this.sameRun = s[5]!;
    this.last = s[6]!;
  }

  reset(): void {
    this.lag.reset();
    this.nobs = 0;
    this.total = 0;
    this.compAdd = 0;
    this.compRemove = 0;
    this.negatives = 0;
    this.sameRun = 0;
    this.last = Number.NaN;
  }
}

import { signbit } from '../sma.js';
import { WindowedState } from './windowed-state.js';

const NOBS = 0;
const SUM = 1;
const COMP_ADD = 2;
const COMP_REMOVE = 3;
const NEGATIVES = 4;
const SAME_RUN = 5;
const LAST = 6;

/**
 * One row at a time of pandas 1.5.3's fixed-window `roll_sum` / `roll_mean` (min_periods =
 * window): the loop body of the batch `smaInto` (../sma.ts) and `rollingSumInto` (../rolling.ts),
 * same operations, same order — remove the leaving value, then add the new one, each with its own
 * Kahan compensation; count observations, negative values and the run of equal observations.
 * Non-finite values are missing. After `push`, read {@link mean} or {@link sum}.
 */
export class RollingSumState extends WindowedState {
  constructor(window: number) {
    super(window, [0, 0, 0, 0, 0, 0, Number.NaN]);
  }

  /** Moves the window one row on, to end at `v`. */
  push(v: number): void {
    const s = this.s;
    const leaving = this.lag.push(v);
    if (leaving - leaving === 0) {
      s[NOBS] = s[NOBS]! - 1;
      const sum = s[SUM]!;
      const y = -leaving - s[COMP_REMOVE]!;
      const t = sum + y;
      s[COMP_REMOVE] = t - sum - y;
      s[SUM] = t;
      if (signbit(leaving)) s[NEGATIVES] = s[NEGATIVES]! - 1;
    }
    if (v - v === 0) {
      s[NOBS] = s[NOBS]! + 1;
      const sum = s[SUM]!;
      const y = v - s[COMP_ADD]!;
      const t = sum + y;
      s[COMP_ADD] = t - sum - y;
      s[SUM] = t;
      if (signbit(v)) s[NEGATIVES] = s[NEGATIVES]! + 1;
      s[SAME_RUN] = v === s[LAST] ? s[SAME_RUN]! + 1 : 1;
      s[LAST] = v;
    }
  }

  /** `rolling(window).mean()` at this row (pandas `roll_mean`: equal-run value, sign clamp). */
  mean(): number {
    const s = this.s;
    const nobs = s[NOBS]!;
    if (nobs < this.window) return Number.NaN;
    let mean = s[SUM]! / nobs;
    if (s[SAME_RUN]! >= nobs) mean = s[LAST]!;
    else if (s[NEGATIVES] === 0 && mean < 0) mean = 0;
    else if (s[NEGATIVES] === nobs && mean > 0) mean = 0;
    return mean;
  }

  /** `rolling(window).sum()` at this row (pandas `roll_sum`: `value * nobs` on an equal run). */
  sum(): number {
    const s = this.s;
    const nobs = s[NOBS]!;
    if (nobs < this.window) return Number.NaN;
    return s[SAME_RUN]! >= nobs ? s[LAST]! * nobs : s[SUM]!;
  }
}

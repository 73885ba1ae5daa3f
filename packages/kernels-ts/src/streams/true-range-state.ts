import { ScalarState } from './scalar-state.js';

const PREV_CLOSE = 0;

/**
 * One bar at a time of the batch `trueRangeInto` (../true-range.ts): `max(|h - l|, |h - pc|,
 * |l - pc|)` skipping NaN candidates, the same comparisons in the same order; the previous close
 * is NaN before the second bar.
 */
export class TrueRangeState extends ScalarState {
  constructor() {
    super([Number.NaN]);
  }

  /** The true range of bar (h, l, c); then c becomes the previous close. */
  push(h: number, l: number, c: number): number {
    const prevClose = this.s[PREV_CLOSE]!;
    let m = Math.abs(h - l);
    const up = Math.abs(h - prevClose);
    if (up === up && (m !== m || up > m)) m = up;
    const down = Math.abs(l - prevClose);
    if (down === down && (m !== m || down > m)) m = down;
    this.s[PREV_CLOSE] = c;
    return m;
  }
}

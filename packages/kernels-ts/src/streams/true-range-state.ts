import type { StateBlock } from './state-block.js';

/**
 * One bar at a time of the batch `trueRangeInto` (../true-range.ts): `max(|h - l|, |h - pc|,
 * |l - pc|)` skipping NaN candidates, the same comparisons in the same order; the previous close
 * is NaN before the second bar.
 */
export class TrueRangeState implements StateBlock {
  private prevClose = Number.NaN;
  private savedPrevClose = Number.NaN;

  /** The true range of bar (h, l, c); then c becomes the previous close. */
  push(h: number, l: number, c: number): number {
    const prevClose = this.prevClose;
    let m = Math.abs(h - l);
    const up = Math.abs(h - prevClose);
    if (up === up && (m !== m || up > m)) m = up;
    const down = Math.abs(l - prevClose);
    if (down === down && (m !== m || down > m)) m = down;
    this.prevClose = c;
    return m;
  }

  save(): void {
    this.savedPrevClose = this.prevClose;
  }

  restore(): void {
    this.prevClose = this.savedPrevClose;
  }

  reset(): void {
    this.prevClose = Number.NaN;
  }
}

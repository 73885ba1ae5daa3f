import { LagWindow } from './lag-window.js';
import type { StateBlock, StatePart } from './state-block.js';

const INITIAL_CAPACITY = 64;

/**
 * One row at a time of pandas 1.5.3's fixed-window `roll_max` (`sign = 1`) / `roll_min`
 * (`sign = -1`) with min_periods = window: the loop body of the batch `rollingExtremeInto`
 * (../rolling.ts) — a monotonic deque of candidates (row number and value), a new value evicting
 * the missing candidates and those it ties or beats, so the latest of equal extremes wins.
 *
 * Its parts are the deque itself and the ring of leaving values. Going back one bar is O(1): a push only shrinks the deque at both ends and writes one slot, so
 * restoring head, size and that slot undoes it. The ring grows (in `save()`) up to window + 1.
 */
export class RollingExtremeState implements StateBlock, StatePart {
  readonly parts: readonly StatePart[];
  private readonly window: number;
  private readonly sign: 1 | -1;
  private readonly lag: LagWindow;
  private rows: Float64Array;
  private values: Float64Array;
  private head = 0;
  private size = 0;
  private nobs = 0;
  /** Row number of the next push. */
  private row = 0;
  private savedHead = 0;
  private savedSize = 0;
  private savedNobs = 0;
  private savedRow = 0;
  private writtenSlot = -1;
  private writtenRow = 0;
  private writtenValue = 0;

  constructor(window: number, sign: 1 | -1) {
    this.window = window;
    this.sign = sign;
    this.lag = new LagWindow(window);
    this.parts = [this, this.lag];
    const capacity = Math.min(window + 1, INITIAL_CAPACITY);
    this.rows = new Float64Array(capacity);
    this.values = new Float64Array(capacity);
  }

  /** Moves the window one row on, to end at `v`; returns the extreme (NaN unless the window is fully observed). */
  push(v: number): number {
    const capacity = this.rows.length;
    const values = this.values;
    const observed = v - v === 0;
    if (observed) this.nobs += 1;
    while (this.size > 0) {
      const back = values[(this.head + this.size - 1) % capacity]!;
      if (back - back !== 0 || (observed && (this.sign === 1 ? v >= back : v <= back))) this.size -= 1;
      else break;
    }
    const slot = (this.head + this.size) % capacity;
    this.writtenSlot = slot;
    this.writtenRow = this.rows[slot]!;
    this.writtenValue = values[slot]!;
    this.rows[slot] = this.row;
    values[slot] = v;
    this.size += 1;
    if (this.rows[this.head] === this.row - this.window) {
      this.head = this.head + 1 === capacity ? 0 : this.head + 1;
      this.size -= 1;
    }
    const gone = this.lag.push(v);
    if (gone - gone === 0) this.nobs -= 1;
    this.row += 1;
    return this.nobs >= this.window ? values[this.head]! : Number.NaN;
  }

  save(): void {
    if (this.size === this.rows.length) this.grow();
    this.savedHead = this.head;
    this.savedSize = this.size;
    this.savedNobs = this.nobs;
    this.savedRow = this.row;
    this.writtenSlot = -1;
  }

  restore(): void {
    if (this.writtenSlot >= 0) {
      this.rows[this.writtenSlot] = this.writtenRow;
      this.values[this.writtenSlot] = this.writtenValue;
      this.writtenSlot = -1;
    }
    this.head = this.savedHead;
    this.size = this.savedSize;
    this.nobs = this.savedNobs;
    this.row = this.savedRow;
  }

  reset(): void {
    this.head = 0;
    this.size = 0;
    this.nobs = 0;
    this.row = 0;
    this.writtenSlot = -1;
  }

  /** Copies the deque, in order, into rings twice as large (at most window + 1). */
  private grow(): void {
    const capacity = this.rows.length;
    const larger = Math.min(this.window + 1, capacity * 2);
    const rows = new Float64Array(larger);
    const values = new Float64Array(larger);
    for (let k = 0; k < this.size; k += 1) {
      const from = (this.head + k) % capacity;
      rows[k] = this.rows[from]!;
      values[k] = this.values[from]!;
    }
    this.rows = rows;
    this.values = values;
    this.head = 0;
  }
}

import type { StateBlock, StatePart } from './state-block.js';

const INITIAL_CAPACITY = 64;

/**
 * The last `size` values of a series as a ring: `push(v)` stores v and returns the value it
 * evicts, the one `size` rows back (NaN while fewer than `size` values were pushed) — the
 * `x[i - window]` of the batch kernels. The buffer grows by doubling up to `size` while the first
 * values arrive (so a huge window costs memory only as the series gets long), then never
 * allocates again. Growth happens in `save()`, before a bar, so `restore()` is O(1).
 */
export class LagWindow implements StateBlock, StatePart {
  readonly parts: readonly StatePart[] = [this];
  private readonly size: number;
  private buffer: Float64Array;
  /** Values pushed so far, capped at `size`. */
  private filled = 0;
  /** The slot of the next push once the ring is full. */
  private pos = 0;
  private savedFilled = 0;
  private savedPos = 0;
  private savedSlotValue = Number.NaN;

  constructor(size: number) {
    this.size = size;
    this.buffer = new Float64Array(Math.min(size, INITIAL_CAPACITY));
  }

  /** Stores `v`; returns the value pushed `size` pushes earlier, or NaN if there is none. */
  push(v: number): number {
    if (this.filled < this.size) {
      this.buffer[this.filled] = v;
      this.filled += 1;
      return Number.NaN;
    }
    const pos = this.pos;
    const leaving = this.buffer[pos]!;
    this.buffer[pos] = v;
    this.pos = pos + 1 === this.size ? 0 : pos + 1;
    return leaving;
  }

  /** The ring's storage: right after the `size`-th push it holds the first `size` values in order. */
  get values(): Float64Array {
    return this.buffer;
  }

  save(): void {
    if (this.filled === this.buffer.length && this.filled < this.size) {
      const grown = new Float64Array(Math.min(this.size, this.buffer.length * 2));
      grown.set(this.buffer);
      this.buffer = grown;
    }
    this.savedFilled = this.filled;
    this.savedPos = this.pos;
    this.savedSlotValue = this.filled < this.size ? Number.NaN : this.buffer[this.pos]!;
  }

  restore(): void {
    if (this.savedFilled === this.size) this.buffer[this.savedPos] = this.savedSlotValue;
    this.filled = this.savedFilled;
    this.pos = this.savedPos;
  }

  reset(): void {
    this.filled = 0;
    this.pos = 0;
  }
}

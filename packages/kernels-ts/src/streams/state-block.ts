/**
 * One piece of a stream's state that can go back one bar: `save()` records the state before a
 * bar, `restore()` returns to it (what `replace` needs), both O(1) and allocation-free.
 */
export interface StateBlock {
  /** Records the current state as the one before the next bar (and makes room for that bar). */
  save(): void;
  /** Returns to the state recorded by the last `save()`. */
  restore(): void;
  /** Returns to the state before the first bar. */
  reset(): void;
}

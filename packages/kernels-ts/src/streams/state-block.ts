/**
 * The smallest piece of a stream's state that can go back one bar: `save()` records the state
 * before a bar (and makes room for that bar), `restore()` returns to it (what `replace` needs),
 * `reset()` returns to the state before the first bar. O(1) and allocation-free.
 */
export interface StatePart {
  save(): void;
  restore(): void;
  reset(): void;
}

/**
 * A building block of a stream (an ewm, a rolling window, …) and the parts that hold its state.
 * The stream saves and restores the parts of all its blocks; there are only three part classes
 * (`Scalars`, `LagWindow`, `RollingExtremeState`), so those calls stay fast (polymorphic, not
 * megamorphic) however many kinds of stream an application runs.
 */
export interface StateBlock {
  readonly parts: readonly StatePart[];
}

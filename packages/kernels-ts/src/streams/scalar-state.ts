import type { StateBlock } from './state-block.js';

/**
 * A state block whose state is a few numbers, kept in one Float64Array `s` (subclasses name the
 * slots): `save` and `restore` copy them, `reset` returns them to their initial values.
 */
export abstract class ScalarState implements StateBlock {
  /** The live state, one slot per number. */
  protected readonly s: Float64Array;
  private readonly saved: Float64Array;
  private readonly initial: Float64Array;

  protected constructor(initial: readonly number[]) {
    this.initial = Float64Array.from(initial);
    this.s = Float64Array.from(initial);
    this.saved = Float64Array.from(initial);
  }

  save(): void {
    for (let k = 0; k < this.s.length; k += 1) this.saved[k] = this.s[k]!;
  }

  restore(): void {
    for (let k = 0; k < this.s.length; k += 1) this.s[k] = this.saved[k]!;
  }

  reset(): void {
    for (let k = 0; k < this.s.length; k += 1) this.s[k] = this.initial[k]!;
  }
}

import type { StateBlock, StatePart } from './state-block.js';

/** A few numbers in one Float64Array `s`: `save` and `restore` copy them, `reset` restores their initial values. */
export class Scalars implements StatePart {
  readonly s: Float64Array;
  private readonly saved: Float64Array;
  private readonly initial: Float64Array;

  constructor(initial: readonly number[]) {
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

/**
 * A state block whose state is a few numbers (subclasses name the slots of `s`), plus optional
 * further parts (e.g. a window's ring).
 */
export abstract class ScalarState implements StateBlock {
  /** The live state, one slot per number. */
  protected readonly s: Float64Array;
  readonly parts: readonly StatePart[];

  protected constructor(initial: readonly number[], moreParts: readonly StatePart[] = []) {
    const scalars = new Scalars(initial);
    this.s = scalars.s;
    this.parts = [scalars, ...moreParts];
  }
}

import type { StateBlock } from './state-block.js';

/**
 * One row of pandas 1.5.3 `ewm(com, adjust=False).mean()` at a time: the loop body of the batch
 * `ewmMeanInto` (../ewm.ts), the same operations in the same order (decay of `oldWt` on every row
 * after the first observation, the update skipped when x equals the value, the division by a
 * divisor of exactly 1 skipped, non-finite inputs missing). Starting from `value = NaN`,
 * `oldWt = 1` the first row needs no special case.
 */
export class EwmState implements StateBlock {
  private readonly alpha: number;
  private readonly decay: number;
  private value = Number.NaN;
  private oldWt = 1;
  private savedValue = Number.NaN;
  private savedOldWt = 1;

  constructor(com: number) {
    this.alpha = 1 / (1 + com);
    this.decay = 1 - this.alpha;
  }

  /** Consumes one value and returns the average at this row. */
  push(raw: number): number {
    const observed = raw - raw === 0; // false for NaN and ±Infinity
    let value = this.value;
    if (value === value) {
      this.oldWt *= this.decay;
      if (observed) {
        if (value !== raw) {
          const divisor = this.oldWt + this.alpha;
          const weighted = this.oldWt * value + this.alpha * raw;
          value = divisor === 1 ? weighted : weighted / divisor;
        }
        this.oldWt = 1;
      }
    } else if (observed) {
      value = raw;
    }
    this.value = value;
    return value;
  }

  save(): void {
    this.savedValue = this.value;
    this.savedOldWt = this.oldWt;
  }

  restore(): void {
    this.value = this.savedValue;
    this.oldWt = this.savedOldWt;
  }

  reset(): void {
    this.value = Number.NaN;
    this.oldWt = 1;
  }
}

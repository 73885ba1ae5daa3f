import { ScalarState } from './scalar-state.js';

const VALUE = 0;
const OLD_WT = 1;

/**
 * One row of pandas 1.5.3 `ewm(com, adjust=False).mean()` at a time: the loop body of the batch
 * `ewmMeanInto` (../ewm.ts), the same operations in the same order (decay of `oldWt` on every row
 * after the first observation, the update skipped when x equals the value, the division by a
 * divisor of exactly 1 skipped, non-finite inputs missing). Starting from `value = NaN`,
 * `oldWt = 1` the first row needs no special case.
 */
export class EwmState extends ScalarState {
  private readonly alpha: number;
  private readonly decay: number;

  constructor(com: number) {
    super([Number.NaN, 1]);
    this.alpha = 1 / (1 + com);
    this.decay = 1 - this.alpha;
  }

  /** `ewm(span=span)`: pandas' `com = (span - 1) / 2`. */
  static span(span: number): EwmState {
    return new EwmState((span - 1) / 2);
  }

  /** Wilder's smoothing `ewm(alpha=1/period)`: pandas' `com = (1 - alpha) / alpha`, in floating point. */
  static wilder(period: number): EwmState {
    const alpha = 1 / period;
    return new EwmState((1 - alpha) / alpha);
  }

  /** Consumes one value and returns the average at this row. */
  push(raw: number): number {
    const s = this.s;
    const observed = raw - raw === 0; // false for NaN and ±Infinity
    let value = s[VALUE]!;
    if (value === value) {
      let oldWt = s[OLD_WT]! * this.decay;
      if (observed) {
        if (value !== raw) {
          const divisor = oldWt + this.alpha;
          const weighted = oldWt * value + this.alpha * raw;
          value = divisor === 1 ? weighted : weighted / divisor;
        }
        oldWt = 1;
      }
      s[OLD_WT] = oldWt;
    } else if (observed) {
      value = raw;
    }
    s[VALUE] = value;
    return value;
  }
}

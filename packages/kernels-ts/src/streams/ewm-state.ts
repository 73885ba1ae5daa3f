import { ewmAlpha, ewmNextMean, ewmNextWeight } from '../ewm.js';
import { ScalarState } from './scalar-state.js';

const VALUE = 0;
const OLD_WT = 1;

/**
 * One row of pandas 1.5.3 `ewm(com, adjust=False).mean()` at a time: the loop body of the batch
 * `ewmMeanInto` (../ewm.ts, `ewmNextMean` and `ewmNextWeight`), so the same operations in the same
 * order. Starting from `value = NaN`, `oldWt = 1` the first row needs no special case.
 */
export class EwmState extends ScalarState {
  private readonly alpha: number;
  private readonly decay: number;

  constructor(com: number) {
    super([Number.NaN, 1]);
    this.alpha = ewmAlpha(com);
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
    const mean = s[VALUE]!;
    const oldWt = s[OLD_WT]!;
    s[OLD_WT] = ewmNextWeight(mean, oldWt, raw, this.decay);
    const next = ewmNextMean(mean, oldWt, raw, this.alpha, this.decay);
    s[VALUE] = next;
    return next;
  }
}

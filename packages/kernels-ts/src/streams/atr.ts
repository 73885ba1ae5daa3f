import { atr as spec } from '@omega-ta/kernel-interface';
import { pairwiseSum } from '../pairwise-sum.js';
import type { StateBlock } from './state-block.js';
import { StreamBase } from './stream-base.js';
import { TrueRangeState } from './true-range-state.js';

const INITIAL_CAPACITY = 64;
const SEARCHING = 0; // no non-NaN true range yet
const SEEDING = 1; // collecting the `period` true ranges of the seed
const RUNNING = 2; // Wilder's recursion
const DEAD = 3; // a seed true range was not finite: NaN for ever (the batch kernel's early return)

/**
 * The seed and recursion of the batch `atrInto` (../atr.ts) one true range at a time: the seed is
 * numpy's pairwise mean of the `period` true ranges from the first non-NaN one (all must be
 * finite, else every row is NaN), then `atr = (atr * (period - 1) + tr) / period`, a NaN true range
 * repeating the previous output.
 */
class WilderAtrState implements StateBlock {
  private readonly period: number;
  private seed: Float64Array;
  private phase = SEARCHING;
  private collected = 0;
  private avg = Number.NaN;
  /** The output of the previous row. */
  private previous = Number.NaN;
  private readonly saved = new Float64Array(4);

  constructor(period: number) {
    this.period = period;
    this.seed = new Float64Array(Math.min(period, INITIAL_CAPACITY));
  }

  push(tr: number): number {
    let out = Number.NaN;
    if (this.phase === SEARCHING && tr === tr) this.phase = SEEDING;
    if (this.phase === SEEDING) {
      if (tr - tr !== 0) {
        this.phase = DEAD;
      } else {
        this.seed[this.collected] = tr;
        this.collected += 1;
        if (this.collected === this.period) {
          this.avg = pairwiseSum(this.seed, 0, this.period) / this.period;
          out = this.avg;
          this.phase = RUNNING;
        }
      }
    } else if (this.phase === RUNNING) {
      if (tr !== tr) {
        out = this.previous;
      } else {
        this.avg = (this.avg * (this.period - 1) + tr) / this.period;
        out = this.avg;
      }
    }
    this.previous = out;
    return out;
  }

  save(): void {
    if (this.phase <= SEEDING && this.collected === this.seed.length && this.collected < this.period) {
      const grown = new Float64Array(Math.min(this.period, this.seed.length * 2));
      grown.set(this.seed);
      this.seed = grown;
    }
    const s = this.saved;
    s[0] = this.phase;
    s[1] = this.collected;
    s[2] = this.avg;
    s[3] = this.previous;
  }

  restore(): void {
    const s = this.saved;
    this.phase = s[0]!;
    this.collected = s[1]!;
    this.avg = s[2]!;
    this.previous = s[3]!;
  }

  reset(): void {
    this.phase = SEARCHING;
    this.collected = 0;
    this.avg = Number.NaN;
    this.previous = Number.NaN;
  }
}

/** Streaming `atr` (batch: ../atr.ts): Wilder's average of the true range with a pairwise-mean seed. */
export class AtrStream extends StreamBase {
  private readonly trueRange: TrueRangeState;
  private readonly wilder: WilderAtrState;

  constructor(params: Readonly<Record<string, number>>) {
    const trueRange = new TrueRangeState();
    const wilder = new WilderAtrState(params['period']!);
    super(spec, params, [trueRange, wilder]);
    this.trueRange = trueRange;
    this.wilder = wilder;
  }

  protected step(high: number, low: number, close: number): void {
    this.out[0] = this.wilder.push(this.trueRange.push(high, low, close));
  }
}

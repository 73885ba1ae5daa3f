import { atr as spec } from '@omega-ta/kernel-interface';
import { pairwiseSum } from '../pairwise-sum.js';
import { ScalarState } from './scalar-state.js';
import { StreamBase } from './stream-base.js';
import { TrueRangeState } from './true-range-state.js';

const INITIAL_CAPACITY = 64;
const SEARCHING = 0; // no non-NaN true range yet
const SEEDING = 1; // collecting the `period` true ranges of the seed
const RUNNING = 2; // Wilder's recursion
const DEAD = 3; // a seed true range was not finite: NaN for ever (the batch kernel's early return)

const PHASE = 0;
const COLLECTED = 1; // seed true ranges collected
const AVG = 2;
const PREVIOUS = 3; // the output of the previous row

/**
 * The seed and recursion of the batch `atrInto` (../atr.ts) one true range at a time: the seed is
 * numpy's pairwise mean of the `period` true ranges from the first non-NaN one (all must be
 * finite, else every row is NaN), then `atr = (atr * (period - 1) + tr) / period`, a NaN true range
 * repeating the previous output. The seed buffer grows (in `save()`) up to `period`.
 */
class WilderAtrState extends ScalarState {
  private readonly period: number;
  private seed: Float64Array;

  constructor(period: number) {
    super([SEARCHING, 0, Number.NaN, Number.NaN]);
    this.period = period;
    this.seed = new Float64Array(Math.min(period, INITIAL_CAPACITY));
  }

  push(tr: number): number {
    const s = this.s;
    let out = Number.NaN;
    if (s[PHASE] === SEARCHING && tr === tr) s[PHASE] = SEEDING;
    if (s[PHASE] === SEEDING) {
      if (tr - tr !== 0) {
        s[PHASE] = DEAD;
      } else {
        const collected = s[COLLECTED]!;
        this.seed[collected] = tr;
        s[COLLECTED] = collected + 1;
        if (collected + 1 === this.period) {
          out = pairwiseSum(this.seed, 0, this.period) / this.period;
          s[AVG] = out;
          s[PHASE] = RUNNING;
        }
      }
    } else if (s[PHASE] === RUNNING) {
      if (tr !== tr) {
        out = s[PREVIOUS]!;
      } else {
        out = (s[AVG]! * (this.period - 1) + tr) / this.period;
        s[AVG] = out;
      }
    }
    s[PREVIOUS] = out;
    return out;
  }

  override save(): void {
    const collected = this.s[COLLECTED]!;
    if (collected === this.seed.length && collected < this.period) {
      const grown = new Float64Array(Math.min(this.period, this.seed.length * 2));
      grown.set(this.seed);
      this.seed = grown;
    }
    super.save();
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

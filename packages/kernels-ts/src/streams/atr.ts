import { atr as spec } from '@omega-ta/kernel-interface';
import { pairwiseSum } from '../pairwise-sum.js';
import { LagWindow } from './lag-window.js';
import { ScalarState } from './scalar-state.js';
import type { StateBlock } from './state-block.js';
import type { StreamStep } from './stream-step.js';
import { TrueRangeState } from './true-range-state.js';

const SEARCHING = 0; // no non-NaN true range yet
const SEEDING = 1; // collecting the `period` true ranges of the seed
const RUNNING = 2; // Wilder's recursion
const DEAD = 3; // a seed true range was not finite: NaN for ever (the batch kernel's early return)

const PHASE = 0;
const COLLECTED = 1; // seed true ranges collected (pushed into `seed`)
const AVG = 2;
const PREVIOUS = 3; // the output of the previous row

/**
 * The seed and recursion of the batch `atrInto` (../atr.ts) one true range at a time: the seed is
 * numpy's pairwise mean of the `period` true ranges from the first non-NaN one (all must be
 * finite, else every row is NaN), then `atr = (atr * (period - 1) + tr) / period`, a NaN true range
 * repeating the previous output. The seed is collected in a {@link LagWindow} of `period` (a
 * second part), whose storage holds exactly those values, in order, after the `period`-th push.
 */
class WilderAtrState extends ScalarState {
  private readonly period: number;
  private readonly seed: LagWindow;

  constructor(period: number) {
    const seed = new LagWindow(period);
    super([SEARCHING, 0, Number.NaN, Number.NaN], [seed]);
    this.period = period;
    this.seed = seed;
  }

  push(tr: number): number {
    const s = this.s;
    let out = Number.NaN;
    if (s[PHASE] === SEARCHING && tr === tr) s[PHASE] = SEEDING;
    if (s[PHASE] === SEEDING) {
      if (tr - tr !== 0) {
        s[PHASE] = DEAD;
      } else {
        this.seed.push(tr);
        const collected = s[COLLECTED]! + 1;
        s[COLLECTED] = collected;
        if (collected === this.period) {
          out = pairwiseSum(this.seed.values, 0, this.period) / this.period;
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
}

/** Streaming `atr` (batch: ../atr.ts): Wilder's average of the true range with a pairwise-mean seed. */
export class AtrStep implements StreamStep {
  readonly spec = spec;
  readonly blocks: readonly StateBlock[];
  private readonly trueRange: TrueRangeState;
  private readonly wilder: WilderAtrState;

  constructor(params: Readonly<Record<string, number>>) {
    this.trueRange = new TrueRangeState();
    this.wilder = new WilderAtrState(params['period']!);
    this.blocks = [this.trueRange, this.wilder];
  }

  step(out: Float64Array, high: number, low: number, close: number): void {
    out[0] = this.wilder.push(this.trueRange.push(high, low, close));
  }
}

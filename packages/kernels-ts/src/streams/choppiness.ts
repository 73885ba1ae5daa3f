import { choppiness as spec } from '@omega-ta/kernel-interface';
import { log10 } from '../log10.js';
import { RollingExtremeState } from './rolling-extreme-state.js';
import { RollingSumState } from './rolling-sum-state.js';
import type { StateBlock } from './state-block.js';
import type { StreamStep } from './stream-step.js';
import { TrueRangeState } from './true-range-state.js';

/**
 * Streaming `choppiness` (batch: ../choppiness.ts): rolling sum of the true range, rolling max of
 * high minus rolling min of low (0 → NaN), `(100 * log10(sum / range)) / log10(period)` with the
 * shared fdlibm log10.
 */
export class ChoppinessStep implements StreamStep {
  readonly spec = spec;
  readonly blocks: readonly StateBlock[];
  private readonly trueRange: TrueRangeState;
  private readonly sum: RollingSumState;
  private readonly highMax: RollingExtremeState;
  private readonly lowMin: RollingExtremeState;
  private readonly logPeriod: number;

  constructor(params: Readonly<Record<string, number>>) {
    const period = params['period']!;
    this.trueRange = new TrueRangeState();
    this.sum = new RollingSumState(period);
    this.highMax = new RollingExtremeState(period, 1);
    this.lowMin = new RollingExtremeState(period, -1);
    this.blocks = [this.trueRange, this.sum, this.highMax, this.lowMin];
    this.logPeriod = log10(period);
  }

  step(out: Float64Array, high: number, low: number, close: number): void {
    this.sum.push(this.trueRange.push(high, low, close));
    let range = this.highMax.push(high) - this.lowMin.push(low);
    if (range === 0) range = Number.NaN;
    out[0] = (100 * log10(this.sum.sum() / range)) / this.logPeriod;
  }
}

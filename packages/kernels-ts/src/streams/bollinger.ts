import { bollinger as spec } from '@omega-ta/kernel-interface';
import { RollingSumState } from './rolling-sum-state.js';
import { RollingVarState } from './rolling-var-state.js';
import type { StateBlock } from './state-block.js';
import type { StreamStep } from './stream-step.js';

/**
 * Streaming `bollinger` (batch: ../bollinger.ts): mid = rolling mean, std = rolling std (ddof 1,
 * zsqrt), `d = std_factor * std`, upper = mid + d, lower = mid - d.
 */
export class BollingerStep implements StreamStep {
  readonly spec = spec;
  readonly blocks: readonly StateBlock[];
  private readonly mean: RollingSumState;
  private readonly variance: RollingVarState;
  private readonly stdFactor: number;

  constructor(params: Readonly<Record<string, number>>) {
    const period = params['period']!;
    this.mean = new RollingSumState(period);
    this.variance = new RollingVarState(period);
    this.blocks = [this.mean, this.variance];
    this.stdFactor = params['std_factor']!;
  }

  step(out: Float64Array, close: number): void {
    this.mean.push(close);
    const mid = this.mean.mean();
    const d = this.stdFactor * this.variance.pushStd(close);
    out[0] = mid + d;
    out[1] = mid;
    out[2] = mid - d;
  }
}

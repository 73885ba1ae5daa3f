import { sma as spec } from '@omega-ta/kernel-interface';
import { RollingSumState } from './rolling-sum-state.js';
import type { StateBlock } from './state-block.js';
import type { StreamStep } from './stream-step.js';

/** Streaming `sma` (batch: ../sma.ts): pandas `rolling(period, min_periods=period).mean()`. */
export class SmaStep implements StreamStep {
  readonly spec = spec;
  readonly blocks: readonly StateBlock[];
  private readonly window: RollingSumState;

  constructor(params: Readonly<Record<string, number>>) {
    this.window = new RollingSumState(params['period']!);
    this.blocks = [this.window];
  }

  step(out: Float64Array, close: number): void {
    this.window.push(close);
    out[0] = this.window.mean();
  }
}

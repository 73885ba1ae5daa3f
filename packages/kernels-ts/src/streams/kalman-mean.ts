import { kalman_mean as spec } from '@omega-ta/kernel-interface';
import { KalmanMeanState } from './kalman-mean-state.js';
import type { StateBlock } from './state-block.js';
import type { StreamStep } from './stream-step.js';

/** Streaming `kalman_mean` (batch: ../kalman-mean.ts). */
export class KalmanMeanStep implements StreamStep {
  readonly spec = spec;
  readonly blocks: readonly StateBlock[];
  private readonly kalman: KalmanMeanState;

  constructor(params: Readonly<Record<string, number>>) {
    this.kalman = new KalmanMeanState(params['R']!, params['Q']!);
    this.blocks = [this.kalman];
  }

  step(out: Float64Array, close: number): void {
    out[0] = this.kalman.push(close);
  }
}

import { kalman_zscore as spec } from '@omega-ta/kernel-interface';
import { KalmanMeanState } from './kalman-mean-state.js';
import { pushResidualZscore } from './residual-zscore.js';
import { RollingVarState } from './rolling-var-state.js';
import type { StateBlock } from './state-block.js';
import type { StreamStep } from './stream-step.js';

/** Streaming `kalman_zscore` (batch: ../kalman-zscore.ts): the residual to the Kalman mean over its rolling std. */
export class KalmanZscoreStep implements StreamStep {
  readonly spec = spec;
  readonly blocks: readonly StateBlock[];
  private readonly kalman: KalmanMeanState;
  private readonly variance: RollingVarState;

  constructor(params: Readonly<Record<string, number>>) {
    this.kalman = new KalmanMeanState(params['R']!, params['Q']!);
    this.variance = new RollingVarState(params['window']!);
    this.blocks = [this.kalman, this.variance];
  }

  step(out: Float64Array, close: number): void {
    out[0] = pushResidualZscore(this.variance, close, this.kalman.push(close));
  }
}

import { kalman_zscore as spec } from '@omega-ta/kernel-interface';
import { KalmanMeanState } from './kalman-mean-state.js';
import { pushResidualZscore } from './residual-zscore.js';
import { RollingVarState } from './rolling-var-state.js';
import { StreamBase } from './stream-base.js';

/** Streaming `kalman_zscore` (batch: ../kalman-zscore.ts): the residual to the Kalman mean over its rolling std. */
export class KalmanZscoreStream extends StreamBase {
  private readonly kalman: KalmanMeanState;
  private readonly variance: RollingVarState;

  constructor(params: Readonly<Record<string, number>>) {
    const kalman = new KalmanMeanState(params['R']!, params['Q']!);
    const variance = new RollingVarState(params['window']!);
    super(spec, params, [kalman, variance]);
    this.kalman = kalman;
    this.variance = variance;
  }

  protected step(close: number): void {
    this.out[0] = pushResidualZscore(this.variance, close, this.kalman.push(close));
  }
}

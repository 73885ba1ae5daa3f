import { kalman_mean as spec } from '@omega-ta/kernel-interface';
import { KalmanMeanState } from './kalman-mean-state.js';
import { StreamBase } from './stream-base.js';

/** Streaming `kalman_mean` (batch: ../kalman-mean.ts). */
export class KalmanMeanStream extends StreamBase {
  private readonly kalman: KalmanMeanState;

  constructor(params: Readonly<Record<string, number>>) {
    const kalman = new KalmanMeanState(params['R']!, params['Q']!);
    super(spec, params, [kalman]);
    this.kalman = kalman;
  }

  protected step(close: number): void {
    this.out[0] = this.kalman.push(close);
  }
}

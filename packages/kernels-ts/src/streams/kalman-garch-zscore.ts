import { kalman_garch_zscore as spec } from '@omega-ta/kernel-interface';
import { GarchState, garchParamsOf } from './garch-state.js';
import { KalmanMeanState } from './kalman-mean-state.js';
import { StreamBase } from './stream-base.js';

/**
 * Streaming `kalman_garch_zscore` (batch: ../kalman-garch-zscore.ts): `(close - kalman mean) /
 * (|close| * garch sigma)`, a price sigma of 0 counting as NaN.
 */
export class KalmanGarchZscoreStream extends StreamBase {
  private readonly kalman: KalmanMeanState;
  private readonly garch: GarchState;

  constructor(params: Readonly<Record<string, number>>) {
    const kalman = new KalmanMeanState(params['R']!, params['Q']!);
    const garch = new GarchState(garchParamsOf(params));
    super(spec, params, [kalman, garch]);
    this.kalman = kalman;
    this.garch = garch;
  }

  protected step(close: number): void {
    const mean = this.kalman.push(close);
    let sigmaPrice = Math.abs(close) * this.garch.push(close);
    if (sigmaPrice === 0) sigmaPrice = Number.NaN;
    this.out[0] = (close - mean) / sigmaPrice;
  }
}

import { kalman_garch_zscore as spec } from '@omega-ta/kernel-interface';
import { GarchState, garchParamsOf } from './garch-state.js';
import { KalmanMeanState } from './kalman-mean-state.js';
import type { StateBlock } from './state-block.js';
import type { StreamStep } from './stream-step.js';

/**
 * Streaming `kalman_garch_zscore` (batch: ../kalman-garch-zscore.ts): `(close - kalman mean) /
 * (|close| * garch sigma)`, a price sigma of 0 counting as NaN.
 */
export class KalmanGarchZscoreStep implements StreamStep {
  readonly spec = spec;
  readonly blocks: readonly StateBlock[];
  private readonly kalman: KalmanMeanState;
  private readonly garch: GarchState;

  constructor(params: Readonly<Record<string, number>>) {
    this.kalman = new KalmanMeanState(params['R']!, params['Q']!);
    this.garch = new GarchState(garchParamsOf(params));
    this.blocks = [this.kalman, this.garch];
  }

  step(out: Float64Array, close: number): void {
    const mean = this.kalman.push(close);
    let sigmaPrice = Math.abs(close) * this.garch.push(close);
    if (sigmaPrice === 0) sigmaPrice = Number.NaN;
    out[0] = (close - mean) / sigmaPrice;
  }
}

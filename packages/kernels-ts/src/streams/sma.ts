import { sma as spec } from '@omega-ta/kernel-interface';
import { RollingSumState } from './rolling-sum-state.js';
import { StreamBase } from './stream-base.js';

/** Streaming `sma` (batch: ../sma.ts): pandas `rolling(period, min_periods=period).mean()`. */
export class SmaStream extends StreamBase {
  private readonly window: RollingSumState;

  constructor(params: Readonly<Record<string, number>>) {
    const window = new RollingSumState(params['period']!);
    super(spec, params, [window]);
    this.window = window;
  }

  protected step(close: number): void {
    this.window.push(close);
    this.out[0] = this.window.mean();
  }
}

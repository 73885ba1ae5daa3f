import { bollinger as spec } from '@omega-ta/kernel-interface';
import { RollingSumState } from './rolling-sum-state.js';
import { RollingVarState } from './rolling-var-state.js';
import { StreamBase } from './stream-base.js';

/**
 * Streaming `bollinger` (batch: ../bollinger.ts): mid = rolling mean, std = rolling std (ddof 1,
 * zsqrt), `d = std_factor * std`, upper = mid + d, lower = mid - d.
 */
export class BollingerStream extends StreamBase {
  private readonly mean: RollingSumState;
  private readonly variance: RollingVarState;
  private readonly stdFactor: number;

  constructor(params: Readonly<Record<string, number>>) {
    const period = params['period']!;
    const mean = new RollingSumState(period);
    const variance = new RollingVarState(period);
    super(spec, params, [mean, variance]);
    this.mean = mean;
    this.variance = variance;
    this.stdFactor = params['std_factor']!;
  }

  protected step(close: number): void {
    this.mean.push(close);
    const mid = this.mean.mean();
    const d = this.stdFactor * this.variance.pushStd(close);
    this.out[0] = mid + d;
    this.out[1] = mid;
    this.out[2] = mid - d;
  }
}

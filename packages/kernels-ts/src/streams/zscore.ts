import { zscore as spec, zscore_ema as emaSpec } from '@omega-ta/kernel-interface';
import { EwmState } from './ewm-state.js';
import { pushResidualZscore } from './residual-zscore.js';
import { RollingSumState } from './rolling-sum-state.js';
import { RollingVarState } from './rolling-var-state.js';
import { StreamBase } from './stream-base.js';

/** Streaming `zscore` (batch: ../zscore.ts): the residual to the rolling mean over its rolling std. */
export class ZscoreStream extends StreamBase {
  private readonly mean: RollingSumState;
  private readonly variance: RollingVarState;

  constructor(params: Readonly<Record<string, number>>) {
    const window = params['window']!;
    const mean = new RollingSumState(window);
    const variance = new RollingVarState(window);
    super(spec, params, [mean, variance]);
    this.mean = mean;
    this.variance = variance;
  }

  protected step(close: number): void {
    this.mean.push(close);
    this.out[0] = pushResidualZscore(this.variance, close, this.mean.mean());
  }
}

/** Streaming `zscore_ema` (batch: ../zscore.ts): the residual to the EMA (span ema_period) over its rolling std. */
export class ZscoreEmaStream extends StreamBase {
  private readonly ema: EwmState;
  private readonly variance: RollingVarState;

  constructor(params: Readonly<Record<string, number>>) {
    const ema = EwmState.span(params['ema_period']!);
    const variance = new RollingVarState(params['window']!);
    super(emaSpec, params, [ema, variance]);
    this.ema = ema;
    this.variance = variance;
  }

  protected step(close: number): void {
    this.out[0] = pushResidualZscore(this.variance, close, this.ema.push(close));
  }
}

import { zscore as spec, zscore_ema as emaSpec } from '@omega-ta/kernel-interface';
import { EwmState } from './ewm-state.js';
import { pushResidualZscore } from './residual-zscore.js';
import { RollingSumState } from './rolling-sum-state.js';
import { RollingVarState } from './rolling-var-state.js';
import type { StateBlock } from './state-block.js';
import type { StreamStep } from './stream-step.js';

/** Streaming `zscore` (batch: ../zscore.ts): the residual to the rolling mean over its rolling std. */
export class ZscoreStep implements StreamStep {
  readonly spec = spec;
  readonly blocks: readonly StateBlock[];
  private readonly mean: RollingSumState;
  private readonly variance: RollingVarState;

  constructor(params: Readonly<Record<string, number>>) {
    const window = params['window']!;
    this.mean = new RollingSumState(window);
    this.variance = new RollingVarState(window);
    this.blocks = [this.mean, this.variance];
  }

  step(out: Float64Array, close: number): void {
    this.mean.push(close);
    out[0] = pushResidualZscore(this.variance, close, this.mean.mean());
  }
}

/** Streaming `zscore_ema` (batch: ../zscore.ts): the residual to the EMA (span ema_period) over its rolling std. */
export class ZscoreEmaStep implements StreamStep {
  readonly spec = emaSpec;
  readonly blocks: readonly StateBlock[];
  private readonly ema: EwmState;
  private readonly variance: RollingVarState;

  constructor(params: Readonly<Record<string, number>>) {
    this.ema = EwmState.span(params['ema_period']!);
    this.variance = new RollingVarState(params['window']!);
    this.blocks = [this.ema, this.variance];
  }

  step(out: Float64Array, close: number): void {
    out[0] = pushResidualZscore(this.variance, close, this.ema.push(close));
  }
}

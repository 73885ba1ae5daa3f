import { macd as spec } from '@omega-ta/kernel-interface';
import { EwmState } from './ewm-state.js';
import type { StateBlock } from './state-block.js';
import type { StreamStep } from './stream-step.js';

/**
 * Streaming `macd` (batch: ../macd.ts): macd = ewm(fast) - ewm(slow), signal = ewm(macd),
 * histogram = macd - signal; every ewm with com = (span - 1) / 2.
 */
export class MacdStep implements StreamStep {
  readonly spec = spec;
  readonly blocks: readonly StateBlock[];
  private readonly fast: EwmState;
  private readonly slow: EwmState;
  private readonly signal: EwmState;

  constructor(params: Readonly<Record<string, number>>) {
    this.fast = EwmState.span(params['fast_period']!);
    this.slow = EwmState.span(params['slow_period']!);
    this.signal = EwmState.span(params['signal_period']!);
    this.blocks = [this.fast, this.slow, this.signal];
  }

  step(out: Float64Array, close: number): void {
    const macd = this.fast.push(close) - this.slow.push(close);
    const signal = this.signal.push(macd);
    out[0] = macd;
    out[1] = signal;
    out[2] = macd - signal;
  }
}

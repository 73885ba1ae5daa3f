import { macd as spec } from '@omega-ta/kernel-interface';
import { EwmState } from './ewm-state.js';
import { StreamBase } from './stream-base.js';

/**
 * Streaming `macd` (batch: ../macd.ts): macd = ewm(fast) - ewm(slow), signal = ewm(macd),
 * histogram = macd - signal; every ewm with com = (span - 1) / 2.
 */
export class MacdStream extends StreamBase {
  private readonly fast: EwmState;
  private readonly slow: EwmState;
  private readonly signal: EwmState;

  constructor(params: Readonly<Record<string, number>>) {
    const fast = EwmState.span(params['fast_period']!);
    const slow = EwmState.span(params['slow_period']!);
    const signal = EwmState.span(params['signal_period']!);
    super(spec, params, [fast, slow, signal]);
    this.fast = fast;
    this.slow = slow;
    this.signal = signal;
  }

  protected step(close: number): void {
    const macd = this.fast.push(close) - this.slow.push(close);
    const signal = this.signal.push(macd);
    this.out[0] = macd;
    this.out[1] = signal;
    this.out[2] = macd - signal;
  }
}

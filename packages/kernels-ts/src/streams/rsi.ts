import { rsi as spec } from '@omega-ta/kernel-interface';
import { EwmState } from './ewm-state.js';
import { LagWindow } from './lag-window.js';
import { StreamBase } from './stream-base.js';

/** pandas `Series.clip(lower=0)` of one value: NaN stays NaN, -0 stays -0, below 0 becomes +0. */
function clipLowerZero(v: number): number {
  return v >= 0 || v !== v ? v : 0;
}

/**
 * Streaming `rsi` (batch: ../rsi.ts): delta to the previous close, clipped gain and loss, each
 * smoothed by ewm with `com = (1 - alpha) / alpha`, `alpha = 1 / period`; `100 - 100 / (1 + g / l)`.
 */
export class RsiStream extends StreamBase {
  private readonly prev: LagWindow;
  private readonly gain: EwmState;
  private readonly loss: EwmState;

  constructor(params: Readonly<Record<string, number>>) {
    const prev = new LagWindow(1);
    const gain = EwmState.wilder(params['period']!);
    const loss = EwmState.wilder(params['period']!);
    super(spec, params, [prev, gain, loss]);
    this.prev = prev;
    this.gain = gain;
    this.loss = loss;
  }

  protected step(close: number): void {
    const delta = close - this.prev.push(close); // NaN on the first bar
    const rs = this.gain.push(clipLowerZero(delta)) / this.loss.push(clipLowerZero(-delta));
    this.out[0] = 100 - 100 / (1 + rs);
  }
}

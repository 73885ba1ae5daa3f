import { rsi as spec } from '@omega-ta/kernel-interface';
import { EwmState } from './ewm-state.js';
import { LagWindow } from './lag-window.js';
import type { StateBlock } from './state-block.js';
import type { StreamStep } from './stream-step.js';

/** pandas `Series.clip(lower=0)` of one value: NaN stays NaN, -0 stays -0, below 0 becomes +0. */
function clipLowerZero(v: number): number {
  return v >= 0 || v !== v ? v : 0;
}

/**
 * Streaming `rsi` (batch: ../rsi.ts): delta to the previous close, clipped gain and loss, each
 * smoothed by ewm with `com = (1 - alpha) / alpha`, `alpha = 1 / period`; `100 - 100 / (1 + g / l)`.
 */
export class RsiStep implements StreamStep {
  readonly spec = spec;
  readonly blocks: readonly StateBlock[];
  private readonly prev: LagWindow;
  private readonly gain: EwmState;
  private readonly loss: EwmState;

  constructor(params: Readonly<Record<string, number>>) {
    this.prev = new LagWindow(1);
    this.gain = EwmState.wilder(params['period']!);
    this.loss = EwmState.wilder(params['period']!);
    this.blocks = [this.prev, this.gain, this.loss];
  }

  step(out: Float64Array, close: number): void {
    const delta = close - this.prev.push(close); // NaN on the first bar
    const rs = this.gain.push(clipLowerZero(delta)) / this.loss.push(clipLowerZero(-delta));
    out[0] = 100 - 100 / (1 + rs);
  }
}

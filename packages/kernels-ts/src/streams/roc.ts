import { roc as spec } from '@omega-ta/kernel-interface';
import { LagWindow } from './lag-window.js';
import type { StateBlock } from './state-block.js';
import type { StreamStep } from './stream-step.js';

/**
 * Streaming `roc` (batch: ../roc.ts): `((x[t] - x[t-period]) / x[t-period]) * 100`; the lag is NaN
 * for the first `period` bars, which makes those rows NaN as in the batch kernel.
 */
export class RocStep implements StreamStep {
  readonly spec = spec;
  readonly blocks: readonly StateBlock[];
  private readonly lag: LagWindow;

  constructor(params: Readonly<Record<string, number>>) {
    this.lag = new LagWindow(params['period']!);
    this.blocks = [this.lag];
  }

  step(out: Float64Array, close: number): void {
    const prev = this.lag.push(close);
    out[0] = ((close - prev) / prev) * 100;
  }
}

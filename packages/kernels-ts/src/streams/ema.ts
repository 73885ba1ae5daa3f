import { ema as spec } from '@omega-ta/kernel-interface';
import { EwmState } from './ewm-state.js';
import type { StateBlock } from './state-block.js';
import type { StreamStep } from './stream-step.js';

/** Streaming `ema` (batch: ../ema.ts): pandas `ewm(span=period, adjust=False).mean()`, com = (period - 1) / 2. */
export class EmaStep implements StreamStep {
  readonly spec = spec;
  readonly blocks: readonly StateBlock[];
  private readonly ewm: EwmState;

  constructor(params: Readonly<Record<string, number>>) {
    this.ewm = EwmState.span(params['period']!);
    this.blocks = [this.ewm];
  }

  step(out: Float64Array, close: number): void {
    out[0] = this.ewm.push(close);
  }
}

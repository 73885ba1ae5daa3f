import { garch_volatility as spec } from '@omega-ta/kernel-interface';
import { GarchState, garchParamsOf } from './garch-state.js';
import type { StateBlock } from './state-block.js';
import type { StreamStep } from './stream-step.js';

/** Streaming `garch_volatility` (batch: ../garch-volatility.ts). */
export class GarchVolatilityStep implements StreamStep {
  readonly spec = spec;
  readonly blocks: readonly StateBlock[];
  private readonly garch: GarchState;

  constructor(params: Readonly<Record<string, number>>) {
    this.garch = new GarchState(garchParamsOf(params));
    this.blocks = [this.garch];
  }

  step(out: Float64Array, close: number): void {
    out[0] = this.garch.push(close);
  }
}

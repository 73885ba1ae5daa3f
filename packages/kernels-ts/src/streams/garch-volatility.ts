import { garch_volatility as spec } from '@omega-ta/kernel-interface';
import { GarchState, garchParamsOf } from './garch-state.js';
import { StreamBase } from './stream-base.js';

/** Streaming `garch_volatility` (batch: ../garch-volatility.ts). */
export class GarchVolatilityStream extends StreamBase {
  private readonly garch: GarchState;

  constructor(params: Readonly<Record<string, number>>) {
    const garch = new GarchState(garchParamsOf(params));
    super(spec, params, [garch]);
    this.garch = garch;
  }

  protected step(close: number): void {
    this.out[0] = this.garch.push(close);
  }
}

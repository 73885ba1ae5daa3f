import { ema as spec } from '@omega-ta/kernel-interface';
import { EwmState } from './ewm-state.js';
import { StreamBase } from './stream-base.js';

/** Streaming `ema` (batch: ../ema.ts): pandas `ewm(span=period, adjust=False).mean()`, com = (period - 1) / 2. */
export class EmaStream extends StreamBase {
  private readonly ewm: EwmState;

  constructor(params: Readonly<Record<string, number>>) {
    const ewm = EwmState.span(params['period']!);
    super(spec, params, [ewm]);
    this.ewm = ewm;
  }

  protected step(close: number): void {
    this.out[0] = this.ewm.push(close);
  }
}

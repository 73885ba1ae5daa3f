import { roc as spec } from '@omega-ta/kernel-interface';
import { LagWindow } from './lag-window.js';
import { StreamBase } from './stream-base.js';

/**
 * Streaming `roc` (batch: ../roc.ts): `((x[t] - x[t-period]) / x[t-period]) * 100`; the lag is NaN
 * for the first `period` bars, which makes those rows NaN as in the batch kernel.
 */
export class RocStream extends StreamBase {
  private readonly lag: LagWindow;

  constructor(params: Readonly<Record<string, number>>) {
    const lag = new LagWindow(params['period']!);
    super(spec, params, [lag]);
    this.lag = lag;
  }

  protected step(close: number): void {
    const prev = this.lag.push(close);
    this.out[0] = ((close - prev) / prev) * 100;
  }
}

import { dmi as spec } from '@omega-ta/kernel-interface';
import { EwmState } from './ewm-state.js';
import { LagWindow } from './lag-window.js';
import { StreamBase } from './stream-base.js';
import { TrueRangeState } from './true-range-state.js';

/**
 * Streaming `dmi` (batch: ../dmi.ts): +DM/-DM from the previous high and low (0 on the first bar,
 * where the differences are NaN), ewm (com = (1 - alpha) / alpha, alpha = 1 / period) of the true
 * range and of both DMs, `DI = (100 * ewm(DM)) / atr`, `dx = (|+DI - -DI| / (+DI + -DI)) * 100`,
 * adx = ewm(dx).
 */
export class DmiStream extends StreamBase {
  private readonly trueRange: TrueRangeState;
  private readonly prevHigh: LagWindow;
  private readonly prevLow: LagWindow;
  private readonly atr: EwmState;
  private readonly plus: EwmState;
  private readonly minus: EwmState;
  private readonly adx: EwmState;

  constructor(params: Readonly<Record<string, number>>) {
    const period = params['period']!;
    const blocks = {
      trueRange: new TrueRangeState(),
      prevHigh: new LagWindow(1),
      prevLow: new LagWindow(1),
      atr: EwmState.wilder(period),
      plus: EwmState.wilder(period),
      minus: EwmState.wilder(period),
      adx: EwmState.wilder(period),
    };
    super(spec, params, Object.values(blocks));
    this.trueRange = blocks.trueRange;
    this.prevHigh = blocks.prevHigh;
    this.prevLow = blocks.prevLow;
    this.atr = blocks.atr;
    this.plus = blocks.plus;
    this.minus = blocks.minus;
    this.adx = blocks.adx;
  }

  protected step(high: number, low: number, close: number): void {
    const a = this.atr.push(this.trueRange.push(high, low, close));
    const up = high - this.prevHigh.push(high);
    const down = this.prevLow.push(low) - low;
    const plusDm = up > down && up > 0 ? up : 0;
    const minusDm = down > up && down > 0 ? down : 0;
    const p = (100 * this.plus.push(plusDm)) / a;
    const m = (100 * this.minus.push(minusDm)) / a;
    this.out[0] = p;
    this.out[1] = m;
    this.out[2] = this.adx.push((Math.abs(p - m) / (p + m)) * 100);
  }
}

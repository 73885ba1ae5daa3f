import { dmi as spec } from '@omega-ta/kernel-interface';
import { EwmState } from './ewm-state.js';
import { LagWindow } from './lag-window.js';
import type { StateBlock } from './state-block.js';
import type { StreamStep } from './stream-step.js';
import { TrueRangeState } from './true-range-state.js';

/**
 * Streaming `dmi` (batch: ../dmi.ts): +DM/-DM from the previous high and low (0 on the first bar,
 * where the differences are NaN), ewm (com = (1 - alpha) / alpha, alpha = 1 / period) of the true
 * range and of both DMs, `DI = (100 * ewm(DM)) / atr`, `dx = (|+DI - -DI| / (+DI + -DI)) * 100`,
 * adx = ewm(dx).
 */
export class DmiStep implements StreamStep {
  readonly spec = spec;
  readonly blocks: readonly StateBlock[];
  private readonly trueRange: TrueRangeState;
  private readonly prevHigh: LagWindow;
  private readonly prevLow: LagWindow;
  private readonly atr: EwmState;
  private readonly plus: EwmState;
  private readonly minus: EwmState;
  private readonly adx: EwmState;

  constructor(params: Readonly<Record<string, number>>) {
    const period = params['period']!;
    this.trueRange = new TrueRangeState();
    this.prevHigh = new LagWindow(1);
    this.prevLow = new LagWindow(1);
    this.atr = EwmState.wilder(period);
    this.plus = EwmState.wilder(period);
    this.minus = EwmState.wilder(period);
    this.adx = EwmState.wilder(period);
    this.blocks = [this.trueRange, this.prevHigh, this.prevLow, this.atr, this.plus, this.minus, this.adx];
  }

  step(out: Float64Array, high: number, low: number, close: number): void {
    const a = this.atr.push(this.trueRange.push(high, low, close));
    const up = high - this.prevHigh.push(high);
    const down = this.prevLow.push(low) - low;
    const plusDm = up > down && up > 0 ? up : 0;
    const minusDm = down > up && down > 0 ? down : 0;
    const p = (100 * this.plus.push(plusDm)) / a;
    const m = (100 * this.minus.push(minusDm)) / a;
    out[0] = p;
    out[1] = m;
    out[2] = this.adx.push((Math.abs(p - m) / (p + m)) * 100);
  }
}

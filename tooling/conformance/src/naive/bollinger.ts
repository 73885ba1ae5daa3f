import type { Ohlcv } from '../series.js';
import { fullWindow, mean } from './window.js';

/** Bollinger: mean ± k × sample standard deviation (two-pass) of the last `period` closes. */
export function bollinger(table: Ohlcv, params: Readonly<Record<string, number>>): number[][] {
  const period = params['period']!;
  const k = params['std_factor']!;
  const upper: number[] = [];
  const mid: number[] = [];
  const lower: number[] = [];
  for (let t = 0; t < table.close.length; t += 1) {
    const w = fullWindow(table.close, t, period);
    if (w === null) {
      upper.push(Number.NaN);
      mid.push(Number.NaN);
      lower.push(Number.NaN);
      continue;
    }
    const m = mean(w);
    const sd = Math.sqrt(w.reduce((a, v) => a + (v - m) ** 2, 0) / (period - 1));
    upper.push(m + k * sd);
    mid.push(m);
    lower.push(m - k * sd);
  }
  return [upper, mid, lower];
}

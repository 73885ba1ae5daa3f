import type { Ohlcv } from '../series.js';
import { fullWindow, mean } from './window.js';

/** SMA: the mean of the last `period` closes, NaN unless all are present. */
export function sma(table: Ohlcv, params: Readonly<Record<string, number>>): number[][] {
  const period = params['period']!;
  return [Array.from(table.close, (_, t) => {
    const w = fullWindow(table.close, t, period);
    return w === null ? Number.NaN : mean(w);
  })];
}

import type { Ohlcv } from '../series.js';
import { trueRange } from './true-range.js';
import { fullWindow } from './window.js';

/**
 * Choppiness index: 100 × log10(sum of true ranges / (highest high - lowest low)) / log10(period)
 * over the last `period` rows, NaN unless every value of the window is present or when the range
 * is 0.
 */
export function choppiness(table: Ohlcv, params: Readonly<Record<string, number>>): number[][] {
  const p = params['period']!;
  const tr = trueRange(table);
  return [tr.map((_, t) => {
    const trs = fullWindow(tr, t, p);
    const highs = fullWindow(table.high, t, p);
    const lows = fullWindow(table.low, t, p);
    if (trs === null || highs === null || lows === null) return Number.NaN;
    const range = Math.max(...highs) - Math.min(...lows);
    if (range === 0) return Number.NaN;
    return (100 * Math.log10(trs.reduce((a, b) => a + b, 0) / range)) / Math.log10(p);
  })];
}

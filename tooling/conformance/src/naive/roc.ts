import type { Ohlcv } from '../series.js';

/** Rate of change in percent: (close - close `period` rows back) / that close × 100. */
export function roc(table: Ohlcv, params: Readonly<Record<string, number>>): number[][] {
  const p = params['period']!;
  return [Array.from(table.close, (c, t) => (t < p ? Number.NaN : ((c - table.close[t - p]!) / table.close[t - p]!) * 100))];
}

import type { Ohlcv } from '../series.js';
import { ewmNaive } from './ewm.js';

/** RSI (Wilder smoothing as the original: ewm alpha = 1/period of gains and losses): 100 - 100 / (1 + gain / loss). */
export function rsi(table: Ohlcv, params: Readonly<Record<string, number>>): number[][] {
  const alpha = 1 / params['period']!;
  const delta = Array.from(table.close, (c, t) => (t === 0 ? Number.NaN : c - table.close[t - 1]!));
  const gain = ewmNaive(delta.map((d) => (Number.isNaN(d) ? d : Math.max(d, 0))), alpha);
  const loss = ewmNaive(delta.map((d) => (Number.isNaN(d) ? d : Math.max(-d, 0))), alpha);
  return [gain.map((g, t) => 100 - 100 / (1 + g / loss[t]!))];
}

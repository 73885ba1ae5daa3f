import type { Ohlcv } from '../series.js';
import { ewmNaive } from './ewm.js';

/** EMA: the adjust=False exponential average with alpha = 2 / (period + 1). */
export function ema(table: Ohlcv, params: Readonly<Record<string, number>>): number[][] {
  return [ewmNaive(table.close, 2 / (params['period']! + 1))];
}

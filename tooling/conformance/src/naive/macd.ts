import type { Ohlcv } from '../series.js';
import { ewmNaive } from './ewm.js';

/** MACD: EMA(fast) - EMA(slow); signal: EMA(signal) of that line; histogram: their difference. */
export function macd(table: Ohlcv, params: Readonly<Record<string, number>>): number[][] {
  const span = (name: string) => 2 / (params[name]! + 1);
  const fast = ewmNaive(table.close, span('fast_period'));
  const slow = ewmNaive(table.close, span('slow_period'));
  const line = fast.map((f, t) => f - slow[t]!);
  const signal = ewmNaive(line, span('signal_period'));
  return [line, signal, line.map((m, t) => m - signal[t]!)];
}

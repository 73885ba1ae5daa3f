import type { Ohlcv } from '../series.js';

/**
 * EMA with pandas' adjust=False weights, by definition: the first observation starts the average;
 * each later observation x gets weight alpha against (1 - alpha)^(k+1) for the running average,
 * k being the number of missing rows just before it; missing rows hold the value.
 */
export function ema(table: Ohlcv, params: Readonly<Record<string, number>>): number[][] {
  const alpha = 2 / (params['period']! + 1);
  const out: number[] = [];
  let value = Number.NaN;
  let missing = 0;
  for (const x of table.close) {
    if (!Number.isFinite(x)) {
      missing += 1;
    } else if (Number.isNaN(value)) {
      value = x;
      missing = 0;
    } else {
      const w = (1 - alpha) ** (missing + 1);
      value = (w * value + alpha * x) / (w + alpha);
      missing = 0;
    }
    out.push(value);
  }
  return [out];
}

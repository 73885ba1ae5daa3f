import type { Ohlcv } from '../series.js';
import { mean } from './window.js';
import { trueRange } from './true-range.js';

/**
 * Wilder's ATR as the original defines it: seeded with the mean of the first `period` true ranges
 * from the first present one (if all of them are present), then atr = (atr × (period - 1) + tr) /
 * period; a missing true range repeats the previous output.
 */
export function atr(table: Ohlcv, params: Readonly<Record<string, number>>): number[][] {
  const p = params['period']!;
  const tr = trueRange(table);
  const out = tr.map(() => Number.NaN);
  const first = Math.max(0, tr.findIndex((v) => !Number.isNaN(v)));
  const seed = tr.slice(first, first + p);
  if (seed.length < p || !seed.every(Number.isFinite)) return [out];
  let value = mean(seed);
  out[first + p - 1] = value;
  for (let t = first + p; t < tr.length; t += 1) {
    if (Number.isNaN(tr[t]!)) {
      out[t] = out[t - 1]!;
      continue;
    }
    value = (value * (p - 1) + tr[t]!) / p;
    out[t] = value;
  }
  return [out];
}

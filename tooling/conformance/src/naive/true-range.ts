import type { Ohlcv } from '../series.js';

/** True range: the largest present of |h - l|, |h - previous close|, |l - previous close|; NaN if none. */
export function trueRange(table: Ohlcv): number[] {
  const { high, low, close } = table;
  return Array.from(high, (h, t) => {
    const prevClose = t === 0 ? Number.NaN : close[t - 1]!;
    const candidates = [Math.abs(h - low[t]!), Math.abs(h - prevClose), Math.abs(low[t]! - prevClose)].filter((v) => !Number.isNaN(v));
    return candidates.length === 0 ? Number.NaN : Math.max(...candidates);
  });
}

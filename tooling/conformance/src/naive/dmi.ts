import type { Ohlcv } from '../series.js';
import { ewmNaive } from './ewm.js';
import { trueRange } from './true-range.js';

/**
 * Directional movement as the original: +DM = up move if it beats the down move and is positive,
 * else 0 (also when either is missing); likewise -DM; each smoothed with ewm alpha = 1/period and
 * divided by the smoothed true range (×100); ADX = ewm of |+DI - -DI| / (+DI + -DI) × 100.
 */
export function dmi(table: Ohlcv, params: Readonly<Record<string, number>>): number[][] {
  const alpha = 1 / params['period']!;
  const { high, low } = table;
  const up = Array.from(high, (h, t) => (t === 0 ? Number.NaN : h - high[t - 1]!));
  const down = Array.from(low, (l, t) => (t === 0 ? Number.NaN : low[t - 1]! - l));
  const plusDm = up.map((u, t) => (u > down[t]! && u > 0 ? u : 0));
  const minusDm = down.map((d, t) => (d > up[t]! && d > 0 ? d : 0));
  const atr = ewmNaive(trueRange(table), alpha);
  const plusDi = ewmNaive(plusDm, alpha).map((v, t) => (100 * v) / atr[t]!);
  const minusDi = ewmNaive(minusDm, alpha).map((v, t) => (100 * v) / atr[t]!);
  const dx = plusDi.map((p, t) => (Math.abs(p - minusDi[t]!) / (p + minusDi[t]!)) * 100);
  return [plusDi, minusDi, ewmNaive(dx, alpha)];
}

import type { Ohlcv } from '../series.js';

/**
 * Textbook scalar Kalman filter for a random-walk level: predict (variance + Q), then update with
 * gain K = P / (P + R). Initialised at the first close with variance R, as the original; a
 * missing close leaves no estimate, and (the original's behaviour) none after it either.
 */
export function kalmanMean(table: Ohlcv, params: Readonly<Record<string, number>>): number[][] {
  const R = params['R']!;
  const Q = params['Q']!;
  const out: number[] = [];
  let estimate: number | undefined;
  let variance = 0;
  let lost = false;
  for (const z of table.close) {
    if (lost || Number.isNaN(z)) {
      if (estimate !== undefined) lost = true;
      out.push(Number.NaN);
      continue;
    }
    if (estimate === undefined) {
      estimate = z;
      variance = R;
    } else {
      const predicted = variance + Q;
      const gain = predicted / (predicted + R);
      estimate += gain * (z - estimate);
      variance = (1 - gain) * predicted;
    }
    out.push(estimate);
  }
  return [out];
}

import type { Ohlcv } from '../series.js';
import { kalmanMean } from './kalman-mean.js';
import { fullWindow, mean } from './window.js';

/** Residual of the close against its Kalman mean over the two-pass sample std of the last `window` residuals. */
export function kalmanZscore(table: Ohlcv, params: Readonly<Record<string, number>>): number[][] {
  const window = params['window']!;
  const km = kalmanMean(table, params)[0]!;
  const resid = Array.from(table.close, (c, t) => c - km[t]!);
  return [
    resid.map((r, t) => {
      const w = fullWindow(resid, t, window);
      if (w === null) return Number.NaN;
      const m = mean(w);
      return r / Math.sqrt(w.reduce((a, v) => a + (v - m) ** 2, 0) / (window - 1));
    }),
  ];
}

import type { Ohlcv } from '../series.js';
import { kalmanMean } from './kalman-mean.js';
import { residualZscore } from './zscore.js';

/** Residual of the close against its Kalman mean over the two-pass sample std of the last `window` residuals. */
export function kalmanZscore(table: Ohlcv, params: Readonly<Record<string, number>>): (number | undefined)[][] {
  return [residualZscore(table.close, kalmanMean(table, params)[0]!, params['window']!)];
}

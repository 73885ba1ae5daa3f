import type { ReadonlyFloat64Array } from '@omega-ta/kernel-interface';
import type { CacheCore } from './cache-core.js';
import { kalmanMeanCompat, zscoreOfResiduals } from './kalman-compat.js';
import { kalmanByKernel } from './kalman-garch.js';
import { bandsOf } from './moving-averages.js';
import { expandForwardFill, gatherRows, newBarRows } from './stepwise.js';
import { EMPTY, type Bands } from './types.js';
import { requireInteger, requireKalman, requireStdFactor } from './validate.js';

/**
 * The stepwise indicators, advanced once per bar of their timeframe: `emaStepwise`,
 * `bollingerStepwise`, `kalmanZscoreStepwise` (docs on IndicatorCache).
 */

/**
 * The original's stepwise recipe, cached under `method` and the parameters: the closes of the
 * rows that start a new bar, `reduce`d to `count` outputs (one value per bar, by the kernels),
 * each expanded back onto every row with forward fill. `undefined` when the timeframe or side
 * is absent, empty outputs for no rows and all-NaN outputs when no row has a candle (the
 * original returns those before it looks at the parameters, so `reduce` validates them).
 */
function stepwise(
  core: CacheCore,
  method: string,
  tf: string,
  side: string,
  params: Readonly<Record<string, number>>,
  count: number,
  reduce: (close: ReadonlyFloat64Array) => Float64Array[],
): readonly ReadonlyFloat64Array[] | undefined {
  const slot = core.slot(tf, side);
  if (slot === undefined) return undefined;
  const node = slot.method(method).path(params);
  const cached = core.cached(node) as readonly ReadonlyFloat64Array[] | undefined;
  if (cached !== undefined) return cached;
  const columns = slot.columns;
  const n = columns.close.length;
  const rows = newBarRows(columns.time);
  if (n === 0 || rows.length === 0) {
    const nan = new Float64Array(n).fill(Number.NaN);
    return core.keep(node, Array.from({ length: count }, () => nan));
  }
  const reduced = reduce(gatherRows(columns.close, rows));
  return core.keep(node, reduced.map((values) => expandForwardFill(values, rows, n)));
}

export function emaStepwise(core: CacheCore, tf: string, side: string, period: number): ReadonlyFloat64Array {
  const method = 'ema_stepwise';
  requireInteger(method, 'period', period, core.strict ? 1 : Number.MIN_SAFE_INTEGER, core.strict ? 'an integer > 0' : 'an integer');
  const [ema = EMPTY] =
    stepwise(core, method, tf, side, { period }, 1, (close) => {
      requireInteger(method, 'period', period, 1, 'an integer > 0');
      const out = new Float64Array(close.length);
      core.run('ema', [close], { period }, [out]);
      return [out];
    }) ?? [];
  return ema;
}

export function bollingerStepwise(core: CacheCore, tf: string, side: string, period: number, stdFactor: number): Bands {
  const method = 'bollinger_stepwise';
  requireInteger(method, 'period', period, core.strict ? 2 : Number.MIN_SAFE_INTEGER, core.strict ? 'an integer >= 2' : 'an integer');
  requireStdFactor(method, stdFactor, core.strict);
  const [upper = EMPTY, mid = EMPTY, lower = EMPTY] =
    stepwise(core, method, tf, side, { period, std_factor: stdFactor }, 3, (close) => {
      requireInteger(method, 'period', period, 0, 'an integer >= 0');
      return bandsOf(core, close, period, stdFactor);
    }) ?? [];
  return { upper, mid, lower };
}

export function kalmanZscoreStepwise(core: CacheCore, tf: string, side: string, window: number, R: number, Q: number): ReadonlyFloat64Array {
  const method = 'kalman_zscore_stepwise';
  requireInteger(method, 'window', window, core.strict ? 2 : Number.MIN_SAFE_INTEGER, core.strict ? 'an integer >= 2' : 'an integer');
  if (core.strict) requireKalman(method, R, Q, true);
  const [z = EMPTY] =
    stepwise(core, method, tf, side, { window, R, Q }, 1, (close) => {
      requireKalman(method, R, Q, core.strict);
      requireInteger(method, 'window', window, 0, 'an integer >= 0');
      if (window < 2) return [new Float64Array(close.length).fill(Number.NaN)];
      if (kalmanByKernel(core, R, Q)) {
        const out = new Float64Array(close.length);
        core.run('kalman_zscore', [close], { window, R, Q }, [out]);
        return [out];
      }
      return [zscoreOfResiduals(close, kalmanMeanCompat(close, R, Q, core.kalmanResume), window)];
    }) ?? [];
  return z;
}

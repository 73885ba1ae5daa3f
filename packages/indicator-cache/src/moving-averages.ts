import type { ReadonlyFloat64Array } from '@omega-ta/kernel-interface';
import type { CacheCore } from './cache-core.js';
import { EMPTY, type Bands } from './types.js';
import { requireInteger, requireStdFactor } from './validate.js';

/** Moving averages of the closes: `ema`, `sma`, `bollinger` (docs on IndicatorCache). */

export function ema(core: CacheCore, tf: string, side: string, period: number): ReadonlyFloat64Array {
  requireInteger('ema', 'period', period, 1, 'an integer > 0');
  return core.series1('ema', tf, side, 'period', period);
}

export function sma(core: CacheCore, tf: string, side: string, period: number): ReadonlyFloat64Array {
  requireInteger('sma', 'period', period, core.strict ? 1 : 0, core.strict ? 'an integer >= 1' : 'an integer >= 0');
  if (period === 0) return core.allNaN(tf, side);
  return core.series1('sma', tf, side, 'period', period);
}

export function bollinger(core: CacheCore, tf: string, side: string, period: number, stdFactor: number): Bands {
  requireInteger('bollinger', 'period', period, core.strict ? 2 : 0, core.strict ? 'an integer >= 2' : 'an integer >= 0');
  requireStdFactor('bollinger', stdFactor, core.strict);
  if (period < 2) {
    const nan = core.allNaN(tf, side);
    return { upper: nan, mid: period === 1 ? sma(core, tf, side, 1) : nan, lower: nan };
  }
  const [upper = EMPTY, mid = EMPTY, lower = EMPTY] = core.outputs('bollinger', tf, side, { period, std_factor: Math.abs(stdFactor) }) ?? [];
  // mid + (-k) * std is bitwise mid - k * std: a negative factor swaps the bands exactly.
  return stdFactor < 0 ? { upper: lower, mid, lower: upper } : { upper, mid, lower };
}

/**
 * Bollinger Bands of `close` with the original's results for degenerate parameters (period 0
 * and 1, negative `stdFactor`), computed by the bollinger and sma kernels (uncached).
 */
export function bandsOf(core: CacheCore, close: ReadonlyFloat64Array, period: number, stdFactor: number): Float64Array[] {
  const n = close.length;
  if (period < 2) {
    const mid = new Float64Array(n).fill(Number.NaN);
    if (period === 1) core.run('sma', [close], { period: 1 }, [mid]);
    return [new Float64Array(n).fill(Number.NaN), mid, new Float64Array(n).fill(Number.NaN)];
  }
  const [upper, mid, lower] = [new Float64Array(n), new Float64Array(n), new Float64Array(n)];
  core.run('bollinger', [close], { period, std_factor: Math.abs(stdFactor) }, [upper, mid, lower]);
  return stdFactor < 0 ? [lower, mid, upper] : [upper, mid, lower];
}

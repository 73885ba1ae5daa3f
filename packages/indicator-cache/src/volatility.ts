import type { ReadonlyFloat64Array } from '@omega-ta/kernel-interface';
import { trueRangeInto } from '@omega-ta/kernels-ts';
import type { CacheCore } from './cache-core.js';
import { requireInteger, requirePeriod } from './validate.js';

/** Range-based volatility of the bars: `atr`, `choppiness` (docs on IndicatorCache). */

export function atr(core: CacheCore, tf: string, side: string, period: number): ReadonlyFloat64Array {
  requirePeriod('atr', period, core.strict);
  return period < 1 ? core.allNaN(tf, side) : core.series1('atr', tf, side, 'period', period);
}

export function choppiness(core: CacheCore, tf: string, side: string, period: number): ReadonlyFloat64Array {
  requireInteger('choppiness', 'period', period, core.strict ? 2 : 0, core.strict ? 'an integer >= 2' : 'an integer >= 0');
  if (period >= 2) return core.series1('choppiness', tf, side, 'period', period);
  const columns = core.columns(tf, side);
  if (period === 0 || columns === undefined) return core.allNaN(tf, side);
  const { high, low, close } = columns;
  const out = new Float64Array(close.length);
  trueRangeInto(high, low, close, out);
  for (let i = 0; i < close.length; i += 1) {
    const range = high[i]! - low[i]!;
    // log10(trueRange / range) / 0: +Infinity above 1, 0 / 0 at 1, NaN where undefined.
    out[i] = range !== 0 && out[i]! / range > 1 ? Number.POSITIVE_INFINITY : Number.NaN;
  }
  return out;
}

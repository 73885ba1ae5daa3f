import { ErrorCode, OmegaTaError, type ReadonlyFloat64Array } from '@omega-ta/kernel-interface';
import type { CacheCore } from './cache-core.js';
import { EMPTY, type Dmi, type Macd } from './types.js';
import { requireInteger, requirePeriod } from './validate.js';

/** Oscillators of the closes and bars: `rsi`, `roc`, `macd`, `dmi`, `zscore` (docs on IndicatorCache). */

export function rsi(core: CacheCore, tf: string, side: string, period: number): ReadonlyFloat64Array {
  requireInteger('rsi', 'period', period, 1, 'an integer >= 1');
  return core.series1('rsi', tf, side, 'period', period);
}

export function roc(core: CacheCore, tf: string, side: string, period: number): ReadonlyFloat64Array {
  requirePeriod('roc', period, core.strict);
  if (period >= 1) return core.series1('roc', tf, side, 'period', period);
  const close = core.columns(tf, side)?.close;
  if (close === undefined) return EMPTY;
  // pandas `(close - close.shift(period)) / close.shift(period) * 100.0` for period <= 0.
  const out = new Float64Array(close.length);
  for (let i = 0; i < close.length; i += 1) {
    const j = i - period;
    const prev = j < close.length ? close[j]! : Number.NaN;
    out[i] = ((close[i]! - prev) / prev) * 100;
  }
  return out;
}

export function macd(core: CacheCore, tf: string, side: string, fastPeriod: number, slowPeriod: number, signalPeriod: number): Macd {
  requireInteger('macd', 'fast_period', fastPeriod, 1, 'an integer >= 1');
  requireInteger('macd', 'slow_period', slowPeriod, 1, 'an integer >= 1');
  requireInteger('macd', 'signal_period', signalPeriod, 1, 'an integer >= 1');
  const params = { fast_period: fastPeriod, slow_period: slowPeriod, signal_period: signalPeriod };
  const [line = EMPTY, signal = EMPTY, histogram = EMPTY] = core.outputs('macd', tf, side, params) ?? [];
  return { macd: line, signal, histogram };
}

export function dmi(core: CacheCore, tf: string, side: string, period: number): Dmi {
  requireInteger('dmi', 'period', period, 1, 'an integer >= 1');
  const [plusDi = EMPTY, minusDi = EMPTY, adx = EMPTY] = core.outputs('dmi', tf, side, { period }) ?? [];
  return { plusDi, minusDi, adx };
}

export function zscore(core: CacheCore, tf: string, side: string, window: number, meanSource: string, emaPeriod: number | undefined): ReadonlyFloat64Array {
  if (meanSource !== 'rolling' && meanSource !== 'ema') {
    throw new OmegaTaError(ErrorCode.INVALID_PARAM, `zscore: mean_source must be 'rolling' or 'ema' (got ${String(meanSource)})`, {
      argument: 'mean_source',
    });
  }
  if (meanSource === 'ema') {
    if (emaPeriod === undefined || emaPeriod === 0) {
      throw new OmegaTaError(ErrorCode.INVALID_PARAM, "zscore: ema_period must be set when mean_source is 'ema'", {
        argument: 'ema_period',
      });
    }
    requireInteger('zscore', 'ema_period', emaPeriod, 1, 'an integer > 0');
  }
  requireInteger('zscore', 'window', window, core.strict ? 2 : 0, core.strict ? 'an integer >= 2' : 'an integer >= 0');
  if (window < 2) return core.allNaN(tf, side);
  return meanSource === 'ema'
    ? core.series('zscore_ema', tf, side, { window, ema_period: emaPeriod! })
    : core.series1('zscore', tf, side, 'window', window);
}

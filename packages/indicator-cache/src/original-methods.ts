import { ErrorCode, OmegaTaError, type ReadonlyFloat64Array } from '@omega-ta/kernel-interface';
import type { IndicatorCache } from './indicator-cache.js';
import type { Bands, CandleFrame, LocalWindow } from './types.js';

/** Keyword arguments as the original took them (`period=14`, `std_factor=2.0`, `omega=None` as null). */
export type OriginalParams = Readonly<Record<string, unknown>>;

/** What {@link callOriginal} returns: a series, named series (tuples, `get_df`), a window or a scalar. */
export type OriginalResult = ReadonlyFloat64Array | Readonly<Record<string, ReadonlyFloat64Array>> | Bands | CandleFrame | LocalWindow | number | null;

type Call = (cache: IndicatorCache, tf: string, side: string, p: OriginalParams) => OriginalResult;

const num = (p: OriginalParams, name: string): number => p[name] as number;
const opt = (p: OriginalParams, name: string): number | undefined => p[name] as number | undefined;
const omega = (p: OriginalParams, name: string): number | null | undefined => p[name] as number | null | undefined;
const flag = (p: OriginalParams, name: string): boolean | undefined => p[name] as boolean | undefined;

/** The GARCH keyword arguments (`prefix` 'garch_' for vol_cluster_series) in the method's order. */
function garch(p: OriginalParams, prefix = ''): [number | undefined, number | undefined, number | null | undefined, boolean | undefined, number | undefined, number | undefined, number | undefined] {
  const k = (name: string) => `${prefix}${name}`;
  return [opt(p, k('alpha')), opt(p, k('beta')), omega(p, k('omega')), flag(p, k('use_log_returns')), opt(p, k('scale')), opt(p, k('min_periods')), opt(p, k('sigma_floor'))];
}

/**
 * Every method of the original `IndicatorCache` by its Python name, called with its keyword
 * arguments (omitted ones take the defaults). Tuples come back with the original's names
 * (`macd`/`signal`, `plus_di`/`minus_di`/`adx`, `upper`/`mid`/`lower`); `at` is not here (it
 * takes a series, see IndicatorCache.at).
 */
const ORIGINAL_CALLS: Readonly<Record<string, Call>> = {
  get_closes: (cache, tf, side) => cache.getCloses(tf, side),
  get_df: (cache, tf, side) => cache.getDf(tf, side),
  ema: (cache, tf, side, p) => cache.ema(tf, side, num(p, 'period')),
  sma: (cache, tf, side, p) => cache.sma(tf, side, num(p, 'period')),
  bollinger: (cache, tf, side, p) => cache.bollinger(tf, side, opt(p, 'period'), opt(p, 'std_factor')),
  rsi: (cache, tf, side, p) => cache.rsi(tf, side, opt(p, 'period')),
  roc: (cache, tf, side, p) => cache.roc(tf, side, opt(p, 'period')),
  atr: (cache, tf, side, p) => cache.atr(tf, side, opt(p, 'period')),
  choppiness: (cache, tf, side, p) => cache.choppiness(tf, side, opt(p, 'period')),
  dmi: (cache, tf, side, p) => {
    const { plusDi, minusDi, adx } = cache.dmi(tf, side, opt(p, 'period'));
    return { plus_di: plusDi, minus_di: minusDi, adx };
  },
  macd: (cache, tf, side, p) => {
    const { macd, signal } = cache.macd(tf, side, opt(p, 'fast_period'), opt(p, 'slow_period'), opt(p, 'signal_period'));
    return { macd, signal };
  },
  kalman_mean: (cache, tf, side, p) => cache.kalmanMean(tf, side, opt(p, 'R'), opt(p, 'Q')),
  zscore: (cache, tf, side, p) => cache.zscore(tf, side, opt(p, 'window'), p['mean_source'] as string | undefined, opt(p, 'ema_period')),
  kalman_zscore: (cache, tf, side, p) => cache.kalmanZscore(tf, side, opt(p, 'window'), opt(p, 'R'), opt(p, 'Q')),
  garch_volatility: (cache, tf, side, p) => cache.garchVolatility(tf, side, ...garch(p)),
  kalman_garch_zscore: (cache, tf, side, p) => cache.kalmanGarchZscore(tf, side, opt(p, 'R'), opt(p, 'Q'), ...garch(p)),
  ema_stepwise: (cache, tf, side, p) => cache.emaStepwise(tf, side, num(p, 'period')),
  bollinger_stepwise: (cache, tf, side, p) => cache.bollingerStepwise(tf, side, opt(p, 'period'), opt(p, 'std_factor')),
  kalman_zscore_stepwise: (cache, tf, side, p) => cache.kalmanZscoreStepwise(tf, side, opt(p, 'window'), opt(p, 'R'), opt(p, 'Q')),
  garch_volatility_local: (cache, tf, side, p) => cache.garchVolatilityLocal(tf, side, num(p, 'idx'), opt(p, 'lookback'), ...garch(p)),
  kalman_garch_zscore_local: (cache, tf, side, p) =>
    cache.kalmanGarchZscoreLocal(tf, side, num(p, 'idx'), opt(p, 'lookback'), opt(p, 'R'), opt(p, 'Q'), ...garch(p)),
  vol_cluster_series: (cache, tf, side, p) =>
    cache.volClusterSeries(tf, side, num(p, 'idx'), p['feature'] as string, num(p, 'atr_length'), num(p, 'garch_lookback'), ...garch(p, 'garch_')),
};

/** The original method names {@link callOriginal} accepts. */
export const ORIGINAL_METHODS: readonly string[] = Object.keys(ORIGINAL_CALLS);

/**
 * Calls the method the original named `method` (e.g. `kalman_garch_zscore`) with its keyword
 * arguments, for code and data written against the original; UNSUPPORTED for any other name.
 */
export function callOriginal(cache: IndicatorCache, method: string, tf: string, side: string, params: OriginalParams = {}): OriginalResult {
  const call = Object.prototype.hasOwnProperty.call(ORIGINAL_CALLS, method) ? ORIGINAL_CALLS[method] : undefined;
  if (call === undefined) throw new OmegaTaError(ErrorCode.UNSUPPORTED, `no original IndicatorCache method '${method}'`, { argument: 'method' });
  return call(cache, tf, side, params);
}

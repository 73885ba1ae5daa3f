import type { AlignedData } from '@omega-ta/arrow-schemas';
import type { ReadonlyFloat64Array } from '@omega-ta/kernel-interface';
import { selectBackend, type BackendInfo } from './backend.js';
import { CacheCore } from './cache-core.js';
import { ResultGuard } from './result-guard.js';
import { garchVolatility, kalmanGarchZscore, kalmanMean, kalmanZscore } from './kalman-garch.js';
import { garchVolatilityLocal, kalmanGarchZscoreLocal, volClusterSeries } from './local-methods.js';
import { bollinger, ema, sma } from './moving-averages.js';
import { dmi, macd, roc, rsi, zscore } from './oscillators.js';
import { bollingerStepwise, emaStepwise, kalmanZscoreStepwise } from './stepwise-methods.js';
import { EMPTY, type Bands, type CandleFrame, type Dmi, type IndicatorCacheOptions, type LocalWindow, type Macd } from './types.js';
import { atr, choppiness } from './volatility.js';

export type { Bands, CandleFrame, Dmi, IndicatorCacheOptions, LocalWindow, Macd } from './types.js';

/**
 * Indicators over aligned multi-timeframe data, computed once per (indicator, timeframe, side,
 * parameters) and then served from the cache: the TypeScript port of the original
 * `IndicatorCache`. A timeframe or side not in the data gives an empty series, as in the original.
 *
 * Results are shared between callers and typed read-only: copy (`Float64Array.from`) before
 * writing. Every result has one value per primary row, NaN where the indicator is undefined.
 * The methods themselves live in one file per group (moving averages, oscillators, volatility,
 * Kalman/GARCH, stepwise, local); this class is their public face with the original's defaults.
 */
export class IndicatorCache {
  readonly #core: CacheCore;

  constructor(data: AlignedData, options: IndicatorCacheOptions = {}) {
    const { strictParams = false, kalmanResumeAfterGap = false } = options;
    this.#core = new CacheCore(data, strictParams, kalmanResumeAfterGap, selectBackend(options.backend), ResultGuard.enabled(options.guardResults));
  }

  /** Which backend answers calls, what was requested, and why. */
  backendInfo(): BackendInfo {
    return this.#core.runner.info;
  }

  /** Number of cached results. */
  get size(): number {
    return this.#core.size;
  }

  /** Drops every cached result. */
  clear(): void {
    this.#core.clear();
  }

  /**
   * The OHLCV columns of `tf`/`side` (the original's `get_df`), as the shared column views (NaN
   * where there is no candle or the field is missing); empty columns when absent.
   */
  getDf(tf: string, side = 'bid'): CandleFrame {
    const columns = this.#core.columns(tf, side);
    if (columns === undefined) return { open: EMPTY, high: EMPTY, low: EMPTY, close: EMPTY, volume: EMPTY };
    const { open, high, low, close, volume } = columns;
    return { open, high, low, close, volume };
  }

  /**
   * The original's `at(series, index)`: `series[index]`, or null when `index` is outside the
   * series (negative included: no reading from the end) or the value is NaN.
   */
  at(series: ArrayLike<number>, index: number): number | null {
    if (!Number.isInteger(index) || index < 0 || index >= series.length) return null;
    const value = series[index]!;
    return Number.isNaN(value) ? null : value;
  }

  /** The close column of `tf`/`side` (NaN where no candle); empty when absent. */
  getCloses(tf: string, side = 'bid'): ReadonlyFloat64Array {
    return this.#core.columns(tf, side)?.close ?? EMPTY;
  }

  /**
   * EMA of the closes, pandas `ewm(span=period, adjust=False).mean()`: NaN until the first close,
   * the last value held across missing bars. `period` is an integer >= 1 (the original raises
   * "EMA period must be > 0" for period <= 0).
   */
  ema(tf: string, side: string, period: number): ReadonlyFloat64Array {
    return ema(this.#core, tf, side, period);
  }

  /**
   * SMA of the closes, pandas `rolling(period, min_periods=period).mean()`: NaN for the first
   * period-1 rows and wherever the window holds a missing bar. Period 0 gives all NaN as in the
   * original (an error with `strictParams`); a negative period is an error.
   */
  sma(tf: string, side: string, period: number): ReadonlyFloat64Array {
    return sma(this.#core, tf, side, period);
  }

  /**
   * Bollinger Bands of the closes: `mid` = pandas `rolling(period).mean()`, `upper`/`lower` =
   * mid ± stdFactor × `rolling(period).std()` (sample, ddof 1). Compatible with the original:
   * period 1 gives `mid` = close and NaN bands, period 0 all NaN, a negative `stdFactor` swaps the
   * bands (each is an error with `strictParams`); a negative period is an error.
   */
  bollinger(tf: string, side: string, period = 20, stdFactor = 2.0): Bands {
    return bollinger(this.#core, tf, side, period, stdFactor);
  }

  /**
   * RSI of the closes with Wilder smoothing as the original computes it (`ewm(alpha=1/period)` of
   * gains and losses): 100 when there is no loss, NaN when there is no move at all. `period` is an
   * integer >= 1 (the original raises for 0 and negative periods).
   */
  rsi(tf: string, side: string, period = 14): ReadonlyFloat64Array {
    return rsi(this.#core, tf, side, period);
  }

  /**
   * Rate of change in percent, `(close - close[t-period]) / close[t-period] * 100`. Compatible
   * with the original: period 0 gives 0 (NaN where the close is 0 or missing) and a negative
   * period -k compares with the close k bars LATER (look-ahead); `strictParams` rejects both.
   */
  roc(tf: string, side: string, period = 14): ReadonlyFloat64Array {
    return roc(this.#core, tf, side, period);
  }

  /**
   * MACD of the closes: `macd` = EMA(fast) - EMA(slow) (span EMAs, adjust=False), `signal` =
   * EMA(signalPeriod) of the MACD line, and `histogram` = macd - signal (not in the original).
   * Every span is an integer >= 1 (the original raises for 0).
   */
  macd(tf: string, side: string, fastPeriod = 12, slowPeriod = 26, signalPeriod = 9): Macd {
    return macd(this.#core, tf, side, fastPeriod, slowPeriod, signalPeriod);
  }

  /**
   * Wilder's ATR of the bars as the original defines it: seeded with the mean of the first
   * `period` true ranges, then `(atr × (period - 1) + tr) / period`; a missing true range repeats
   * the previous value. Period 0 or negative gives all NaN as in the original (an error with
   * `strictParams`).
   */
  atr(tf: string, side: string, period = 14): ReadonlyFloat64Array {
    return atr(this.#core, tf, side, period);
  }

  /**
   * Directional movement: `plusDi`, `minusDi` and `adx`, smoothed with `ewm(alpha=1/period)` as the
   * original. `period` is an integer >= 1 (the original raises for 0 and negative periods).
   */
  dmi(tf: string, side: string, period = 14): Dmi {
    return dmi(this.#core, tf, side, period);
  }

  /**
   * Choppiness index, `100 × log10(Σ true range / (highest high - lowest low)) / log10(period)`.
   * Compatible with the original: period 0 gives all NaN, and period 1 divides by log10(1) = 0
   * (+Infinity where the true range exceeds the bar's range, NaN elsewhere); each is an error
   * with `strictParams`. A negative period is an error.
   */
  choppiness(tf: string, side: string, period = 14): ReadonlyFloat64Array {
    return choppiness(this.#core, tf, side, period);
  }

  /**
   * EMA of the closes advanced once per bar of `tf` (the original's `ema_stepwise`): the span EMA
   * of {@link ema} over one close per bar (the row that starts it, see `newBarRows`), written at
   * those rows and carried forward over the rows that repeat the bar or have no candle. Use it
   * for a higher timeframe carried onto the primary rows, where {@link ema} would count each
   * repetition as a step. As the original: an absent or empty series gives an empty result and a
   * series without candles all NaN, before `period` is checked; otherwise `period` must be an
   * integer > 0 (always checked first with `strictParams`).
   */
  emaStepwise(tf: string, side: string, period: number): ReadonlyFloat64Array {
    return emaStepwise(this.#core, tf, side, period);
  }

  /**
   * Bollinger Bands advanced once per bar of `tf` (the original's `bollinger_stepwise`): the
   * bands of {@link bollinger} over one close per bar, written at the bar's first row and carried
   * forward (also over a bar whose bands are NaN, as pandas `ffill` does). Degenerate parameters
   * as {@link bollinger} (period 1: `mid` = close and NaN bands; period 0: all NaN; a negative
   * `stdFactor` swaps the bands; each an error with `strictParams`). As the original: an absent or
   * empty series gives empty results and a series without candles all NaN, before `period` is
   * checked; otherwise a negative period is an error.
   */
  bollingerStepwise(tf: string, side: string, period = 20, stdFactor = 2.0): Bands {
    return bollingerStepwise(this.#core, tf, side, period, stdFactor);
  }

  /**
   * Kalman filter estimate of the closes as the original `kalman_mean` computes it (random-walk
   * model, measurement variance `R`, process variance `Q`). As in the original, every row after a
   * missing close is NaN (the filter does not restart; docs/known-differences.md). Compatible with
   * the original outside the contract's `0 < R`, `0 <= Q` (both <= 1e300): `R = 0` copies the
   * closes, other variances give the original's IEEE results, and where the original raises
   * ZeroDivisionError (e.g. `R = Q = 0`) this throws INVALID_PARAM; `strictParams` rejects them all.
   */
  kalmanMean(tf: string, side: string, R = 0.01, Q = 1.0): ReadonlyFloat64Array {
    return kalmanMean(this.#core, tf, side, R, Q);
  }

  /**
   * Z-score of the closes against their Kalman mean, as the original `kalman_zscore`:
   * `resid = close - kalmanMean(R, Q)`, `resid / resid.rolling(window).std()` (ddof 1). NaN
   * during the first window - 1 rows, where the window's residuals are all 0, and from the first
   * missing close on (see {@link kalmanMean}). Compatible with the original: window 0 or 1 gives
   * all NaN (an error with `strictParams`), a negative window is an error, and `R`, `Q` outside
   * the kernel contract behave as in {@link kalmanMean}.
   */
  kalmanZscore(tf: string, side: string, window = 100, R = 0.01, Q = 1.0): ReadonlyFloat64Array {
    return kalmanZscore(this.#core, tf, side, window, R, Q);
  }

  /**
   * {@link kalmanZscore} advanced once per bar of `tf` (the original's `kalman_zscore_stepwise`):
   * the Kalman mean and the z-score over `window` bars are computed on one close per bar (the row
   * that starts it, see `newBarRows`), written at those rows and carried forward (pandas `ffill`,
   * also over a bar whose z-score is NaN). As the original: an absent or empty series gives an
   * empty result and a series without candles all NaN, before the parameters are checked; window
   * 0 or 1 gives all NaN (an error with `strictParams`), a negative window is an error, and `R`,
   * `Q` outside the kernel contract behave as in {@link kalmanMean}.
   */
  kalmanZscoreStepwise(tf: string, side: string, window = 100, R = 0.01, Q = 1.0): ReadonlyFloat64Array {
    return kalmanZscoreStepwise(this.#core, tf, side, window, R, Q);
  }

  /**
   * Z-score of the closes as the original `zscore`: `resid = close - mean`,
   * `resid / resid.rolling(window).std()` (ddof 1), where `mean` is the rolling mean over `window`
   * (`meanSource` 'rolling', the default; kernel `zscore`) or the span EMA over `emaPeriod`
   * ('ema'; kernel `zscore_ema`). As in the original, 'ema' without an `emaPeriod` and any other
   * `meanSource` are errors (INVALID_PARAM); window 0 or 1 gives all NaN (an error with
   * `strictParams`), a negative window is an error.
   */
  zscore(tf: string, side: string, window = 100, meanSource = 'rolling', emaPeriod?: number): ReadonlyFloat64Array {
    return zscore(this.#core, tf, side, window, meanSource, emaPeriod);
  }

  /**
   * GARCH(1,1) volatility of the one-bar returns of the closes, as the original
   * `garch_volatility` (kernel `garch_volatility`): returns in return units (not prices), NaN
   * during the first `minPeriods` rows after the first return, and all NaN when
   * `alpha + beta >= 1` (the original's stability skip). `omega` null (the default) is the
   * original's `None`. Compatible with the original for any finite parameters outside the kernel
   * contract (a negative `omega` is 0, a negative `minPeriods` 0, a fractional one truncated, any
   * `alpha`, `beta`, `scale`, `sigmaFloor`); `strictParams` rejects those and `alpha + beta >= 1`
   * (INVALID_PARAM).
   */
  garchVolatility(
    tf: string,
    side: string,
    alpha = 0.05,
    beta = 0.9,
    omega: number | null = null,
    useLogReturns = true,
    scale = 100.0,
    minPeriods = 50,
    sigmaFloor = 1e-6,
  ): ReadonlyFloat64Array {
    return garchVolatility(this.#core, tf, side, { alpha, beta, omega, useLogReturns, scale, minPeriods, sigmaFloor });
  }

  /**
   * Z-score of the closes against their Kalman mean over the price-scaled GARCH sigma, as the
   * original `kalman_garch_zscore` (kernel `kalman_garch_zscore`):
   * `(close - kalmanMean(R, Q)) / (|close| * garchVolatility(...))`, NaN where that price sigma
   * is 0 or NaN and where the Kalman mean is NaN (from the first missing close on). Parameters
   * outside the kernel contract behave as in {@link kalmanMean} and {@link garchVolatility}.
   */
  kalmanGarchZscore(
    tf: string,
    side: string,
    R = 0.01,
    Q = 1.0,
    alpha = 0.05,
    beta = 0.9,
    omega: number | null = null,
    useLogReturns = true,
    scale = 100.0,
    minPeriods = 50,
    sigmaFloor = 1e-6,
  ): ReadonlyFloat64Array {
    return kalmanGarchZscore(this.#core, tf, side, R, Q, { alpha, beta, omega, useLogReturns, scale, minPeriods, sigmaFloor });
  }

  /**
   * Local GARCH(1,1) volatility at row `idx`, as the original `garch_volatility_local`: the
   * {@link garchVolatility} recursion run on the closes of rows
   * `max(0, idx' - max(1, lookback) + 1) … idx'` only, where `idx' = min(idx, n - 1)` (reads
   * nothing after `idx`). Returns that window: `values[k]` belongs to row `start + k` (the
   * original's series index of the segment). Inside the window the returns are
   * `log(c[t] / c[t-1]) * scale` (or `(c[t] / c[t-1] - 1) * scale`, without pandas' forward fill),
   * the recursion starts at the first FINITE return f, and the values are NaN before row
   * f + minPeriods; a window without a finite return is all NaN. Empty (`start` 0, no values)
   * when `alpha + beta >= 1` (an error with `strictParams`), `idx < 0`, or the series is absent or
   * empty. Other parameters as {@link garchVolatility}. Computed per call, not cached.
   */
  garchVolatilityLocal(
    tf: string,
    side: string,
    idx: number,
    lookback = 400,
    alpha = 0.05,
    beta = 0.9,
    omega: number | null = null,
    useLogReturns = true,
    scale = 100.0,
    minPeriods = 50,
    sigmaFloor = 1e-6,
  ): LocalWindow {
    return garchVolatilityLocal(this.#core, tf, side, idx, lookback, { alpha, beta, omega, useLogReturns, scale, minPeriods, sigmaFloor });
  }

  /**
   * The feature series of the volatility clusters, as the original `vol_cluster_series`: for
   * `feature` 'atr_points' (trimmed, any case) the full {@link atr} over `atrLength` as a window of
   * every row (`start` 0; `idx` and the GARCH parameters are ignored), for any other feature the
   * local GARCH window {@link garchVolatilityLocal} at `idx` over `garchLookback` rows with the
   * `garch*` parameters.
   */
  volClusterSeries(
    tf: string,
    side: string,
    idx: number,
    feature: string,
    atrLength: number,
    garchLookback: number,
    garchAlpha = 0.05,
    garchBeta = 0.9,
    garchOmega: number | null = null,
    garchUseLogReturns = true,
    garchScale = 100.0,
    garchMinPeriods = 50,
    garchSigmaFloor = 1e-6,
  ): LocalWindow {
    const garch = { alpha: garchAlpha, beta: garchBeta, omega: garchOmega, useLogReturns: garchUseLogReturns, scale: garchScale, minPeriods: garchMinPeriods, sigmaFloor: garchSigmaFloor };
    return volClusterSeries(this.#core, tf, side, idx, feature, atrLength, garchLookback, garch);
  }

  /**
   * The original's `kalman_garch_zscore_local`: the z-score of the close at row `idx` computed only
   * from the segment of rows `max(0, idx - lookback + 1) … idx` (never after `idx`):
   * `(close - kalmanMean) / (|close| × sigma)` at `idx`, with the Kalman mean ({@link kalmanMean})
   * and the GARCH return sigma ({@link garchVolatilityLocal}) both run on the segment alone.
   * `null` (the original's None) when `alpha + beta >= 1` (an error with `strictParams`), `idx` is
   * outside `0 … n - 1` (no clamping here), the segment has fewer than 2 rows (also for
   * `lookback <= 0`), the Kalman mean at `idx` is NaN, the sigma is not yet valid (fewer than
   * `minPeriods` returns after the first finite one), not finite or <= 0, the price sigma is 0 or
   * not finite, or the z-score is not finite. Computed per call, not cached.
   */
  kalmanGarchZscoreLocal(
    tf: string,
    side: string,
    idx: number,
    lookback = 400,
    R = 0.01,
    Q = 1.0,
    alpha = 0.05,
    beta = 0.9,
    omega: number | null = null,
    useLogReturns = true,
    scale = 100.0,
    minPeriods = 50,
    sigmaFloor = 1e-6,
  ): number | null {
    return kalmanGarchZscoreLocal(this.#core, tf, side, idx, lookback, R, Q, { alpha, beta, omega, useLogReturns, scale, minPeriods, sigmaFloor });
  }
}

import type { AlignedData, CandleColumns } from '@omega-ta/arrow-schemas';
import {
  callKernel,
  ErrorCode,
  findIndicator,
  isOmegaTaError,
  OmegaTaError,
  resolveParams,
  type Kernel,
  type ReadonlyFloat64Array,
} from '@omega-ta/kernel-interface';
import tsKernel, { garchVolatilityInto, rollingStdInto, trueRangeInto } from '@omega-ta/kernels-ts';
import { selectBackend, type BackendChoice, type BackendInfo } from './backend.js';
import { expandForwardFill, gatherRows, newBarRows } from './stepwise.js';

export interface IndicatorCacheOptions {
  /** `auto` (default): native kernels when they load, else TypeScript. `OMEGA_TA_BACKEND` overrides. */
  readonly backend?: BackendChoice;
  /**
   * Reject parameters for which the original silently returns all-NaN (e.g. `sma` period 0)
   * instead of reproducing that result. Default false (compatible). See docs/known-differences.md.
   */
  readonly strictParams?: boolean;
  /**
   * `kalmanMean` / `kalmanZscore` only. The original never recovers from a missing close: its
   * prediction reads the NaN estimate of the gap, so every later row is NaN (the default here, as
   * the reference). With `true` the filter resumes after a gap as the original's docstring
   * intends ("gaps stay NaN until measurements are available again"): the gap rows stay NaN, the
   * next close is filtered from the last estimate before the gap, with variance R + Q as the
   * original already resets it. Not the reference: see docs/known-differences.md.
   */
  readonly kalmanResumeAfterGap?: boolean;
}

const EMPTY: ReadonlyFloat64Array = new Float64Array(0);

/**
 * A window of rows `start … start + values.length - 1` (`values[k]` is row `start + k`): the
 * original's series whose index is a segment of the rows (`garch_volatility_local`).
 */
export interface LocalWindow {
  readonly start: number;
  readonly values: ReadonlyFloat64Array;
}

const EMPTY_WINDOW: LocalWindow = { start: 0, values: EMPTY };

/** Whether a Kalman variance lies in the contract's range (R in (0, 1e300], Q in [0, 1e300]). */
function kalmanInContract(name: 'R' | 'Q', value: number): boolean {
  return (name === 'R' ? value > 0 : value >= 0) && value <= 1e300;
}

/**
 * The original `_kalman_mean_from_series` for any `R`, `Q` (the kernel's loop, used outside the
 * contract): numpy IEEE arithmetic while the previous variance is a number; after a NaN variance
 * the original restarts from the Python floats `R + Q` and raises ZeroDivisionError when
 * `R + Q + R` is 0, which this reports as INVALID_PARAM.
 */
function kalmanMeanCompat(close: ReadonlyFloat64Array, R: number, Q: number, resume = false): Float64Array {
  const n = close.length;
  const out = new Float64Array(n).fill(Number.NaN);
  let first = 0;
  while (first < n && Number.isNaN(close[first]!)) first += 1;
  if (first === n) return out;
  let xhat = close[first]!;
  let last = xhat;
  let p = R;
  out[first] = xhat;
  for (let t = first + 1; t < n; t += 1) {
    const m = close[t]!;
    const restart = Number.isNaN(p);
    // kalmanResumeAfterGap: predict from the last estimate before the gap instead of its NaN.
    if (resume && Number.isNaN(xhat)) xhat = last;
    const pMinus = (restart ? R : p) + Q;
    if (Number.isNaN(m)) {
      xhat = Number.NaN;
      p = Number.NaN;
      out[t] = xhat;
      continue;
    }
    if (restart && pMinus + R === 0) {
      throw new OmegaTaError(
        ErrorCode.INVALID_PARAM,
        `kalman_mean: R + Q + R is 0 (R=${R}, Q=${Q}); the original raises ZeroDivisionError here`,
        { argument: 'R' },
      );
    }
    const k = pMinus / (pMinus + R);
    xhat = xhat + k * (m - xhat);
    p = (1 - k) * pMinus;
    out[t] = xhat;
    if (!Number.isNaN(xhat)) last = xhat;
  }
  return out;
}

/**
 * The original's z-score of Kalman residuals outside the kernel contract:
 * `resid = close - mean`, `resid / resid.rolling(window).std()` (NaN where the std is NaN).
 */
function zscoreOfResiduals(close: ReadonlyFloat64Array, mean: ReadonlyFloat64Array, window: number): Float64Array {
  const resid = Float64Array.from(close, (c, i) => c - mean[i]!);
  const std = new Float64Array(close.length);
  rollingStdInto(resid, window, std);
  return resid.map((r, i) => r / std[i]!);
}

/** The OHLCV columns of one timeframe and side (the original's `get_df`). */
export interface CandleFrame {
  readonly open: ReadonlyFloat64Array;
  readonly high: ReadonlyFloat64Array;
  readonly low: ReadonlyFloat64Array;
  readonly close: ReadonlyFloat64Array;
  readonly volume: ReadonlyFloat64Array;
}

/** MACD line, signal line and histogram, one value per row each. */
export interface Macd {
  readonly macd: ReadonlyFloat64Array;
  readonly signal: ReadonlyFloat64Array;
  readonly histogram: ReadonlyFloat64Array;
}

/** Directional movement index: +DI, -DI and ADX, one value per row each. */
export interface Dmi {
  readonly plusDi: ReadonlyFloat64Array;
  readonly minusDi: ReadonlyFloat64Array;
  readonly adx: ReadonlyFloat64Array;
}

/** Bollinger Bands, one value per row each. */
export interface Bands {
  readonly upper: ReadonlyFloat64Array;
  readonly mid: ReadonlyFloat64Array;
  readonly lower: ReadonlyFloat64Array;
}

function requireInteger(method: string, name: string, value: number, min: number, rule: string): void {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
    throw new OmegaTaError(ErrorCode.INVALID_PARAM, `${method}: ${name} must be ${rule} (got ${String(value)})`, {
      argument: name,
    });
  }
}

/** Bollinger's `std_factor`: finite (the original's NaN/inf bands are not reproduced); >= 0 when strict. */
function requireStdFactor(method: string, stdFactor: number, strict: boolean): void {
  if (typeof stdFactor !== 'number' || !Number.isFinite(stdFactor) || (strict && stdFactor < 0)) {
    const rule = strict ? 'a finite number >= 0' : 'a finite number';
    throw new OmegaTaError(ErrorCode.INVALID_PARAM, `${method}: std_factor must be ${rule} (got ${String(stdFactor)})`, {
      argument: 'std_factor',
    });
  }
}

/**
 * The cache key of one result: method, timeframe, side and the parameters in their declaration
 * order (14 and 14.0 are the same number, so the same key). Built on every call, so kept cheap.
 */
function resultKey(method: string, tf: string, side: string, params: Readonly<Record<string, number>>): string {
  let key = `${method}|${tf}|${side}|`;
  for (const name in params) key += `${name}=${params[name]},`;
  return key;
}

/**
 * Indicators over aligned multi-timeframe data, computed once per (indicator, timeframe, side,
 * parameters) and then served from the cache: the TypeScript port of the original
 * `IndicatorCache`. A timeframe or side not in the data gives an empty series, as in the original.
 *
 * Results are shared between callers and typed read-only: copy (`Float64Array.from`) before
 * writing. Every result has one value per primary row, NaN where the indicator is undefined.
 */
export class IndicatorCache {
  readonly #data: AlignedData;
  readonly #strict: boolean;
  readonly #kalmanResume: boolean;
  readonly #results = new Map<string, readonly ReadonlyFloat64Array[]>();
  #kernel: Kernel;
  #info: BackendInfo;

  constructor(data: AlignedData, options: IndicatorCacheOptions = {}) {
    this.#data = data;
    this.#strict = options.strictParams ?? false;
    this.#kalmanResume = options.kalmanResumeAfterGap ?? false;
    const selection = selectBackend(options.backend);
    this.#kernel = selection.kernel;
    this.#info = selection.info;
  }

  /** Which backend answers calls, what was requested, and why. */
  backendInfo(): BackendInfo {
    return this.#info;
  }

  /** Number of cached results. */
  get size(): number {
    return this.#results.size;
  }

  /** Drops every cached result. */
  clear(): void {
    this.#results.clear();
  }

  /**
   * The OHLCV columns of `tf`/`side` (the original's `get_df`), as the shared column views (NaN
   * where there is no candle or the field is missing); empty columns when absent.
   */
  getDf(tf: string, side = 'bid'): CandleFrame {
    const columns = this.#columns(tf, side);
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
    return this.#columns(tf, side)?.close ?? EMPTY;
  }

  /**
   * EMA of the closes, pandas `ewm(span=period, adjust=False).mean()`: NaN until the first close,
   * the last value held across missing bars. `period` is an integer >= 1 (the original raises
   * "EMA period must be > 0" for period <= 0).
   */
  ema(tf: string, side: string, period: number): ReadonlyFloat64Array {
    requireInteger('ema', 'period', period, 1, 'an integer > 0');
    return this.#series('ema', tf, side, { period });
  }

  /**
   * SMA of the closes, pandas `rolling(period, min_periods=period).mean()`: NaN for the first
   * period-1 rows and wherever the window holds a missing bar. Period 0 gives all NaN as in the
   * original (an error with `strictParams`); a negative period is an error.
   */
  sma(tf: string, side: string, period: number): ReadonlyFloat64Array {
    requireInteger('sma', 'period', period, this.#strict ? 1 : 0, this.#strict ? 'an integer >= 1' : 'an integer >= 0');
    if (period === 0) return this.#allNaN(tf, side);
    return this.#series('sma', tf, side, { period });
  }

  #columns(tf: string, side: string): CandleColumns | undefined {
    if (side !== 'bid' && side !== 'ask') return undefined;
    const sides = Object.prototype.hasOwnProperty.call(this.#data.timeframes, tf) ? this.#data.timeframes[tf] : undefined;
    return sides?.[side];
  }

  /**
   * Bollinger Bands of the closes: `mid` = pandas `rolling(period).mean()`, `upper`/`lower` =
   * mid ± stdFactor × `rolling(period).std()` (sample, ddof 1). Compatible with the original:
   * period 1 gives `mid` = close and NaN bands, period 0 all NaN, a negative `stdFactor` swaps the
   * bands (each is an error with `strictParams`); a negative period is an error.
   */
  bollinger(tf: string, side: string, period = 20, stdFactor = 2.0): Bands {
    requireInteger('bollinger', 'period', period, this.#strict ? 2 : 0, this.#strict ? 'an integer >= 2' : 'an integer >= 0');
    requireStdFactor('bollinger', stdFactor, this.#strict);
    if (period < 2) {
      const nan = this.#allNaN(tf, side);
      return { upper: nan, mid: period === 1 ? this.sma(tf, side, 1) : nan, lower: nan };
    }
    const [upper = EMPTY, mid = EMPTY, lower = EMPTY] =
      this.#outputs('bollinger', tf, side, { period, std_factor: Math.abs(stdFactor) }) ?? [];
    // mid + (-k) * std is bitwise mid - k * std: a negative factor swaps the bands exactly.
    return stdFactor < 0 ? { upper: lower, mid, lower: upper } : { upper, mid, lower };
  }

  /**
   * RSI of the closes with Wilder smoothing as the original computes it (`ewm(alpha=1/period)` of
   * gains and losses): 100 when there is no loss, NaN when there is no move at all. `period` is an
   * integer >= 1 (the original raises for 0 and negative periods).
   */
  rsi(tf: string, side: string, period = 14): ReadonlyFloat64Array {
    requireInteger('rsi', 'period', period, 1, 'an integer >= 1');
    return this.#series('rsi', tf, side, { period });
  }

  /**
   * Rate of change in percent, `(close - close[t-period]) / close[t-period] * 100`. Compatible
   * with the original: period 0 gives 0 (NaN where the close is 0 or missing) and a negative
   * period -k compares with the close k bars LATER (look-ahead); `strictParams` rejects both.
   */
  roc(tf: string, side: string, period = 14): ReadonlyFloat64Array {
    if (typeof period !== 'number' || !Number.isInteger(period) || (this.#strict && period < 1)) {
      const rule = this.#strict ? 'an integer >= 1' : 'an integer';
      throw new OmegaTaError(ErrorCode.INVALID_PARAM, `roc: period must be ${rule} (got ${String(period)})`, { argument: 'period' });
    }
    if (period >= 1) return this.#series('roc', tf, side, { period });
    const close = this.#columns(tf, side)?.close;
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

  /**
   * MACD of the closes: `macd` = EMA(fast) - EMA(slow) (span EMAs, adjust=False), `signal` =
   * EMA(signalPeriod) of the MACD line, and `histogram` = macd - signal (not in the original).
   * Every span is an integer >= 1 (the original raises for 0).
   */
  macd(tf: string, side: string, fastPeriod = 12, slowPeriod = 26, signalPeriod = 9): Macd {
    requireInteger('macd', 'fast_period', fastPeriod, 1, 'an integer >= 1');
    requireInteger('macd', 'slow_period', slowPeriod, 1, 'an integer >= 1');
    requireInteger('macd', 'signal_period', signalPeriod, 1, 'an integer >= 1');
    const params = { fast_period: fastPeriod, slow_period: slowPeriod, signal_period: signalPeriod };
    const [macd = EMPTY, signal = EMPTY, histogram = EMPTY] = this.#outputs('macd', tf, side, params) ?? [];
    return { macd, signal, histogram };
  }

  /**
   * Wilder's ATR of the bars as the original defines it: seeded with the mean of the first
   * `period` true ranges, then `(atr × (period - 1) + tr) / period`; a missing true range repeats
   * the previous value. Period 0 or negative gives all NaN as in the original (an error with
   * `strictParams`).
   */
  atr(tf: string, side: string, period = 14): ReadonlyFloat64Array {
    if (typeof period !== 'number' || !Number.isInteger(period) || (this.#strict && period < 1)) {
      const rule = this.#strict ? 'an integer >= 1' : 'an integer';
      throw new OmegaTaError(ErrorCode.INVALID_PARAM, `atr: period must be ${rule} (got ${String(period)})`, { argument: 'period' });
    }
    return period < 1 ? this.#allNaN(tf, side) : this.#series('atr', tf, side, { period });
  }

  /**
   * Directional movement: `plusDi`, `minusDi` and `adx`, smoothed with `ewm(alpha=1/period)` as the
   * original. `period` is an integer >= 1 (the original raises for 0 and negative periods).
   */
  dmi(tf: string, side: string, period = 14): Dmi {
    requireInteger('dmi', 'period', period, 1, 'an integer >= 1');
    const [plusDi = EMPTY, minusDi = EMPTY, adx = EMPTY] = this.#outputs('dmi', tf, side, { period }) ?? [];
    return { plusDi, minusDi, adx };
  }

  /**
   * Choppiness index, `100 × log10(Σ true range / (highest high - lowest low)) / log10(period)`.
   * Compatible with the original: period 0 gives all NaN, and period 1 divides by log10(1) = 0
   * (+Infinity where the true range exceeds the bar's range, NaN elsewhere); each is an error
   * with `strictParams`. A negative period is an error.
   */
  choppiness(tf: string, side: string, period = 14): ReadonlyFloat64Array {
    requireInteger('choppiness', 'period', period, this.#strict ? 2 : 0, this.#strict ? 'an integer >= 2' : 'an integer >= 0');
    if (period >= 2) return this.#series('choppiness', tf, side, { period });
    const columns = this.#columns(tf, side);
    if (period === 0 || columns === undefined) return this.#allNaN(tf, side);
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
    requireInteger('ema_stepwise', 'period', period, this.#strict ? 1 : Number.MIN_SAFE_INTEGER, this.#strict ? 'an integer > 0' : 'an integer');
    const [ema = EMPTY] =
      this.#stepwise('ema_stepwise', tf, side, { period }, 1, (close) => {
        requireInteger('ema_stepwise', 'period', period, 1, 'an integer > 0');
        const out = new Float64Array(close.length);
        this.#compute('ema', [close], { period }, [out]);
        return [out];
      }) ?? [];
    return ema;
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
    const method = 'bollinger_stepwise';
    requireInteger(method, 'period', period, this.#strict ? 2 : Number.MIN_SAFE_INTEGER, this.#strict ? 'an integer >= 2' : 'an integer');
    requireStdFactor(method, stdFactor, this.#strict);
    const [upper = EMPTY, mid = EMPTY, lower = EMPTY] =
      this.#stepwise(method, tf, side, { period, std_factor: stdFactor }, 3, (close) => {
        requireInteger(method, 'period', period, 0, 'an integer >= 0');
        return this.#bands(close, period, stdFactor);
      }) ?? [];
    return { upper, mid, lower };
  }

  /**
   * Bollinger Bands of `close` with the original's results for degenerate parameters (period 0
   * and 1, negative `stdFactor`), computed by the bollinger and sma kernels.
   */
  #bands(close: ReadonlyFloat64Array, period: number, stdFactor: number): Float64Array[] {
    const n = close.length;
    if (period < 2) {
      const mid = new Float64Array(n).fill(Number.NaN);
      if (period === 1) this.#compute('sma', [close], { period: 1 }, [mid]);
      return [new Float64Array(n).fill(Number.NaN), mid, new Float64Array(n).fill(Number.NaN)];
    }
    const [upper, mid, lower] = [new Float64Array(n), new Float64Array(n), new Float64Array(n)];
    this.#compute('bollinger', [close], { period, std_factor: Math.abs(stdFactor) }, [upper, mid, lower]);
    // mid + (-k) * std is bitwise mid - k * std: a negative factor swaps the bands exactly.
    return stdFactor < 0 ? [lower, mid, upper] : [upper, mid, lower];
  }

  /**
   * The original's stepwise recipe, cached under `method` and the parameters: the closes of the
   * rows that start a new bar, `reduce`d to `count` outputs (one value per bar, by the kernels),
   * each expanded back onto every row with forward fill. `undefined` when the timeframe or side
   * is absent, empty outputs for no rows and all-NaN outputs when no row has a candle (the
   * original returns those before it looks at the parameters, so `reduce` validates them).
   */
  #stepwise(
    method: string,
    tf: string,
    side: string,
    params: Readonly<Record<string, number>>,
    count: number,
    reduce: (close: ReadonlyFloat64Array) => Float64Array[],
  ): readonly ReadonlyFloat64Array[] | undefined {
    const columns = this.#columns(tf, side);
    if (columns === undefined) return undefined;
    const key = resultKey(method, tf, side, params);
    let outputs = this.#results.get(key);
    if (outputs === undefined) {
      const n = columns.close.length;
      const rows = newBarRows(columns.time);
      if (n === 0 || rows.length === 0) {
        const nan = new Float64Array(n).fill(Number.NaN);
        outputs = Array.from({ length: count }, () => nan);
      } else {
        const reduced = reduce(gatherRows(columns.close, rows));
        outputs = reduced.map((values) => expandForwardFill(values, rows, n));
      }
      this.#results.set(key, outputs);
    }
    return outputs;
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
    for (const [name, value] of [['R', R], ['Q', Q]] as const) {
      if (typeof value !== 'number' || (this.#strict && !kalmanInContract(name, value))) {
        const rule = name === 'R' ? 'a number in (0, 1e300]' : 'a number in [0, 1e300]';
        throw new OmegaTaError(ErrorCode.INVALID_PARAM, `kalman_mean: ${name} must be ${this.#strict ? rule : 'a number'} (got ${String(value)})`, {
          argument: name,
        });
      }
    }
    if (!this.#kalmanResume && kalmanInContract('R', R) && kalmanInContract('Q', Q)) return this.#series('kalman_mean', tf, side, { R, Q });
    const close = this.#columns(tf, side)?.close;
    if (close === undefined) return EMPTY;
    if (!this.#kalmanResume) return kalmanMeanCompat(close, R, Q);
    const key = `kalman_mean_resume|${tf}|${side}|R=${R},Q=${Q}`;
    let result = this.#results.get(key)?.[0];
    if (result === undefined) {
      result = kalmanMeanCompat(close, R, Q, true);
      this.#results.set(key, [result]);
    }
    return result;
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
    const mean = this.kalmanMean(tf, side, R, Q);
    requireInteger('kalman_zscore', 'window', window, this.#strict ? 2 : 0, this.#strict ? 'an integer >= 2' : 'an integer >= 0');
    if (window < 2) return this.#allNaN(tf, side);
    if (!this.#kalmanResume && kalmanInContract('R', R) && kalmanInContract('Q', Q)) {
      return this.#series('kalman_zscore', tf, side, { window, R, Q });
    }
    const close = this.getCloses(tf, side);
    return zscoreOfResiduals(close, mean, window);
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
    const method = 'kalman_zscore_stepwise';
    requireInteger(method, 'window', window, this.#strict ? 2 : Number.MIN_SAFE_INTEGER, this.#strict ? 'an integer >= 2' : 'an integer');
    if (this.#strict) this.#checkKalman(method, R, Q);
    const [z = EMPTY] =
      this.#stepwise(method, tf, side, { window, R, Q }, 1, (close) => {
        this.#checkKalman(method, R, Q);
        requireInteger(method, 'window', window, 0, 'an integer >= 0');
        if (window < 2) return [new Float64Array(close.length).fill(Number.NaN)];
        if (!this.#kalmanResume && kalmanInContract('R', R) && kalmanInContract('Q', Q)) {
          const out = new Float64Array(close.length);
          this.#compute('kalman_zscore', [close], { window, R, Q }, [out]);
          return [out];
        }
        return [zscoreOfResiduals(close, kalmanMeanCompat(close, R, Q, this.#kalmanResume), window)];
      }) ?? [];
    return z;
  }

  /** `R` and `Q` are numbers (in the contract's ranges with `strictParams`), as {@link kalmanMean} checks them. */
  #checkKalman(method: string, R: number, Q: number): void {
    for (const [name, value] of [['R', R], ['Q', Q]] as const) {
      if (typeof value !== 'number' || (this.#strict && !kalmanInContract(name, value))) {
        const rule = name === 'R' ? 'a number in (0, 1e300]' : 'a number in [0, 1e300]';
        throw new OmegaTaError(ErrorCode.INVALID_PARAM, `${method}: ${name} must be ${this.#strict ? rule : 'a number'} (got ${String(value)})`, {
          argument: name,
        });
      }
    }
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
    requireInteger('zscore', 'window', window, this.#strict ? 2 : 0, this.#strict ? 'an integer >= 2' : 'an integer >= 0');
    if (window < 2) return this.#allNaN(tf, side);
    return meanSource === 'ema'
      ? this.#series('zscore_ema', tf, side, { window, ema_period: emaPeriod! })
      : this.#series('zscore', tf, side, { window });
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
    const params = this.#garchParams('garch_volatility', alpha, beta, omega, useLogReturns, scale, minPeriods, sigmaFloor);
    if (params !== undefined) return this.#series('garch_volatility', tf, side, params);
    const close = this.#columns(tf, side)?.close;
    if (close === undefined) return EMPTY;
    const out = new Float64Array(close.length);
    const omegaValue = omega === null ? -1 : omega < 0 ? 0 : omega;
    garchVolatilityInto(close, alpha, beta, omegaValue, Boolean(useLogReturns), scale, Math.max(0, Math.trunc(minPeriods)), sigmaFloor, out);
    return out;
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
    const mean = this.kalmanMean(tf, side, R, Q);
    const params = this.#garchParams('kalman_garch_zscore', alpha, beta, omega, useLogReturns, scale, minPeriods, sigmaFloor);
    if (params !== undefined && !this.#kalmanResume && kalmanInContract('R', R) && kalmanInContract('Q', Q)) {
      return this.#series('kalman_garch_zscore', tf, side, { R, Q, ...params });
    }
    const sigma = this.garchVolatility(tf, side, alpha, beta, omega, useLogReturns, scale, minPeriods, sigmaFloor);
    const close = this.getCloses(tf, side);
    return close.map((c, i) => {
      const sigmaPrice = Math.abs(c) * sigma[i]!;
      return (c - mean[i]!) / (sigmaPrice === 0 ? Number.NaN : sigmaPrice);
    });
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
    const method = 'garch_volatility_local';
    requireInteger(method, 'idx', idx, Number.MIN_SAFE_INTEGER, 'an integer');
    requireInteger(method, 'lookback', lookback, Number.MIN_SAFE_INTEGER, 'an integer');
    const params = this.#garchParams(method, alpha, beta, omega, useLogReturns, scale, minPeriods, sigmaFloor);
    const close = this.getCloses(tf, side);
    const n = close.length;
    if (alpha + beta >= 1 || idx < 0 || n === 0) return EMPTY_WINDOW;
    const end = Math.min(idx, n - 1) + 1;
    const start = Math.max(0, end - Math.max(1, lookback));
    return { start, values: this.#garchLocal(close.subarray(start, end), params, alpha, beta, omega, useLogReturns, scale, minPeriods, sigmaFloor, 2000) };
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
    if (String(feature ?? '').trim().toLowerCase() === 'atr_points') return { start: 0, values: this.atr(tf, side, atrLength) };
    return this.garchVolatilityLocal(
      tf,
      side,
      idx,
      garchLookback,
      garchAlpha,
      garchBeta,
      garchOmega,
      garchUseLogReturns,
      garchScale,
      garchMinPeriods,
      garchSigmaFloor,
    );
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
    const method = 'kalman_garch_zscore_local';
    requireInteger(method, 'idx', idx, Number.MIN_SAFE_INTEGER, 'an integer');
    requireInteger(method, 'lookback', lookback, Number.MIN_SAFE_INTEGER, 'an integer');
    this.#checkKalman(method, R, Q);
    const params = this.#garchParams(method, alpha, beta, omega, useLogReturns, scale, minPeriods, sigmaFloor);
    if (alpha + beta >= 1) return null;
    const close = this.getCloses(tf, side);
    if (idx < 0 || idx >= close.length) return null;
    const segment = close.subarray(Math.max(0, idx - lookback + 1), idx + 1);
    if (segment.length < 2) return null;
    let mean: ReadonlyFloat64Array;
    if (!this.#kalmanResume && kalmanInContract('R', R) && kalmanInContract('Q', Q)) {
      const out = new Float64Array(segment.length);
      this.#compute('kalman_mean', [segment], { R, Q }, [out]);
      mean = out;
    } else {
      mean = kalmanMeanCompat(segment, R, Q, this.#kalmanResume);
    }
    const last = segment.length - 1;
    const meanLast = mean[last]!;
    if (Number.isNaN(meanLast)) return null;
    const closeLast = segment[last]!;
    const resid = closeLast - meanLast;
    // This variant's nanmean window is 1000 returns long (garch_volatility_local: 2000).
    const sigma = this.#garchLocal(segment, params, alpha, beta, omega, useLogReturns, scale, minPeriods, sigmaFloor, 1000)[last]!;
    if (!Number.isFinite(sigma) || sigma <= 0) return null;
    const sigmaPrice = Math.abs(closeLast) * sigma;
    if (!Number.isFinite(sigmaPrice) || sigmaPrice === 0) return null;
    const z = resid / sigmaPrice;
    return Number.isFinite(z) ? z : null;
  }

  /**
   * The original's local GARCH sigma of `segment` (see {@link garchVolatilityLocal}) by the
   * garch_volatility kernel: run on the segment from the row before the first finite return f,
   * where the kernel's first return is that one, so its start estimates, recursion and warm-up
   * (f + minPeriods) are the original's. Rows before f - 1 are NaN.
   */
  #garchLocal(
    segment: ReadonlyFloat64Array,
    params: Record<string, number> | undefined,
    alpha: number,
    beta: number,
    omega: number | null,
    useLogReturns: boolean,
    scale: number,
    minPeriods: number,
    sigmaFloor: number,
    muSpan: number,
  ): Float64Array {
    const n = segment.length;
    const out = new Float64Array(n).fill(Number.NaN);
    // The original's local returns (row 0 none, no forward fill); Math.log only decides finiteness
    // here: the kernel recomputes the values, and the compat path needs only pct values or none.
    const r = new Float64Array(n).fill(Number.NaN);
    for (let t = 1; t < n; t += 1) {
      const ratio = segment[t]! / segment[t - 1]!;
      r[t] = (useLogReturns ? Math.log(ratio) : ratio - 1) * scale;
    }
    const first = r.findIndex(Number.isFinite);
    if (first < 0) return out;
    const tail = segment.subarray(first - 1);
    let positive = false;
    let negative = false;
    for (let t = Math.max(0, first - muSpan); t < first; t += 1) {
      if (r[t] === Infinity) positive = true;
      if (r[t] === -Infinity) negative = true;
    }
    if (positive || negative || (!useLogReturns && tail.some(Number.isNaN))) {
      // Outside what the kernel reproduces: nanmean's window holds ±Infinity (mu is ±Infinity or
      // NaN, so every squared shock is Infinity or NaN whatever the return), or pct returns over a
      // missing close (NaN, not pandas' forward fill). The original's arithmetic, literally.
      const mu = positive && negative ? Number.NaN : positive ? Infinity : negative ? -Infinity : r[first]!;
      const floorSq = sigmaFloor * sigmaFloor;
      let w = omega === null ? 1e-6 * (1 - alpha - beta > 1e-6 ? 1 - alpha - beta : 1e-6) : omega;
      if (0 > w) w = 0;
      let eps2 = (r[first]! - mu) * (r[first]! - mu);
      let varPrev = 1e-6; // nanvar of that window is 0 or NaN: the original's fallback 1e-6
      if (eps2 > varPrev) varPrev = eps2;
      if (floorSq > varPrev) varPrev = floorSq;
      const variance = new Float64Array(n).fill(Number.NaN);
      variance[first] = varPrev;
      for (let t = first + 1; t < n; t += 1) {
        if (!Number.isFinite(r[t]!)) {
          variance[t] = variance[t - 1]!;
          continue;
        }
        let v = w + alpha * eps2 + beta * varPrev;
        if (floorSq > v) v = floorSq;
        variance[t] = v;
        eps2 = (r[t]! - mu) * (r[t]! - mu);
        varPrev = v;
      }
      const valid = first + Math.max(0, Math.trunc(minPeriods));
      for (let t = valid; t < n; t += 1) out[t] = Math.sqrt(variance[t]!) / scale;
      return out;
    }
    const sigma = out.subarray(first - 1);
    if (params !== undefined) this.#compute('garch_volatility', [tail], params, [sigma]);
    else {
      const omegaValue = omega === null ? -1 : omega < 0 ? 0 : omega;
      garchVolatilityInto(tail, alpha, beta, omegaValue, useLogReturns, scale, Math.max(0, Math.trunc(minPeriods)), sigmaFloor, sigma);
    }
    return out;
  }

  /**
   * The GARCH parameters as the kernel contract's numbers (omega None = -1, booleans 0/1), or
   * undefined when they are outside the contract (the compat path); with `strictParams` that
   * throws the contract's INVALID_PARAM instead.
   */
  #garchParams(
    method: string,
    alpha: number,
    beta: number,
    omega: number | null,
    useLogReturns: boolean,
    scale: number,
    minPeriods: number,
    sigmaFloor: number,
  ): Record<string, number> | undefined {
    if (typeof useLogReturns !== 'boolean') {
      throw new OmegaTaError(ErrorCode.INVALID_PARAM, `${method}: use_log_returns must be a boolean (got ${String(useLogReturns)})`, {
        argument: 'use_log_returns',
      });
    }
    for (const [name, value] of [['alpha', alpha], ['beta', beta], ['omega', omega ?? 0], ['scale', scale], ['min_periods', minPeriods], ['sigma_floor', sigmaFloor]] as const) {
      if (typeof value !== 'number') {
        throw new OmegaTaError(ErrorCode.INVALID_PARAM, `${method}: ${name} must be a number (got ${String(value)})`, { argument: name });
      }
    }
    const params = {
      alpha,
      beta,
      omega: omega === null ? -1 : omega,
      use_log_returns: useLogReturns ? 1 : 0,
      scale,
      min_periods: minPeriods,
      sigma_floor: sigmaFloor,
    };
    // An explicit negative omega is the original's max(omega, 0) = 0, not the contract's None.
    if (omega !== null && omega < 0 && !this.#strict) return undefined;
    if (this.#strict) {
      if (alpha + beta >= 1) {
        throw new OmegaTaError(ErrorCode.INVALID_PARAM, `${method}: alpha + beta must be < 1 (got ${alpha} + ${beta}); the original returns all NaN`, {
          argument: 'beta',
        });
      }
      if (omega !== null && omega < 0) {
        throw new OmegaTaError(ErrorCode.INVALID_PARAM, `${method}: omega must be null or a number >= 0 (got ${omega})`, { argument: 'omega' });
      }
      resolveParams(method, findIndicator('garch_volatility')!.params, params);
      return params;
    }
    try {
      resolveParams(method, findIndicator('garch_volatility')!.params, params);
      return params;
    } catch {
      return undefined;
    }
  }

  /** The original's answer to degenerate parameters: all NaN, one value per row (empty when absent). */
  #allNaN(tf: string, side: string): ReadonlyFloat64Array {
    const columns = this.#columns(tf, side);
    return columns === undefined ? EMPTY : new Float64Array(columns.close.length).fill(Number.NaN);
  }

  /**
   * Every output of registry indicator `name` over the columns of `tf`/`side`, computed once per
   * (indicator, timeframe, side, parameters) and then served from the cache; `undefined` when
   * the timeframe or side is absent (the original answers those with empty series).
   */
  #outputs(name: string, tf: string, side: string, params: Readonly<Record<string, number>>): readonly ReadonlyFloat64Array[] | undefined {
    const spec = findIndicator(name);
    if (spec === undefined) throw new OmegaTaError(ErrorCode.UNSUPPORTED, `unknown indicator '${name}'`, { argument: 'name' });
    const columns = this.#columns(tf, side);
    if (columns === undefined) return undefined;
    const key = resultKey(name, tf, side, params);
    let outputs = this.#results.get(key);
    if (outputs === undefined) {
      const n = columns.close.length;
      const fresh = spec.outputs.map(() => new Float64Array(n));
      this.#compute(name, spec.inputs.map((input) => columns[input]), params, fresh);
      outputs = fresh;
      this.#results.set(key, outputs);
    }
    return outputs;
  }

  /** The single output of a one-output indicator, or the empty series when tf/side is absent. */
  #series(name: string, tf: string, side: string, params: Readonly<Record<string, number>>): ReadonlyFloat64Array {
    return this.#outputs(name, tf, side, params)?.[0] ?? EMPTY;
  }

  /** Runs a kernel; if the native one fails for a reason other than bad input, TS answers instead. */
  #compute(name: string, inputs: ReadonlyFloat64Array[], params: Readonly<Record<string, number>>, outputs: Float64Array[]): void {
    try {
      callKernel(this.#kernel, name, inputs, params, outputs);
    } catch (error) {
      if (this.#kernel === tsKernel || (isOmegaTaError(error) && error.code !== ErrorCode.UNSUPPORTED)) throw error;
      const reason = error instanceof Error ? error.message : String(error);
      this.#kernel = tsKernel;
      this.#info = { ...this.#info, active: 'ts', reason: `native kernel failed, using TypeScript from now on: ${reason}` };
      if (typeof process !== 'undefined') process.emitWarning(this.#info.reason, { code: 'OMEGA_TA_NATIVE_FALLBACK' });
      callKernel(this.#kernel, name, inputs, params, outputs);
    }
  }
}

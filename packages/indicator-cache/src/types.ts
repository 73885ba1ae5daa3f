import type { ReadonlyFloat64Array } from '@omega-ta/kernel-interface';
import type { BackendChoice } from './backend.js';

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
  /**
   * Results are shared, not copied: every caller of the same call gets the same array, typed
   * read-only. With `true` (default: `OMEGA_TA_GUARD_RESULTS=1`, else false) every cached call
   * first checks that the array still holds what was computed and, if a caller wrote to it,
   * returns a fresh copy of the computed values instead (one process warning,
   * `OMEGA_TA_RESULT_MODIFIED`). A debugging aid: it costs a copy per result and a comparison per
   * cached call. See docs/architecture.md ("Shared read-only results").
   */
  readonly guardResults?: boolean;
}

/** The empty series: the answer for a timeframe or side not in the data, as in the original. */
export const EMPTY: ReadonlyFloat64Array = new Float64Array(0);

/**
 * A window of rows `start … start + values.length - 1` (`values[k]` is row `start + k`): the
 * original's series whose index is a segment of the rows (`garch_volatility_local`).
 */
export interface LocalWindow {
  readonly start: number;
  readonly values: ReadonlyFloat64Array;
}

export const EMPTY_WINDOW: LocalWindow = { start: 0, values: EMPTY };

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

/**
 * The in-memory data model every omega-ta package shares: columns of Float64Array, one row per
 * primary bar, with the open time of the source bar so that a new higher-timeframe bar is
 * detectable without object identity. See docs/data-model.md.
 */

/** Price side of a candle series. */
export type Side = 'bid' | 'ask';

/** One timeframe and side of aligned data: row i is the candle seen at primary row i. */
export interface CandleColumns {
  /**
   * Open time of the source bar in epoch milliseconds UTC; NaN where there is no candle. A
   * higher-timeframe bar carried forward repeats its time on consecutive rows. Row i starts a new
   * bar iff it has a candle and its time differs from that of the nearest earlier row with one.
   */
  readonly time: Float64Array;
  /** Prices and volume; NaN where there is no candle or the field is missing. */
  readonly open: Float64Array;
  readonly high: Float64Array;
  readonly low: Float64Array;
  readonly close: Float64Array;
  readonly volume: Float64Array;
}

/** Zero-filled columns for `n` rows, for a builder to fill in row by row. */
export function zeroCandleColumns(n: number): CandleColumns {
  return {
    time: new Float64Array(n),
    open: new Float64Array(n),
    high: new Float64Array(n),
    low: new Float64Array(n),
    close: new Float64Array(n),
    volume: new Float64Array(n),
  };
}

/** The sides present for one timeframe. */
export interface TimeframeSides {
  readonly bid?: CandleColumns;
  readonly ask?: CandleColumns;
}

/** Several timeframes aligned onto the rows of a primary timeframe. */
export interface AlignedData {
  /** Name of the primary timeframe, e.g. `M5`. */
  readonly primaryTimeframe: string;
  /** Open time of each primary row in epoch milliseconds UTC; its length is the row count. */
  readonly timestamp: Float64Array;
  /** Per timeframe (in insertion order) the sides present. */
  readonly timeframes: Readonly<Record<string, TimeframeSides>>;
}

/** The column names of {@link CandleColumns}, in schema order. */
export const CANDLE_FIELDS = ['time', 'open', 'high', 'low', 'close', 'volume'] as const;
export type CandleField = (typeof CANDLE_FIELDS)[number];

/** Price and volume fields of a candle. */
export const PRICE_FIELDS = ['open', 'high', 'low', 'close', 'volume'] as const;
export type PriceField = (typeof PRICE_FIELDS)[number];

import { DataError, type AlignedData, type Side } from '@omega-ta/arrow-schemas';
import { alignedFromArrow, type AlignedArrowSource } from './from-arrow.js';
import type { Candle } from './series.js';
import { checkIndex, prefixWindow, pythonRow, servedSide, seriesOf, type CompatMode, type SymbolDataSlice } from './slice.js';
import type { CandleWindow } from './window.js';

/** Options of {@link CandleSet}. */
export interface CandleSetOptions {
  /** `'original'`: reproduce the original exactly (negative indices from the end, every row). Default `'none'`. */
  readonly compat?: CompatMode;
  /**
   * Safe mode: the last row that may be read (the "now" of a point-in-time CandleSet). Rows after
   * it throw LOOKAHEAD in `getLatest` and are left out of `getAll`. Default: no horizon (the set
   * is a plain dataset accessor, like the original, which has no current index).
   */
  readonly horizon?: number;
}

/**
 * Candles of several timeframes and both sides by row, the original's `CandleSet`. The original
 * has no current index: `get_latest(tf, index)` reads any row and `get_all` returns every row.
 *
 * What "no look-ahead" means here (safe default): a negative index, which Python reads from the
 * end of the data (the last, i.e. future, bars), throws LOOKAHEAD; and when the set has a horizon
 * (`CandleSet.fromSlice(slice)` follows the slice's current index; `new CandleSet(data, { horizon })`
 * fixes one) rows after it throw LOOKAHEAD in `getLatest` and are cut from `getAll`. A set made
 * from data without a horizon is a dataset accessor: `getAll` returns every row, as in the
 * original. `{ compat: 'original' }` reproduces the original exactly.
 */
export class CandleSet {
  readonly data: AlignedData;
  readonly compat: CompatMode;
  private horizonOf: () => number;

  constructor(data: AlignedData, options: CandleSetOptions = {}) {
    const compat = options.compat ?? 'none';
    if (compat !== 'none' && compat !== 'original') {
      throw new DataError('INVALID_ARGUMENT', `compat must be 'none' or 'original', got ${String(compat)}`);
    }
    this.data = data;
    this.compat = compat;
    const { horizon } = options;
    if (horizon !== undefined) checkIndex(horizon, 'horizon', false);
    const fixed = horizon ?? Number.POSITIVE_INFINITY;
    this.horizonOf = () => fixed;
  }

  /** A CandleSet over an aligned Arrow table or its IPC bytes; the price columns are read without copying. */
  static fromArrow(source: AlignedArrowSource, options: CandleSetOptions = {}): CandleSet {
    return new CandleSet(alignedFromArrow(source), options);
  }

  /**
   * The CandleSet of a slice's data (the original's `CandleSet(slice.tf_bid_candles,
   * slice.tf_ask_candles)`), in the slice's mode. In safe mode its horizon is the slice's current
   * index, followed live.
   */
  static fromSlice(slice: SymbolDataSlice): CandleSet {
    const set = new CandleSet(slice.data, { compat: slice.compat });
    set.horizonOf = () => slice.index;
    return set;
  }

  /** The last readable row in safe mode (Infinity without a horizon). */
  get horizon(): number {
    return this.horizonOf();
  }

  /**
   * The candle of `timeframe` at row `index` (null: no candle there, timeframe/side absent, or
   * `index` past the end). `side` other than exactly `'bid'` reads ask. Safe mode: a negative index
   * or one after the horizon throws LOOKAHEAD. Compat mode: a negative index reads from the end,
   * OUT_OF_RANGE before the first row (the original's IndexError).
   */
  getLatest(timeframe: string, index: number, side: Side = 'bid'): Candle | null {
    const compat = this.compat === 'original';
    checkIndex(index, 'index', compat);
    if (!compat && index > this.horizonOf()) {
      throw new DataError('LOOKAHEAD', `index ${index} is after the horizon ${this.horizonOf()}`, { row: index });
    }
    const s = seriesOf(this.data, timeframe, servedSide(side));
    if (s === null || index >= s.length) return null;
    return s.candleAt(pythonRow(index, s.length));
  }

  /**
   * Every candle of `timeframe` as a view (empty when absent); in safe mode only rows up to the
   * horizon.
   */
  getAll(timeframe: string, side: Side = 'bid'): CandleWindow {
    const served = servedSide(side);
    const end = this.compat === 'original' ? Number.POSITIVE_INFINITY : this.horizonOf() + 1;
    return prefixWindow(timeframe, served, seriesOf(this.data, timeframe, served), end);
  }
}

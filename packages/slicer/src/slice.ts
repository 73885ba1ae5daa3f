import { DataError, type AlignedData, type Side } from '@omega-ta/arrow-schemas';
import { alignedFromArrow, type AlignedArrowSource } from './from-arrow.js';
import { candleSeries, type Candle, type CandleSeries } from './series.js';
import { appendRow, CandleWindow, type WindowRange } from './window.js';

/** A cached history: its range (shared with live windows), the series it appends from, its live window once asked for. */
interface HistoryEntry {
  readonly range: WindowRange;
  readonly series: CandleSeries;
  view: CandleWindow | null;
}

/** History entries by timeframe, side asked for and length (nested maps: a lookup allocates nothing). */
type HistoryCache = Map<string, Map<string, Map<number, HistoryEntry>>>;

/**
 * Behaviour where the original differs from the safe default. `'original'` reproduces the
 * original exactly (negative indices read from the end of the data, `get`/`seriesRef`/`timeframe`
 * return every row, the original's errors); `'none'` (the default) never reaches past the current
 * row.
 */
export type CompatMode = 'none' | 'original';

/** Options of {@link SymbolDataSlice}. */
export interface SliceOptions {
  /** `'original'`: reproduce the original's look-ahead behaviour (see {@link CompatMode}). Default `'none'`. */
  readonly compat?: CompatMode;
  /**
   * Make every candle object of every timeframe and side up front (one object per source bar),
   * so that `latest` and windows never allocate one during the loop. Default false: candles are
   * made the first time a row is read.
   */
  readonly preload?: boolean;
}

/** Where {@link SymbolDataSlice.getSlice} and friends read: a timeframe (default the primary) and side. */
export interface RowsOptions {
  readonly timeframe?: string;
  readonly side?: Side;
}

/** Side served for a requested side: exactly `'bid'` reads bid, anything else reads ask (as the original). */
export function servedSide(side: string): Side {
  return side === 'bid' ? 'bid' : 'ask';
}

function checkInteger(value: number, what: string): void {
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
    throw new DataError('INVALID_ARGUMENT', `${what} must be an integer, got ${String(value)}`);
  }
}

/** Safe mode: integers >= 0. Compat mode: any integer (the original reads negatives from the end). */
export function checkIndex(index: number, what: string, compat: boolean): void {
  checkInteger(index, what);
  if (index < 0 && !compat) {
    throw new DataError(
      'LOOKAHEAD',
      `${what} ${index} is negative; the original engine reads it from the end of the data (future bars), omega-ta rejects it (compat: 'original' reproduces it)`,
      { row: index },
    );
  }
}

function checkLength(length: number): void {
  if (typeof length !== 'number' || !Number.isSafeInteger(length) || length < 0) {
    throw new DataError('INVALID_ARGUMENT', `history length must be a non-negative integer, got ${String(length)}`);
  }
}

/** Python's `seq[index]` for an integer index: the row, or OUT_OF_RANGE (the original's IndexError). */
export function pythonRow(index: number, length: number): number {
  const row = index < 0 ? index + length : index;
  if (row < 0 || row >= length) {
    throw new DataError('OUT_OF_RANGE', `list index out of range: ${index} in a list of ${length} (the original raises IndexError)`, {
      row: index,
    });
  }
  return row;
}

/** The series of a timeframe and served side of `data`, or null when absent. */
export function seriesOf(data: AlignedData, timeframe: string, side: Side): CandleSeries | null {
  if (!Object.hasOwn(data.timeframes, timeframe)) return null;
  const cols = data.timeframes[timeframe]?.[side];
  return cols === undefined ? null : candleSeries(cols);
}

/** A snapshot window of rows `[0, end)` of a series (empty for an absent one). */
export function prefixWindow(timeframe: string, side: Side, series: CandleSeries | null, end: number): CandleWindow {
  const n = series === null ? 0 : Math.min(end, series.length);
  return new CandleWindow(timeframe, side, series, { start: 0, end: n, maxlen: series === null ? 0 : series.length }, false);
}

/**
 * Per-bar view of one symbol's aligned multi-timeframe data at a current row `index`: the latest
 * candle and history windows per timeframe and side, never anything after `index`.
 *
 * Port of the original `SymbolDataSlice`: `setIndex(index + 1)` extends every cached history by
 * one row (dropping the oldest beyond its length), any other jump clears the cache; histories of
 * one (timeframe, side, length) are cached until then. An index past the last row is allowed (no
 * latest candle; cached histories stop growing), as in the original. Negative indices and lengths
 * are rejected with a DataError (the original would read from the end of the data) unless the
 * slice was made with `{ compat: 'original' }`.
 */
export class SymbolDataSlice {
  /** The aligned data this slice reads. */
  readonly data: AlignedData;
  /** `'original'` when the slice reproduces the original's look-ahead behaviour. */
  readonly compat: CompatMode;
  private current: number;
  private readonly cache: HistoryCache = new Map();
  /** The entries of `cache`, for `setIndex` to extend without an iterator. */
  private readonly entries: HistoryEntry[] = [];

  /** A slice over `data` at row `index` (a non-negative integer; any integer in compat mode). */
  constructor(data: AlignedData, index: number, options: SliceOptions = {}) {
    const compat = options.compat ?? 'none';
    if (compat !== 'none' && compat !== 'original') {
      throw new DataError('INVALID_ARGUMENT', `compat must be 'none' or 'original', got ${String(compat)}`);
    }
    this.compat = compat;
    checkIndex(index, 'index', this.isCompat);
    this.data = data;
    this.current = index;
    if (options.preload === true) {
      for (const sides of Object.values(data.timeframes)) {
        if (sides.bid !== undefined) candleSeries(sides.bid).materialize();
        if (sides.ask !== undefined) candleSeries(sides.ask).materialize();
      }
    }
  }

  /**
   * A slice over an aligned Arrow table or its IPC bytes (schema `omega-ta.aligned/1`, see
   * `alignedDataToTable`) at row `index`; the price columns are read without copying.
   */
  static fromArrow(source: AlignedArrowSource, index: number, options: SliceOptions = {}): SymbolDataSlice {
    return new SymbolDataSlice(alignedFromArrow(source), index, options);
  }

  private get isCompat(): boolean {
    return this.compat === 'original';
  }

  /** The current row. */
  get index(): number {
    return this.current;
  }

  /**
   * Moves to row `index`. One row forward extends the cached histories (and live windows) by that
   * row; staying put keeps them; any other move clears the cache (live windows taken before keep
   * their last contents and stop following). In compat mode a step from a negative index appends
   * the row Python's `seq[index]` reads (possibly making a window non-contiguous), and a row before
   * the start throws OUT_OF_RANGE after the earlier histories were extended, leaving the index (the
   * original's IndexError).
   */
  setIndex(index: number): void {
    checkIndex(index, 'index', this.isCompat);
    const step = index - this.current;
    if (step === 1) {
      const { entries } = this;
      for (let k = 0; k < entries.length; k += 1) {
        const entry = entries[k] as HistoryEntry;
        const n = entry.series.length;
        if (index < n) appendRow(entry.range, pythonRow(index, n));
      }
    } else if (step !== 0) {
      this.cache.clear();
      this.entries.length = 0;
    }
    this.current = index;
  }

  /**
   * The candle of `timeframe` at the current row, or null (no candle there, timeframe or side
   * absent, or index past the end). Carried-forward rows of one bar return the same object.
   * `side` other than exactly `'bid'` reads the ask side, as in the original. In compat mode a
   * negative index reads from the end (OUT_OF_RANGE before the first row).
   */
  latest(timeframe: string, side: Side = 'bid'): Candle | null {
    const s = seriesOf(this.data, timeframe, servedSide(side));
    if (s === null || this.current >= s.length) return null;
    return s.candleAt(pythonRow(this.current, s.length));
  }

  private entry(timeframe: string, side: Side, length: number, view: boolean): HistoryEntry | null {
    if (this.isCompat) {
      checkInteger(length, 'history length');
    } else {
      checkLength(length);
    }
    const cached = this.cache.get(timeframe)?.get(side)?.get(length);
    if (cached !== undefined) return cached;
    const series = seriesOf(this.data, timeframe, servedSide(side));
    if (length < 0 && (view || (series !== null && series.length > 0))) {
      // Compat only (checkLength rejected it otherwise): Python's deque(maxlen=length).
      throw new DataError('INVALID_ARGUMENT', `maxlen must be non-negative, got ${length} (the original raises ValueError)`);
    }
    if (series === null || series.length === 0) return null;
    const n = series.length;
    // Python: series[max(0, index - length + 1) : min(index + 1, n)], then the last `length`.
    const end0 = Math.min(this.current + 1, n);
    const end = end0 < 0 ? Math.max(0, end0 + n) : end0;
    let start = Math.min(Math.max(0, this.current - length + 1), n);
    if (start > end) start = end;
    start = Math.max(start, end - length);
    const range: WindowRange = { start, end, maxlen: length, list: null };
    const entry: HistoryEntry = { range, series, view: null };
    let bySide = this.cache.get(timeframe);
    if (bySide === undefined) this.cache.set(timeframe, (bySide = new Map()));
    let byLength = bySide.get(side);
    if (byLength === undefined) bySide.set(side, (byLength = new Map()));
    byLength.set(length, entry);
    this.entries.push(entry);
    return entry;
  }

  /**
   * The last `length` rows (default 20) of `timeframe` up to the current row, oldest first, as a
   * snapshot window. Cached per (timeframe, side, length) and kept up to date by `setIndex`, so an
   * index past the end still returns the rows cached before it (as the original). An absent
   * timeframe/side or empty data gives an empty window (not cached).
   * Throws DataError INVALID_ARGUMENT for a negative or non-integer length (compat mode: for a
   * negative length only when the series is non-empty, as the original).
   */
  history(timeframe: string, side: Side = 'bid', length = 20): CandleWindow {
    const entry = this.entry(timeframe, side, length, false);
    const served = servedSide(side);
    if (entry === null) return new CandleWindow(timeframe, served, null, { start: 0, end: 0, maxlen: Math.max(0, length) }, false);
    const { start, end, list } = entry.range;
    return new CandleWindow(timeframe, served, entry.series, { start, end, maxlen: length, list: list == null ? null : [...list] }, false);
  }

  /**
   * Like {@link history} but live: the window is the cache entry itself and follows later
   * `setIndex(index + 1)` calls until the cache is cleared by a jump. Calls for one cached
   * (timeframe, side, length) return the same window object (no allocation per call). An absent timeframe/side or
   * empty data gives an empty window that never grows (as the original's uncached deque).
   */
  historyView(timeframe: string, side: Side = 'bid', length = 20): CandleWindow {
    const entry = this.entry(timeframe, side, length, true);
    if (entry === null) return new CandleWindow(timeframe, servedSide(side), null, { start: 0, end: 0, maxlen: length }, false);
    entry.view ??= new CandleWindow(timeframe, servedSide(side), entry.series, entry.range, true);
    return entry.view;
  }

  /**
   * The candles of `timeframe` as a view (the original's `get`): rows `0..index` (all rows when
   * the index is past the end); in compat mode every row, future ones included, as the original.
   * Empty for an absent timeframe or side.
   */
  get(timeframe: string, side: Side = 'bid'): CandleWindow {
    const served = servedSide(side);
    const s = seriesOf(this.data, timeframe, served);
    return prefixWindow(timeframe, served, s, this.isCompat ? Number.POSITIVE_INFINITY : this.current + 1);
  }

  /** The original's `series_ref`: the same view as {@link get} (the original returns the same list). */
  seriesRef(timeframe: string, side: Side = 'bid'): CandleWindow {
    return this.get(timeframe, side);
  }

  /** The original's `slice[timeframe]`: {@link get} of the bid side. */
  timeframe(timeframe: string): CandleWindow {
    return this.get(timeframe, 'bid');
  }

  private columnsFor(options: RowsOptions): { timeframe: string; served: Side; series: CandleSeries } {
    const timeframe = options.timeframe ?? this.data.primaryTimeframe;
    const served = servedSide(options.side ?? 'bid');
    const series = seriesOf(this.data, timeframe, served);
    if (series === null) throw new DataError('MISSING_COLUMN', `no ${served} candles for timeframe ${timeframe}`, { column: `${timeframe}.${served}` });
    return { timeframe, served, series };
  }

  private checkRow(row: number, what: string, n: number): void {
    checkInteger(row, what);
    if (row < 0) throw new DataError('LOOKAHEAD', `${what} ${row} is negative (Python would read it from the end: future bars)`, { row });
    if (row > this.current) {
      throw new DataError('LOOKAHEAD', `${what} ${row} is after the current row ${this.current}`, { row });
    }
    if (row >= n) throw new DataError('OUT_OF_RANGE', `${what} ${row} is past the last row ${n - 1}`, { row });
  }

  /**
   * Rows `[start, end)` of a timeframe (default the primary) and side as a view. Throws LOOKAHEAD
   * for a negative row or any row after the current index, OUT_OF_RANGE for rows past the data,
   * INVALID_ARGUMENT for non-integers or `end < start`, MISSING_COLUMN for an absent
   * timeframe/side. The same in both modes (the original has no such method).
   */
  getSlice(start: number, end: number, options: RowsOptions = {}): CandleWindow {
    const { timeframe, served, series } = this.columnsFor(options);
    checkInteger(start, 'start');
    checkInteger(end, 'end');
    if (end < start) throw new DataError('INVALID_ARGUMENT', `end ${end} is before start ${start}`);
    if (start < 0) this.checkRow(start, 'start', series.length);
    if (end > start) {
      this.checkRow(start, 'start', series.length);
      this.checkRow(end - 1, 'row', series.length);
    }
    return new CandleWindow(timeframe, served, series, { start, end, maxlen: end - start }, false);
  }

  /** The candle (or null) at row `row`, which must be `0..index` (LOOKAHEAD otherwise); as {@link getSlice}. */
  getCandleAt(row: number, options: RowsOptions = {}): Candle | null {
    const { series } = this.columnsFor(options);
    this.checkRow(row, 'row', series.length);
    return series.candleAt(row);
  }

  /**
   * Exactly the last `n` rows up to and including the current one, as a view; OUT_OF_RANGE when
   * fewer exist (use {@link history} for a window that is shorter at the start).
   */
  getLookback(n: number, options: RowsOptions = {}): CandleWindow {
    checkInteger(n, 'lookback');
    if (n < 0) throw new DataError('INVALID_ARGUMENT', `lookback must be non-negative, got ${n}`);
    const start = this.current - n + 1;
    if (start < 0) throw new DataError('OUT_OF_RANGE', `lookback ${n} at row ${this.current} starts before the first row`, { row: start });
    return this.getSlice(start, this.current + 1, options);
  }
}

import { DataError, type AlignedData, type Side } from '@omega-ta/arrow-schemas';
import { candleSeries, type Candle, type CandleSeries } from './series.js';
import { CandleWindow, type WindowRange } from './window.js';

/** A cached history: its range (shared with live windows) and the series it appends from. */
interface HistoryEntry {
  readonly range: WindowRange;
  readonly series: CandleSeries;
}

/** Side served for a requested side: exactly `'bid'` reads bid, anything else reads ask (as the original). */
export function servedSide(side: string): Side {
  return side === 'bid' ? 'bid' : 'ask';
}

function checkIndex(index: number, what: string): void {
  if (typeof index !== 'number' || !Number.isSafeInteger(index)) {
    throw new DataError('INVALID_ARGUMENT', `${what} must be an integer, got ${String(index)}`);
  }
  if (index < 0) {
    throw new DataError(
      'LOOKAHEAD',
      `${what} ${index} is negative; the original engine reads it from the end of the data (future bars), omega-ta rejects it`,
      { row: index },
    );
  }
}

function checkLength(length: number): void {
  if (typeof length !== 'number' || !Number.isSafeInteger(length) || length < 0) {
    throw new DataError('INVALID_ARGUMENT', `history length must be a non-negative integer, got ${String(length)}`);
  }
}

/**
 * Per-bar view of one symbol's aligned multi-timeframe data at a current row `index`: the latest
 * candle and history windows per timeframe and side, never anything after `index`.
 *
 * Port of the original `SymbolDataSlice`: `setIndex(index + 1)` extends every cached history by
 * one row (dropping the oldest beyond its length), any other jump clears the cache; histories of
 * one (timeframe, side, length) are cached until then. An index past the last row is allowed (no
 * latest candle; cached histories stop growing), as in the original. Negative indices and lengths
 * are rejected with a DataError (the original would read from the end of the data).
 */
export class SymbolDataSlice {
  /** The aligned data this slice reads. */
  readonly data: AlignedData;
  private current: number;
  private readonly cache = new Map<string, HistoryEntry>();

  /** A slice over `data` at row `index` (a non-negative integer). */
  constructor(data: AlignedData, index: number) {
    checkIndex(index, 'index');
    this.data = data;
    this.current = index;
  }

  /** The current row. */
  get index(): number {
    return this.current;
  }

  /**
   * Moves to row `index`. One row forward extends the cached histories (and live windows) by that
   * row; staying put keeps them; any other move clears the cache (live windows taken before keep
   * their last contents and stop following).
   */
  setIndex(index: number): void {
    checkIndex(index, 'index');
    const step = index - this.current;
    if (step === 1) {
      for (const entry of this.cache.values()) {
        if (index < entry.series.length) {
          const r = entry.range;
          r.end = index + 1;
          if (r.end - r.start > r.maxlen) r.start = r.end - r.maxlen;
        }
      }
    } else if (step !== 0) {
      this.cache.clear();
    }
    this.current = index;
  }

  /** The series of a timeframe and served side, or null when absent. */
  private series(timeframe: string, side: Side): CandleSeries | null {
    if (!Object.hasOwn(this.data.timeframes, timeframe)) return null;
    const cols = this.data.timeframes[timeframe]?.[side];
    return cols === undefined ? null : candleSeries(cols);
  }

  /**
   * The candle of `timeframe` at the current row, or null (no candle there, timeframe or side
   * absent, or index past the end). Carried-forward rows of one bar return the same object.
   * `side` other than exactly `'bid'` reads the ask side, as in the original.
   */
  latest(timeframe: string, side: Side = 'bid'): Candle | null {
    const s = this.series(timeframe, servedSide(side));
    if (s === null || this.current >= s.length) return null;
    return s.candleAt(this.current);
  }

  private entry(timeframe: string, side: Side, length: number): { served: Side; entry: HistoryEntry | null } {
    checkLength(length);
    const served = servedSide(side);
    const key = `${timeframe}\u0000${side}\u0000${length}`;
    const cached = this.cache.get(key);
    if (cached !== undefined) return { served, entry: cached };
    const series = this.series(timeframe, served);
    if (series === null || series.length === 0) return { served, entry: null };
    const start = Math.max(0, this.current - length + 1);
    const end = Math.min(this.current + 1, series.length);
    const range: WindowRange = { start: Math.min(start, end), end, maxlen: length };
    const entry = { range, series };
    this.cache.set(key, entry);
    return { served, entry };
  }

  /**
   * The last `length` rows (default 20) of `timeframe` up to the current row, oldest first, as a
   * snapshot window. Cached per (timeframe, side, length) and kept up to date by `setIndex`, so an
   * index past the end still returns the rows cached before it (as the original). An absent
   * timeframe/side or empty data gives an empty window (not cached).
   * Throws DataError INVALID_ARGUMENT for a negative or non-integer length.
   */
  history(timeframe: string, side: Side = 'bid', length = 20): CandleWindow {
    const { served, entry } = this.entry(timeframe, side, length);
    if (entry === null) return new CandleWindow(timeframe, served, null, { start: 0, end: 0, maxlen: length }, false);
    const { start, end } = entry.range;
    return new CandleWindow(timeframe, served, entry.series, { start, end, maxlen: length }, false);
  }

  /**
   * Like {@link history} but live: the window is the cache entry itself and follows later
   * `setIndex(index + 1)` calls until the cache is cleared by a jump. An absent timeframe/side or
   * empty data gives an empty window that never grows (as the original's uncached deque).
   */
  historyView(timeframe: string, side: Side = 'bid', length = 20): CandleWindow {
    const { served, entry } = this.entry(timeframe, side, length);
    if (entry === null) return new CandleWindow(timeframe, served, null, { start: 0, end: 0, maxlen: length }, false);
    return new CandleWindow(timeframe, served, entry.series, entry.range, true);
  }
}

import { DataError, type Side } from '@omega-ta/arrow-schemas';
import type { CandleSeries, Candle } from './series.js';

/**
 * The rows a history window covers: `[start, end)` of its (timeframe, side) columns, holding at
 * most `maxlen` rows. This is the original's `deque(maxlen=length)`: it only ever holds a
 * contiguous run of rows (for non-negative indices), so two numbers describe it exactly.
 * @internal
 */
export interface WindowRange {
  start: number;
  end: number;
  readonly maxlen: number;
}

const EMPTY = new Float64Array(0);

/** Row numbers `[start, end)` of a {@link CandleWindow}. */
export interface WindowRows {
  readonly start: number;
  readonly end: number;
}

/**
 * A history window: the candles of rows `[rows.start, rows.end)` of one timeframe and side,
 * oldest first. Column getters (`close`, ...) are Float64Array subarray views of the aligned data
 * (no copy; do not write to them). A window from `history()` is a snapshot; one from
 * `historyView()` is live: it follows later `setIndex(index + 1)` calls like the original's deque
 * (take the column views again after such a call).
 */
export class CandleWindow implements Iterable<Candle | null> {
  /** Timeframe asked for. */
  readonly timeframe: string;
  /** Side the rows are served from (`bid` only when `bid` was asked for, else `ask`). */
  readonly side: Side;
  /** True for a window from `historyView()` that follows the slice. */
  readonly live: boolean;
  private readonly series: CandleSeries | null;
  private readonly range: WindowRange;

  /** @internal Made by SymbolDataSlice. */
  constructor(timeframe: string, side: Side, series: CandleSeries | null, range: WindowRange, live: boolean) {
    this.timeframe = timeframe;
    this.side = side;
    this.series = series;
    this.range = range;
    this.live = live;
  }

  /** Number of rows (candles or nulls) in the window. */
  get length(): number {
    return this.range.end - this.range.start;
  }

  /** Most rows the window holds (the `length` asked for). */
  get maxLength(): number {
    return this.range.maxlen;
  }

  /** Row numbers covered, `[start, end)`. */
  get rows(): WindowRows {
    return { start: this.range.start, end: this.range.end };
  }

  /**
   * The candle at position `k` (0 = oldest; negative counts from the newest, -1 = newest), or
   * null when that row has no candle. Throws DataError OUT_OF_RANGE outside the window.
   */
  at(k: number): Candle | null {
    const n = this.range.end - this.range.start;
    if (!Number.isInteger(k) || k >= n || k < -n) {
      throw new DataError('OUT_OF_RANGE', `window position ${k} is outside [${-n}, ${n})`);
    }
    const row = this.range.start + (k < 0 ? n + k : k);
    return (this.series as CandleSeries).candleAt(row);
  }

  /** The candles (or nulls), oldest first, as a new array. */
  toArray(): (Candle | null)[] {
    const out: (Candle | null)[] = [];
    for (let row = this.range.start; row < this.range.end; row += 1) out.push((this.series as CandleSeries).candleAt(row));
    return out;
  }

  *[Symbol.iterator](): Iterator<Candle | null> {
    for (let k = 0; k < this.length; k += 1) yield this.at(k);
  }

  private column(field: 'time' | 'open' | 'high' | 'low' | 'close' | 'volume'): Float64Array {
    if (this.series === null) return EMPTY;
    return this.series.columns[field].subarray(this.range.start, this.range.end);
  }

  /** Bar open times of the window's rows (NaN: no candle). */
  get time(): Float64Array {
    return this.column('time');
  }
  get open(): Float64Array {
    return this.column('open');
  }
  get high(): Float64Array {
    return this.column('high');
  }
  get low(): Float64Array {
    return this.column('low');
  }
  get close(): Float64Array {
    return this.column('close');
  }
  get volume(): Float64Array {
    return this.column('volume');
  }
}

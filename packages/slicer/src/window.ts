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
  /**
   * The rows explicitly, oldest first, once they stop being contiguous (only in compat mode,
   * after the original's negative-index reads); null while `[start, end)` describes them.
   */
  list?: number[] | null;
}

/**
 * Appends `row` to a deque-like range holding at most `maxlen` rows (the original's
 * `deque.append`), switching to an explicit row list when the rows stop being contiguous.
 * @internal
 */
export function appendRow(r: WindowRange, row: number): void {
  if (r.list == null) {
    if (r.end === r.start) {
      r.start = row;
      r.end = row + 1;
    } else if (row === r.end) {
      r.end = row + 1;
    } else {
      r.list = [];
      for (let k = r.start; k < r.end; k += 1) r.list.push(k);
    }
    if (r.list == null) {
      if (r.end - r.start > r.maxlen) r.start = r.end - r.maxlen;
      return;
    }
  }
  r.list.push(row);
  while (r.list.length > r.maxlen) r.list.shift();
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
 * (no copy; do not write to them; the one exception is a non-contiguous window, which only the
 * opt-in compat mode makes after a negative index: its columns are gathered copies). A window from `history()` is a snapshot; one from
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
    const { list } = this.range;
    return list == null ? this.range.end - this.range.start : list.length;
  }

  /**
   * True when the window's rows are one contiguous run `[rows.start, rows.end)`, so the column
   * getters are views. Always true except in compat mode after a negative index (see the README).
   */
  get contiguous(): boolean {
    return this.range.list == null;
  }

  /** Row number (in the aligned data) of position `k` (0 = oldest, negative from the newest). */
  rowAt(k: number): number {
    const n = this.length;
    if (!Number.isInteger(k) || k >= n || k < -n) {
      throw new DataError('OUT_OF_RANGE', `window position ${k} is outside [${-n}, ${n})`);
    }
    const pos = k < 0 ? n + k : k;
    const { list } = this.range;
    return list == null ? this.range.start + pos : (list[pos] as number);
  }

  /** Most rows the window holds (the `length` asked for). */
  get maxLength(): number {
    return this.range.maxlen;
  }

  /**
   * Row numbers covered, `[start, end)`. For a non-contiguous window (compat mode only) the first
   * row and one past the last; use {@link rowAt} for each.
   */
  get rows(): WindowRows {
    const { list } = this.range;
    if (list == null) return { start: this.range.start, end: this.range.end };
    return list.length === 0 ? { start: 0, end: 0 } : { start: list[0] as number, end: (list[list.length - 1] as number) + 1 };
  }

  /**
   * The candle at position `k` (0 = oldest; negative counts from the newest, -1 = newest), or
   * null when that row has no candle. Throws DataError OUT_OF_RANGE outside the window.
   */
  at(k: number): Candle | null {
    return (this.series as CandleSeries).candleAt(this.rowAt(k));
  }

  /** The candles (or nulls), oldest first, as a new array. */
  toArray(): (Candle | null)[] {
    const out: (Candle | null)[] = [];
    for (let k = 0; k < this.length; k += 1) out.push(this.at(k));
    return out;
  }

  *[Symbol.iterator](): Iterator<Candle | null> {
    for (let k = 0; k < this.length; k += 1) yield this.at(k);
  }

  private column(field: 'time' | 'open' | 'high' | 'low' | 'close' | 'volume'): Float64Array {
    if (this.series === null) return EMPTY;
    const col = this.series.columns[field];
    const { list } = this.range;
    if (list == null) return col.subarray(this.range.start, this.range.end);
    // Compat mode after a negative index only: rows that are not one run cannot be a view.
    return Float64Array.from(list, (row) => col[row] as number);
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

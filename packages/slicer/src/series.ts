import type { CandleColumns } from '@omega-ta/arrow-schemas';

/**
 * One candle as the slicer returns it: a frozen object made once per source bar run and reused
 * on every row that carries the bar forward, so `slice.latest(...)` on those rows returns the
 * identical object (as the original returns the same Python object).
 */
export interface Candle {
  /** First row at which this bar appears in its (timeframe, side) columns. */
  readonly row: number;
  /** Open time of the source bar, epoch ms UTC (a synthetic bar number for identity-built data). */
  readonly time: number;
  readonly open: number;
  readonly high: number;
  readonly low: number;
  readonly close: number;
  readonly volume: number;
}

function same(a: number, b: number): boolean {
  return a === b ? a !== 0 || 1 / a === 1 / b : a !== a && b !== b;
}

/**
 * Candle objects of one (timeframe, side) column set, made lazily. A run is a sequence of rows
 * with a candle (ignoring rows without one in between) that have the same `time` and the same
 * values; each run gets one Candle. Rows are scanned only up to the highest row asked for.
 */
export class CandleSeries {
  readonly columns: CandleColumns;
  readonly length: number;
  /** First row of the run of each scanned row, -1 for no candle. */
  private readonly runStart: Int32Array;
  private scanned = 0;
  private lastStart = -1;
  /** The candle of each run, at the index of the run's first row (a holey array, filled lazily). */
  private readonly candles: (Candle | undefined)[];

  constructor(columns: CandleColumns) {
    this.columns = columns;
    this.length = columns.time.length;
    this.runStart = new Int32Array(this.length);
    this.candles = new Array<Candle | undefined>(this.length);
  }

  private scanTo(row: number): void {
    const { time, open, high, low, close, volume } = this.columns;
    const starts = this.runStart;
    let last = this.lastStart;
    for (let i = this.scanned; i <= row; i += 1) {
      const t = time[i] as number;
      if (t !== t) {
        starts[i] = -1;
        continue;
      }
      if (
        last < 0 ||
        t !== time[last] ||
        !same(open[i] as number, open[last] as number) ||
        !same(high[i] as number, high[last] as number) ||
        !same(low[i] as number, low[last] as number) ||
        !same(close[i] as number, close[last] as number) ||
        !same(volume[i] as number, volume[last] as number)
      ) {
        last = i;
      }
      starts[i] = last;
    }
    this.lastStart = last;
    this.scanned = row + 1;
  }

  /** The candle at `row` (0 <= row < length), or null when the row has none. */
  candleAt(row: number): Candle | null {
    if (row >= this.scanned) this.scanTo(row);
    const start = this.runStart[row] as number;
    if (start < 0) return null;
    let c = this.candles[start];
    if (c === undefined) {
      const { time, open, high, low, close, volume } = this.columns;
      c = Object.freeze({
        row: start,
        time: time[start] as number,
        open: open[start] as number,
        high: high[start] as number,
        low: low[start] as number,
        close: close[start] as number,
        volume: volume[start] as number,
      });
      this.candles[start] = c;
    }
    return c;
  }

  /**
   * Makes every candle now (one object per run), so that later `candleAt` calls allocate
   * nothing; what a backtest loop wants. The candles are the ones `candleAt` would make lazily.
   */
  materialize(): void {
    for (let row = 0; row < this.length; row += 1) this.candleAt(row);
  }
}

const seriesByColumns = new WeakMap<CandleColumns, CandleSeries>();

/** The shared {@link CandleSeries} of a column set (one per CandleColumns object). */
export function candleSeries(columns: CandleColumns): CandleSeries {
  let s = seriesByColumns.get(columns);
  if (s === undefined) {
    s = new CandleSeries(columns);
    seriesByColumns.set(columns, s);
  }
  return s;
}

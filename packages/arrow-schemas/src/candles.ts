import { alignedData } from './columns.js';
import { DataError } from './errors.js';
import { PRICE_FIELDS, zeroCandleColumns, type AlignedData, type CandleColumns, type Side } from './model.js';

/**
 * A candle as the original Python engine takes it (a `Candle` dataclass or a dict): the price
 * fields, and optionally the bar's open time. A missing or `null` field gives NaN in that column
 * only.
 */
export interface CandleInput {
  readonly open?: number | null;
  readonly high?: number | null;
  readonly low?: number | null;
  readonly close?: number | null;
  readonly volume?: number | null;
  /** Open time of the bar: epoch milliseconds UTC or a Date. */
  readonly timestamp?: number | Date | null;
}

/** One candle list per side, row i being the candle seen at primary row i (`null`: none). */
export type CandleListsBySide = { readonly [S in Side]?: readonly (CandleInput | null | undefined)[] };

function timestampOf(c: CandleInput, column: string, row: number): number | undefined {
  const ts = c.timestamp;
  if (ts === undefined || ts === null) return undefined;
  const t = ts instanceof Date ? ts.getTime() : ts;
  if (typeof t !== 'number') {
    throw new DataError('WRONG_TYPE', `${column} row ${row}: timestamp must be a number or a Date`, { column, row });
  }
  if (!Number.isFinite(t)) {
    throw new DataError('INVALID_ARGUMENT', `${column} row ${row}: timestamp is ${t}`, { column, row });
  }
  return t;
}

function toColumns(list: readonly (CandleInput | null | undefined)[], column: string): CandleColumns {
  const n = list.length;
  const cols = zeroCandleColumns(n);
  // Real timestamps in this list, so that synthetic bar numbers never collide with them.
  const used = new Set<number>();
  for (let i = 0; i < n; i += 1) {
    const c = list[i];
    if (c === null || c === undefined) continue;
    if (typeof c !== 'object') {
      throw new DataError('WRONG_TYPE', `${column} row ${i}: a candle must be an object or null`, { column, row: i });
    }
    const t = timestampOf(c, column, i);
    if (t !== undefined) used.add(t);
  }
  const synthetic = new Map<object, number>();
  let next = 0;
  for (let i = 0; i < n; i += 1) {
    const c = list[i];
    if (c === null || c === undefined) {
      cols.time[i] = Number.NaN;
      for (const f of PRICE_FIELDS) cols[f][i] = Number.NaN;
      continue;
    }
    let t = timestampOf(c, column, i);
    if (t === undefined) {
      t = synthetic.get(c);
      if (t === undefined) {
        while (used.has(next)) next += 1;
        t = next;
        next += 1;
        synthetic.set(c, t);
      }
    }
    cols.time[i] = t;
    for (const f of PRICE_FIELDS) {
      const v = c[f];
      if (v === null || v === undefined) cols[f][i] = Number.NaN;
      else if (typeof v === 'number') cols[f][i] = v;
      else {
        throw new DataError('WRONG_TYPE', `${column}.${f} row ${i}: ${f} must be a number or null`, {
          column: `${column}.${f}`,
          row: i,
        });
      }
    }
  }
  return cols;
}

/**
 * Builds {@link AlignedData} from candle objects as the original engine takes them:
 * `{tf: {bid?: [...], ask?: [...]}}` with one element per primary row (`null` for no candle).
 *
 * `time` is the candle's `timestamp` when it has one. Otherwise it is a synthetic bar number
 * derived from object identity: each distinct object gets its own number (0, 1, 2, ... in order
 * of first appearance, skipping real timestamps of the same list), the same object keeps it, also
 * after a `null` gap. This reproduces the original's `c is not prev` new-bar test, except that two
 * distinct consecutive objects with the same `timestamp` count as one bar here.
 *
 * Copies the values into new Float64Arrays; validates like {@link alignedData} (every list must
 * have `timestamp.length` elements).
 */
export function alignedFromCandles(
  primaryTimeframe: string,
  timestamp: ArrayLike<number | Date>,
  lists: Readonly<Record<string, CandleListsBySide>>,
): AlignedData {
  let ts: Float64Array;
  if (timestamp instanceof Float64Array) ts = timestamp;
  else {
    ts = new Float64Array(timestamp.length);
    for (let i = 0; i < timestamp.length; i += 1) {
      const t = timestamp[i];
      ts[i] = t instanceof Date ? t.getTime() : typeof t === 'number' ? t : Number.NaN;
    }
  }
  const timeframes: Record<string, { bid?: CandleColumns; ask?: CandleColumns }> = {};
  for (const [tf, sides] of Object.entries(lists)) {
    const entry: { bid?: CandleColumns; ask?: CandleColumns } = {};
    for (const [side, list] of Object.entries(sides)) {
      const column = `${tf}.${side}`;
      if (side !== 'bid' && side !== 'ask') {
        throw new DataError('INVALID_ARGUMENT', `timeframe ${tf}: unknown side "${side}" (only bid and ask)`, { column });
      }
      if (list === undefined) continue;
      if (!Array.isArray(list)) throw new DataError('WRONG_TYPE', `${column} must be an array of candles`, { column });
      if (list.length !== ts.length) {
        throw new DataError('LENGTH_MISMATCH', `${column} has ${list.length} candles, expected ${ts.length}`, {
          column,
          row: Math.min(list.length, ts.length),
        });
      }
      entry[side] = toColumns(list as readonly (CandleInput | null | undefined)[], column);
    }
    timeframes[tf] = entry;
  }
  return alignedData({ primaryTimeframe, timestamp: ts, timeframes });
}

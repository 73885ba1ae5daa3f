import { candleColumns } from './columns.js';
import { DataError, isDataError, type DataErrorCode } from './errors.js';
import type { CandleColumns } from './model.js';

/** What a candle table is about (kept in Arrow IPC and Parquet metadata, not in CSV). */
export interface CandleTableInfo {
  readonly symbol?: string;
  readonly timeframe?: string;
  /** Price type of the series, e.g. `bid`, `ask` or `mid`. */
  readonly priceType?: string;
}

/**
 * One OHLCV series as read from or written to a file (CSV, Parquet, Arrow IPC): one row per bar.
 * `timestamp` is the bar open time in whole epoch milliseconds UTC, finite and strictly
 * increasing; `columns.time` holds the same values (the readers use the same array).
 */
export interface CandleTable {
  readonly timestamp: Float64Array;
  readonly columns: CandleColumns;
  readonly meta: CandleTableInfo;
  /** extra numeric columns by name (e.g. indicator outputs) written after OHLCV */
  readonly extra?: Readonly<Record<string, Float64Array>>;
}

/** Column names a file may use for the bar time (matched case-insensitively). */
export const TIMESTAMP_COLUMN_NAMES = ['timestamp', 'time', 'date', 'datetime'] as const;

/** Names an extra column may not have (the time and OHLCV columns, and Arrow's `valid`). */
const RESERVED_NAMES = new Set<string>([...TIMESTAMP_COLUMN_NAMES, 'open', 'high', 'low', 'close', 'volume', 'valid']);

/** Largest magnitude of a JavaScript Date in milliseconds. */
const MAX_DATE_MS = 8.64e15;

/** Where an error happened; `source` is prefixed to the message. */
export interface ErrorPlace {
  readonly source?: string | undefined;
  readonly column?: string;
  readonly row?: number;
}

/** A DataError whose message starts with `source: ` when the source is known. */
export function dataError(code: DataErrorCode, message: string, place: ErrorPlace = {}): DataError {
  const { source, column, row } = place;
  return new DataError(code, source === undefined ? message : `${source}: ${message}`, {
    ...(source === undefined ? {} : { source }),
    ...(column === undefined ? {} : { column }),
    ...(row === undefined ? {} : { row }),
  });
}

/** `error` again, as a DataError naming `source` when it is a DataError that names none. */
export function withSource(error: unknown, source: string | undefined): unknown {
  if (source === undefined || !isDataError(error) || error.source !== undefined) return error;
  return dataError(error.code, error.message, {
    source,
    ...(error.column === undefined ? {} : { column: error.column }),
    ...(error.row === undefined ? {} : { row: error.row }),
  });
}

/** True when `name` cannot be an extra column (it names the time or an OHLCV column). */
export function isReservedColumnName(name: string): boolean {
  return RESERVED_NAMES.has(name.toLowerCase());
}

/** Input of {@link candleTable}. */
export interface CandleTableInput {
  readonly timestamp: Float64Array;
  readonly columns: CandleColumns;
  readonly meta?: CandleTableInfo;
  readonly extra?: Readonly<Record<string, Float64Array>>;
}

/**
 * Validates a candle table and returns it frozen (the same arrays, no copy). Throws DataError
 * naming `source`, the column and the first bad row: INVALID_ARGUMENT for a timestamp that is not
 * a whole number of milliseconds within the Date range, UNSORTED for a timestamp not after the
 * previous one (duplicates included), INVALID_VALUE for `columns.time` differing from
 * `timestamp` or a high below its low (rows where either is NaN are not checked), WRONG_TYPE /
 * LENGTH_MISMATCH for columns, INVALID_ARGUMENT for an extra column with a reserved name.
 */
export function candleTable(input: CandleTableInput, options: { source?: string } = {}): CandleTable {
  const { source } = options;
  const { timestamp } = input;
  if (!(timestamp instanceof Float64Array)) {
    throw dataError('WRONG_TYPE', 'column timestamp must be a Float64Array', { source, column: 'timestamp' });
  }
  const n = timestamp.length;
  for (let i = 0; i < n; i += 1) {
    const t = timestamp[i] as number;
    if (!Number.isInteger(t) || Math.abs(t) > MAX_DATE_MS) {
      throw dataError('INVALID_ARGUMENT', `column timestamp row ${i}: ${t} is not a whole number of milliseconds in the Date range`, {
        source,
        column: 'timestamp',
        row: i,
      });
    }
    if (i > 0) {
      const prev = timestamp[i - 1] as number;
      if (!(t > prev)) {
        const what = t === prev ? 'duplicates' : 'is before';
        throw dataError('UNSORTED', `column timestamp row ${i}: ${new Date(t).toISOString()} ${what} row ${i - 1}`, {
          source,
          column: 'timestamp',
          row: i,
        });
      }
    }
  }
  const columns = candleColumns(input.columns, { expectedLength: n });
  for (let i = 0; i < n; i += 1) {
    if (columns.time[i] !== timestamp[i]) {
      throw dataError('INVALID_VALUE', `column time row ${i} differs from timestamp`, { source, column: 'time', row: i });
    }
    if ((columns.high[i] as number) < (columns.low[i] as number)) {
      throw dataError('INVALID_VALUE', `column high row ${i}: high ${columns.high[i]} is below low ${columns.low[i]}`, {
        source,
        column: 'high',
        row: i,
      });
    }
  }
  let extra: Readonly<Record<string, Float64Array>> | undefined;
  if (input.extra !== undefined) {
    const out: Record<string, Float64Array> = {};
    for (const [name, values] of Object.entries(input.extra)) {
      if (name === '' || isReservedColumnName(name)) {
        throw dataError('INVALID_ARGUMENT', `extra column "${name}" has a reserved or empty name`, { source, column: name });
      }
      if (!(values instanceof Float64Array)) {
        throw dataError('WRONG_TYPE', `extra column ${name} must be a Float64Array`, { source, column: name });
      }
      if (values.length !== n) {
        throw dataError('LENGTH_MISMATCH', `extra column ${name} has ${values.length} rows, expected ${n}`, {
          source,
          column: name,
          row: Math.min(values.length, n),
        });
      }
      out[name] = values;
    }
    extra = Object.freeze(out);
  }
  const meta = input.meta ?? {};
  return Object.freeze({
    timestamp,
    columns,
    meta: Object.freeze({
      ...(meta.symbol === undefined ? {} : { symbol: meta.symbol }),
      ...(meta.timeframe === undefined ? {} : { timeframe: meta.timeframe }),
      ...(meta.priceType === undefined ? {} : { priceType: meta.priceType }),
    }),
    ...(extra === undefined ? {} : { extra }),
  });
}

/** The columns of a new table of `n` rows whose `time` is `timestamp` (prices filled by the caller). */
export function emptyCandleColumns(timestamp: Float64Array): {
  time: Float64Array;
  open: Float64Array;
  high: Float64Array;
  low: Float64Array;
  close: Float64Array;
  volume: Float64Array;
} {
  const n = timestamp.length;
  return {
    time: timestamp,
    open: new Float64Array(n),
    high: new Float64Array(n),
    low: new Float64Array(n),
    close: new Float64Array(n),
    volume: new Float64Array(n),
  };
}

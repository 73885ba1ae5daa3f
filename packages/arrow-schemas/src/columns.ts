import { DataError } from './errors.js';
import { CANDLE_FIELDS, type AlignedData, type CandleColumns, type TimeframeSides } from './model.js';

/** Input of {@link candleColumns}: the six columns, each expected to be a Float64Array. */
export type CandleColumnsInput = { readonly [K in keyof CandleColumns]: unknown };

/** Input of {@link alignedData}. */
export interface AlignedDataInput {
  readonly primaryTimeframe: unknown;
  readonly timestamp: unknown;
  readonly timeframes: unknown;
}

function fieldName(prefix: string | undefined, field: string): string {
  return prefix === undefined ? field : `${prefix}.${field}`;
}

/**
 * Validates six columns and returns them as {@link CandleColumns} (the same arrays, no copy).
 * Throws a DataError: WRONG_TYPE when a column is not a Float64Array, LENGTH_MISMATCH when the
 * lengths differ (or differ from `expectedLength`; `row` is the first row one column lacks),
 * INVALID_ARGUMENT when a `time` value is infinite. `name` prefixes the column in errors.
 */
export function candleColumns(input: CandleColumnsInput, options: { name?: string; expectedLength?: number } = {}): CandleColumns {
  if (typeof input !== 'object' || input === null) {
    throw new DataError('WRONG_TYPE', `candle columns${options.name ? ` ${options.name}` : ''} must be an object`, {
      ...(options.name === undefined ? {} : { column: options.name }),
    });
  }
  let length = options.expectedLength;
  for (const field of CANDLE_FIELDS) {
    const column = fieldName(options.name, field);
    const values = input[field];
    if (values === undefined) throw new DataError('MISSING_COLUMN', `column ${column} is missing`, { column });
    if (!(values instanceof Float64Array)) {
      throw new DataError('WRONG_TYPE', `column ${column} must be a Float64Array`, { column });
    }
    if (length === undefined) length = values.length;
    else if (values.length !== length) {
      throw new DataError(
        'LENGTH_MISMATCH',
        `column ${column} has ${values.length} rows, expected ${length}`,
        { column, row: Math.min(values.length, length) },
      );
    }
  }
  const time = input.time as Float64Array;
  for (let i = 0; i < time.length; i += 1) {
    const t = time[i] as number;
    if (t === Number.POSITIVE_INFINITY || t === Number.NEGATIVE_INFINITY) {
      const column = fieldName(options.name, 'time');
      throw new DataError('INVALID_ARGUMENT', `column ${column} row ${i}: time must be finite or NaN`, { column, row: i });
    }
  }
  return Object.freeze({
    time,
    open: input.open as Float64Array,
    high: input.high as Float64Array,
    low: input.low as Float64Array,
    close: input.close as Float64Array,
    volume: input.volume as Float64Array,
  });
}

/**
 * Validates aligned multi-timeframe data and returns it as {@link AlignedData} (same arrays, no
 * copy; the returned objects are frozen). Checks: `primaryTimeframe` a non-empty string,
 * `timestamp` a Float64Array of finite, strictly increasing values (UNSORTED names the first
 * offending row), only `bid`/`ask` sides, and every column of every side a Float64Array of the
 * timestamp's length (errors name the column as `tf.side.field`).
 */
export function alignedData(input: AlignedDataInput): AlignedData {
  if (typeof input !== 'object' || input === null) throw new DataError('WRONG_TYPE', 'aligned data must be an object');
  const { primaryTimeframe, timestamp, timeframes } = input;
  if (typeof primaryTimeframe !== 'string' || primaryTimeframe === '') {
    throw new DataError('INVALID_ARGUMENT', 'primaryTimeframe must be a non-empty string', { column: 'primaryTimeframe' });
  }
  if (timestamp === undefined) throw new DataError('MISSING_COLUMN', 'column timestamp is missing', { column: 'timestamp' });
  if (!(timestamp instanceof Float64Array)) {
    throw new DataError('WRONG_TYPE', 'column timestamp must be a Float64Array', { column: 'timestamp' });
  }
  for (let i = 0; i < timestamp.length; i += 1) {
    const t = timestamp[i] as number;
    if (!Number.isFinite(t)) {
      throw new DataError('INVALID_ARGUMENT', `timestamp row ${i} is ${t}; every primary row needs a finite time`, {
        column: 'timestamp',
        row: i,
      });
    }
    if (i > 0 && !(t > (timestamp[i - 1] as number))) {
      throw new DataError('UNSORTED', `timestamp row ${i} (${t}) is not after row ${i - 1} (${timestamp[i - 1]})`, {
        column: 'timestamp',
        row: i,
      });
    }
  }
  if (typeof timeframes !== 'object' || timeframes === null) {
    throw new DataError('WRONG_TYPE', 'timeframes must be an object', { column: 'timeframes' });
  }
  const out: Record<string, TimeframeSides> = {};
  for (const [tf, sides] of Object.entries(timeframes)) {
    if (typeof sides !== 'object' || sides === null) {
      throw new DataError('WRONG_TYPE', `timeframe ${tf} must be an object of sides`, { column: tf });
    }
    const entry: { bid?: CandleColumns; ask?: CandleColumns } = {};
    for (const [side, cols] of Object.entries(sides)) {
      if (side !== 'bid' && side !== 'ask') {
        throw new DataError('INVALID_ARGUMENT', `timeframe ${tf}: unknown side "${side}" (only bid and ask)`, {
          column: `${tf}.${side}`,
        });
      }
      if (cols === undefined) continue;
      entry[side] = candleColumns(cols as CandleColumnsInput, { name: `${tf}.${side}`, expectedLength: timestamp.length });
    }
    out[tf] = Object.freeze(entry);
  }
  return Object.freeze({ primaryTimeframe, timestamp, timeframes: Object.freeze(out) });
}

/**
 * Row `row` starts a new bar: it has a candle (time not NaN) and its time differs from that of
 * the nearest earlier row with a candle, or there is none. The same bar again after rows
 * without a candle is not new.
 */
export function newBarMask(columns: Pick<CandleColumns, 'time'>): Uint8Array {
  const { time } = columns;
  const mask = new Uint8Array(time.length);
  let last = Number.NaN;
  for (let i = 0; i < time.length; i += 1) {
    const t = time[i] as number;
    if (t !== t) continue;
    if (t !== last) mask[i] = 1;
    last = t;
  }
  return mask;
}

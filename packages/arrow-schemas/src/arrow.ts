import {
  Bool,
  DataType,
  Float64,
  Precision,
  RecordBatch,
  Struct,
  Table,
  TimeUnit,
  TimestampMillisecond,
  makeData,
  tableFromIPC,
  tableToIPC,
  type Data,
  type Schema,
  type Vector,
} from 'apache-arrow';
import { candleColumns } from './columns.js';
import { DataError } from './errors.js';
import { PRICE_FIELDS, type CandleColumns } from './model.js';
import { candleSchema, candleTableMeta, type CandleTableMeta } from './schema.js';

/**
 * Counts what reading Arrow columns cost: `views` columns returned as subarray views of Arrow's
 * buffers, `copies` columns copied (several chunks, nulls, or a time conversion) and their
 * `copiedBytes`. Pass one to the readers to check that a path is zero-copy.
 */
export interface ColumnReadStats {
  views: number;
  copies: number;
  copiedBytes: number;
}

/** A fresh {@link ColumnReadStats} with all counts 0. */
export function columnReadStats(): ColumnReadStats {
  return { views: 0, copies: 0, copiedBytes: 0 };
}

const TWO_32 = 4294967296;
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

function bit(bitmap: Uint8Array, index: number): boolean {
  return ((bitmap[index >> 3] as number) >> (index & 7)) & 1 ? true : false;
}

function isFloat64(type: DataType): boolean {
  return DataType.isFloat(type) && type.precision === Precision.DOUBLE;
}

function copied(stats: ColumnReadStats | undefined, bytes: number): void {
  if (stats) {
    stats.copies += 1;
    stats.copiedBytes += bytes;
  }
}

/**
 * Reads a Float64 Arrow column as one Float64Array: a subarray view of Arrow's buffer when it has
 * one chunk and no nulls, else one copy with nulls as NaN (counted in `stats`).
 * Throws DataError WRONG_TYPE (naming `name`) when the column is not Float64.
 */
export function readFloat64Column(vector: Vector, name: string, stats?: ColumnReadStats): Float64Array {
  return readFloat64(vector, name, stats).values;
}

function readFloat64(vector: Vector, name: string, stats: ColumnReadStats | undefined): { values: Float64Array; view: boolean } {
  if (!isFloat64(vector.type)) {
    throw new DataError('WRONG_TYPE', `column ${name} must be Float64, got ${String(vector.type)}`, { column: name });
  }
  const chunks = vector.data as Data[];
  const first = chunks[0];
  if (chunks.length === 1 && first !== undefined && first.nullCount === 0) {
    if (stats) stats.views += 1;
    return { values: (first.values as Float64Array).subarray(0, first.length), view: true };
  }
  const out = new Float64Array(vector.length);
  let at = 0;
  for (const chunk of chunks) {
    const values = (chunk.values as Float64Array).subarray(0, chunk.length);
    out.set(values, at);
    if (chunk.nullCount > 0) {
      const bitmap = chunk.nullBitmap as Uint8Array;
      for (let i = 0; i < chunk.length; i += 1) if (!bit(bitmap, chunk.offset + i)) out[at + i] = Number.NaN;
    }
    at += chunk.length;
  }
  copied(stats, out.byteLength);
  return { values: out, view: false };
}

/** Epoch milliseconds of one int64 timestamp value (lo/hi halves, exact below 2^53). */
function int64ToMs(lo: number, hi: number, unit: TimeUnit): number {
  const v = hi * TWO_32 + lo;
  switch (unit) {
    case TimeUnit.SECOND:
      return v * 1000;
    case TimeUnit.MILLISECOND:
      return v;
    case TimeUnit.MICROSECOND:
      return v / 1000;
    default: {
      // Nanoseconds since the epoch exceed 2^53: divide exactly in BigInt first.
      const big = (BigInt(hi) << 32n) | BigInt(lo);
      return Number(big / 1_000_000n) + Number(big % 1_000_000n) / 1e6;
    }
  }
}

export function readTimeColumn(vector: Vector, stats: ColumnReadStats | undefined): { values: Float64Array; view: boolean } {
  const type = vector.type as DataType;
  if (isFloat64(type)) return readFloat64(vector, 'time', stats);
  if (!DataType.isTimestamp(type)) {
    throw new DataError('WRONG_TYPE', `column time must be Timestamp or Float64, got ${String(type)}`, { column: 'time' });
  }
  const unit = type.unit as TimeUnit;
  const out = new Float64Array(vector.length);
  let at = 0;
  for (const chunk of vector.data as Data[]) {
    const values = chunk.values as BigInt64Array;
    const hasNulls = chunk.nullCount > 0;
    const bitmap = chunk.nullBitmap as Uint8Array;
    if (LITTLE_ENDIAN) {
      const u32 = new Uint32Array(values.buffer, values.byteOffset, chunk.length * 2);
      const i32 = new Int32Array(values.buffer, values.byteOffset, chunk.length * 2);
      for (let i = 0; i < chunk.length; i += 1) {
        out[at + i] =
          hasNulls && !bit(bitmap, chunk.offset + i)
            ? Number.NaN
            : int64ToMs(u32[2 * i] as number, i32[2 * i + 1] as number, unit);
      }
    } else {
      for (let i = 0; i < chunk.length; i += 1) {
        const v = values[i] as bigint;
        out[at + i] =
          hasNulls && !bit(bitmap, chunk.offset + i)
            ? Number.NaN
            : int64ToMs(Number(BigInt.asUintN(32, v)), Number(BigInt.asIntN(32, v >> 32n)), unit);
      }
    }
    at += chunk.length;
  }
  copied(stats, out.byteLength);
  return { values: out, view: false };
}

function requireColumn(table: Table, name: string): Vector {
  const v = table.getChild(name);
  if (v === null) throw new DataError('MISSING_COLUMN', `column ${name} is missing`, { column: name });
  return v;
}

/**
 * Checks that `schema` has the OHLCV columns with usable types: `time` Timestamp (any unit) or
 * Float64, the five prices Float64, `valid` Bool if present. Throws DataError MISSING_COLUMN or
 * WRONG_TYPE naming the column.
 */
export function validateCandleSchema(schema: Schema): void {
  const byName = new Map(schema.fields.map((f) => [f.name, f.type as DataType]));
  const time = byName.get('time');
  if (time === undefined) throw new DataError('MISSING_COLUMN', 'column time is missing', { column: 'time' });
  if (!DataType.isTimestamp(time) && !isFloat64(time)) {
    throw new DataError('WRONG_TYPE', `column time must be Timestamp or Float64, got ${String(time)}`, { column: 'time' });
  }
  for (const f of PRICE_FIELDS) {
    const t = byName.get(f);
    if (t === undefined) throw new DataError('MISSING_COLUMN', `column ${f} is missing`, { column: f });
    if (!isFloat64(t)) throw new DataError('WRONG_TYPE', `column ${f} must be Float64, got ${String(t)}`, { column: f });
  }
  const valid = byName.get('valid');
  if (valid !== undefined && !DataType.isBool(valid)) {
    throw new DataError('WRONG_TYPE', `column valid must be Bool, got ${String(valid)}`, { column: 'valid' });
  }
}

function overlaps(a: Float64Array, b: Float64Array): boolean {
  return a.buffer === b.buffer && a.byteOffset < b.byteOffset + b.byteLength && b.byteOffset < a.byteOffset + a.byteLength;
}

/**
 * The arrays, each one that shares memory with an earlier one replaced by a copy. Arrow's IPC
 * writer merges consecutive body buffers that overlap in one ArrayBuffer, which corrupts a table
 * whose columns are the same array (e.g. open = high = low = close).
 */
export function withDistinctMemory(arrays: readonly Float64Array[]): Float64Array[] {
  const out: Float64Array[] = [];
  for (const a of arrays) out.push(out.some((b) => overlaps(a, b)) ? a.slice() : a);
  return out;
}

/**
 * Arrow data of a time column (epoch ms, NaN = no candle): Timestamp(ms, UTC) int64 values, null
 * where NaN (one conversion copy), and the matching `valid` Bool data sharing its bitmap. Throws
 * DataError INVALID_ARGUMENT naming `column` and the row of a time that is not an integer.
 */
export function timeColumnData(time: Float64Array, column: string): { time: Data; valid: Data } {
  const n = time.length;
  const bitmap = new Uint8Array(((n + 63) >> 6) << 3);
  const ts = new BigInt64Array(n);
  const u32 = new Uint32Array(ts.buffer);
  const i32 = new Int32Array(ts.buffer);
  let nulls = 0;
  for (let i = 0; i < n; i += 1) {
    const t = time[i] as number;
    if (t !== t) {
      nulls += 1;
      continue;
    }
    if (!Number.isSafeInteger(t)) {
      throw new DataError('INVALID_ARGUMENT', `column ${column} row ${i}: ${t} is not an integer number of milliseconds`, {
        column,
        row: i,
      });
    }
    bitmap[i >> 3] = (bitmap[i >> 3] as number) | (1 << (i & 7));
    if (LITTLE_ENDIAN) {
      const hi = Math.floor(t / TWO_32);
      u32[2 * i] = t - hi * TWO_32;
      i32[2 * i + 1] = hi;
    } else {
      ts[i] = BigInt(t);
    }
  }
  return {
    time: makeData({ type: new TimestampMillisecond('UTC'), length: n, nullCount: nulls, nullBitmap: bitmap, data: ts }),
    valid: makeData({ type: new Bool(), length: n, nullCount: 0, data: bitmap }),
  };
}

/**
 * Builds an OHLCV Arrow table ({@link candleSchema}) from columns and optional extra Float64
 * columns (after `valid`). The float columns are wrapped without copying (the table shares their
 * buffers; a column sharing memory with an earlier one is copied, see withDistinctMemory); `time`
 * is converted once to int64 milliseconds (null where NaN) and `valid` is derived from it. Throws DataError when the
 * columns are invalid or a time is not an integer number of milliseconds (INVALID_ARGUMENT,
 * naming the row).
 */
export function candleColumnsToTable(
  columns: CandleColumns,
  meta: CandleTableMeta = {},
  extra: Readonly<Record<string, Float64Array>> = {},
): Table {
  const cols = candleColumns(columns);
  const n = cols.time.length;
  const extras = Object.entries(extra);
  for (const [name, values] of extras) {
    if (!(values instanceof Float64Array) || values.length !== n) {
      throw new DataError('LENGTH_MISMATCH', `extra column ${name} must be a Float64Array of ${n} rows`, { column: name });
    }
  }
  const schema = candleSchema(
    meta,
    extras.map(([name]) => name),
  );
  const floats = withDistinctMemory([...PRICE_FIELDS.map((f) => cols[f]), ...extras.map(([, values]) => values)]);
  const time = timeColumnData(cols.time, 'time');
  const children: Data[] = [
    time.time,
    ...floats.slice(0, PRICE_FIELDS.length).map(float64Data),
    time.valid,
    ...floats.slice(PRICE_FIELDS.length).map(float64Data),
  ];
  return tableOf(schema, n, children);
}

/** Arrow Float64 data over `values` (no copy, no nulls). */
export function float64Data(values: Float64Array): Data {
  return makeData({ type: new Float64(), length: values.length, nullCount: 0, data: values });
}

/** A one-batch table of `schema` with the given column data. */
export function tableOf(schema: Schema, length: number, children: Data[]): Table {
  const struct = makeData({ type: new Struct(schema.fields), length, nullCount: 0, children });
  return new Table([new RecordBatch(schema, struct)]);
}

/**
 * Reads {@link CandleColumns} from an OHLCV table (validated with {@link validateCandleSchema}).
 * Float columns are subarray views when they have one chunk and no nulls, else one copy with
 * nulls as NaN; `time` is converted (Timestamp) or viewed (Float64); rows that are null in `time`
 * or false in `valid` get time NaN. `stats` counts views and copies.
 */
export function tableToCandleColumns(table: Table, stats?: ColumnReadStats): CandleColumns {
  validateCandleSchema(table.schema);
  const read = readTimeColumn(requireColumn(table, 'time'), stats);
  let time = read.values;
  const validVector = table.getChild('valid');
  if (validVector !== null) {
    let at = 0;
    let ownsTime = !read.view;
    for (const chunk of validVector.data as Data[]) {
      const bits = chunk.values as Uint8Array;
      const nullable = chunk.nullCount > 0;
      const nullBits = chunk.nullBitmap as Uint8Array;
      for (let i = 0; i < chunk.length; i += 1) {
        const ok = bit(bits, chunk.offset + i) && (!nullable || bit(nullBits, chunk.offset + i));
        if (!ok && time[at + i] === time[at + i]) {
          if (!ownsTime) {
            time = time.slice();
            copied(stats, time.byteLength);
            ownsTime = true;
          }
          time[at + i] = Number.NaN;
        }
      }
      at += chunk.length;
    }
  }
  const out = { time } as { -readonly [K in keyof CandleColumns]: Float64Array };
  for (const f of PRICE_FIELDS) out[f] = readFloat64Column(requireColumn(table, f), f, stats);
  return Object.freeze(out);
}

/** Reads the columns and the schema metadata of an OHLCV table. */
export function readCandleTable(table: Table, stats?: ColumnReadStats): { columns: CandleColumns; meta: CandleTableMeta } {
  return { columns: tableToCandleColumns(table, stats), meta: candleTableMeta(table.schema) };
}

/** Arrow IPC bytes (`stream` by default, or `file`) of an OHLCV table built from `columns`. */
export function candleColumnsToIPC(
  columns: CandleColumns,
  meta: CandleTableMeta = {},
  format: 'stream' | 'file' = 'stream',
): Uint8Array {
  return tableToIPC(candleColumnsToTable(columns, meta), format);
}

/** Reads Arrow IPC bytes (stream or file) of an OHLCV table back into columns and metadata. */
export function candleColumnsFromIPC(
  bytes: Uint8Array | ArrayBufferLike,
  stats?: ColumnReadStats,
): { columns: CandleColumns; meta: CandleTableMeta } {
  return readCandleTable(tableFromIPC(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes)), stats);
}

export { tableFromIPC, tableToIPC };

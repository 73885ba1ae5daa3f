import { parquetMetadataAsync, parquetRead, type AsyncBuffer, type DecodedArray, type SchemaElement } from 'hyparquet';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { isDataError } from './errors.js';
import { PRICE_FIELDS } from './model.js';
import { META_KEYS, OHLCV_SCHEMA_ID } from './schema.js';
import {
  TIMESTAMP_COLUMN_NAMES,
  candleTable,
  dataError,
  emptyCandleColumns,
  type CandleTable,
  type CandleTableInfo,
} from './table.js';

/** Parquet physical types read as numbers (timestamps aside). */
const NUMERIC_TYPES = new Set(['DOUBLE', 'FLOAT', 'INT32', 'INT64']);

/** Epoch milliseconds of an int64 timestamp in `unit`, exact (may be fractional below 1 ms). */
function int64TimeToMs(value: bigint, perMs: bigint): number {
  return Number(value / perMs) + Number(value % perMs) / Number(perMs);
}

/** Timestamp parsers that keep epoch milliseconds as numbers instead of Dates. */
const NUMERIC_TIME_PARSERS = {
  timestampFromMilliseconds: (v: bigint): number => Number(v),
  timestampFromMicroseconds: (v: bigint): number => int64TimeToMs(v, 1_000n),
  timestampFromNanoseconds: (v: bigint): number => int64TimeToMs(v, 1_000_000n),
  dateFromDays: (days: number): number => days * 86_400_000,
};

/** How a Parquet leaf column is read: as a time or a plain number. */
function isTimeElement(e: SchemaElement): boolean {
  return (
    e.logical_type?.type === 'TIMESTAMP' ||
    e.logical_type?.type === 'DATE' ||
    e.converted_type === 'TIMESTAMP_MILLIS' ||
    e.converted_type === 'TIMESTAMP_MICROS' ||
    e.converted_type === 'DATE' ||
    e.type === 'INT96'
  );
}

/** A view of `bytes` as hyparquet's AsyncBuffer (slices copy only the requested range). */
function asyncBuffer(bytes: Uint8Array): AsyncBuffer {
  return {
    byteLength: bytes.byteLength,
    slice: (start: number, end?: number) =>
      bytes.buffer.slice(bytes.byteOffset + start, bytes.byteOffset + (end ?? bytes.byteLength)) as ArrayBuffer,
  };
}

/** Copies decoded values into `target` from `at`: numbers as is, bigints as numbers, null as NaN. */
function copyNumbers(
  source: DecodedArray,
  target: Float64Array,
  at: number,
  place: { source: string | undefined; column: string },
): void {
  if (source instanceof Float64Array) {
    target.set(source, at);
    return;
  }
  for (let i = 0; i < source.length; i += 1) {
    const v: unknown = source[i];
    if (typeof v === 'number') target[at + i] = v;
    else if (typeof v === 'bigint') target[at + i] = Number(v);
    else if (v === null || v === undefined) target[at + i] = Number.NaN;
    else throw dataError('WRONG_TYPE', `column ${place.column} row ${at + i} is not numeric`, { ...place, row: at + i });
  }
}

/**
 * Reads an OHLCV Parquet file (any writer: pandas/pyarrow, polars, DuckDB, {@link writeCandlesParquet}).
 * Needs a time column (`timestamp`, `time`, `date` or `datetime`: a Parquet timestamp of any
 * unit, a date, or epoch milliseconds as a number) and `open`, `high`, `low`, `close`, `volume`
 * (any numeric type); other numeric columns become extra columns, null values become NaN. The
 * key-value metadata `symbol`, `timeframe`, `price_type` fill `meta`. Uncompressed and Snappy
 * pages are read; other codecs are a DataError WRONG_TYPE, as are bytes that are not Parquet and
 * non-numeric columns. Also throws MISSING_COLUMN and the errors of {@link candleTable}.
 */
export async function readCandlesParquet(bytes: Uint8Array, options: { source?: string } = {}): Promise<CandleTable> {
  const { source } = options;
  if (!(bytes instanceof Uint8Array)) throw dataError('WRONG_TYPE', 'Parquet bytes must be a Uint8Array', { source });
  const file = asyncBuffer(bytes);
  let metadata: Awaited<ReturnType<typeof parquetMetadataAsync>>;
  try {
    metadata = await parquetMetadataAsync(file);
  } catch (cause) {
    throw dataError('WRONG_TYPE', `not a Parquet file (${(cause as Error).message})`, { source });
  }
  // Top-level leaf columns (nested groups are not candle data).
  const leaves = new Map<string, SchemaElement>();
  const root = metadata.schema[0];
  for (let k = 1, child = 0; child < (root?.num_children ?? 0); child += 1) {
    const e = metadata.schema[k] as SchemaElement;
    if (e.num_children === undefined) leaves.set(e.name, e);
    k += 1 + countDescendants(metadata.schema, k);
  }
  const byLower = new Map([...leaves.keys()].map((name) => [name.toLowerCase(), name]));
  const timeName = TIMESTAMP_COLUMN_NAMES.map((t) => byLower.get(t)).find((name) => name !== undefined);
  if (timeName === undefined) {
    throw dataError('MISSING_COLUMN', `Parquet file has no time column (${TIMESTAMP_COLUMN_NAMES.join(', ')})`, { source, column: 'timestamp' });
  }
  const priceNames = PRICE_FIELDS.map((f) => {
    const name = byLower.get(f);
    if (name === undefined) throw dataError('MISSING_COLUMN', `Parquet file has no ${f} column`, { source, column: f });
    return name;
  });
  const used = new Set([timeName, ...priceNames]);
  const extraNames = [...leaves.keys()].filter((name) => !used.has(name));
  for (const name of [...priceNames, ...extraNames]) {
    const e = leaves.get(name) as SchemaElement;
    if (!NUMERIC_TYPES.has(e.type ?? '') || isTimeElement(e)) {
      throw dataError('WRONG_TYPE', `column ${name} must be numeric, got ${e.type ?? 'group'}`, { source, column: name });
    }
  }
  const timeElement = leaves.get(timeName) as SchemaElement;
  if (!isTimeElement(timeElement) && !NUMERIC_TYPES.has(timeElement.type ?? '')) {
    throw dataError('WRONG_TYPE', `column ${timeName} must be a timestamp, date or number, got ${timeElement.type ?? 'group'}`, {
      source,
      column: timeName,
    });
  }

  const n = Number(metadata.num_rows);
  const timestamp = new Float64Array(n);
  const columns = emptyCandleColumns(timestamp);
  const extra: Record<string, Float64Array> = {};
  const targets = new Map<string, Float64Array>([[timeName, timestamp]]);
  priceNames.forEach((name, k) => targets.set(name, columns[PRICE_FIELDS[k] as (typeof PRICE_FIELDS)[number]]));
  for (const name of extraNames) {
    const values = new Float64Array(n);
    extra[name] = values;
    targets.set(name, values);
  }
  try {
    await parquetRead({
      file,
      metadata,
      columns: [...targets.keys()],
      parsers: NUMERIC_TIME_PARSERS,
      onChunk: (chunk) => {
        const target = targets.get(chunk.columnName);
        if (target !== undefined) copyNumbers(chunk.columnData, target, chunk.rowStart, { source, column: chunk.columnName });
      },
    });
  } catch (cause) {
    if (isDataError(cause)) throw cause;
    throw dataError('WRONG_TYPE', `cannot read the Parquet data (${(cause as Error).message})`, { source });
  }
  const kv = new Map((metadata.key_value_metadata ?? []).map((e) => [e.key, e.value]));
  const meta: CandleTableInfo = {
    ...(kv.get(META_KEYS.symbol) === undefined ? {} : { symbol: kv.get(META_KEYS.symbol) as string }),
    ...(kv.get(META_KEYS.timeframe) === undefined ? {} : { timeframe: kv.get(META_KEYS.timeframe) as string }),
    ...(kv.get(META_KEYS.priceType) === undefined ? {} : { priceType: kv.get(META_KEYS.priceType) as string }),
  };
  return candleTable(
    { timestamp, columns, meta, ...(extraNames.length > 0 ? { extra } : {}) },
    source === undefined ? {} : { source },
  );
}

/** Number of schema elements below element `k` (its children, theirs, ...). */
function countDescendants(schema: readonly SchemaElement[], k: number): number {
  let count = 0;
  for (let child = 0; child < (schema[k]?.num_children ?? 0); child += 1) {
    count += 1 + countDescendants(schema, k + 1 + count);
  }
  return count;
}

/**
 * Writes a candle table as Parquet: `timestamp` INT64 TIMESTAMP(MILLIS, UTC), then `open`, `high`,
 * `low`, `close`, `volume` and the extra columns as required DOUBLE with PLAIN encoding (so that
 * -0 and NaN keep their bits), Snappy-compressed pages, the metadata as key-value
 * pairs `omega_ta.schema`, `symbol`, `timeframe`, `price_type`. pandas, pyarrow and polars read it
 * as a UTC datetime column plus float columns. Validates the table first.
 */
export function writeCandlesParquet(table: CandleTable): Promise<Uint8Array> {
  try {
    const t = candleTable(table);
    const n = t.timestamp.length;
    const ms = new BigInt64Array(n);
    for (let i = 0; i < n; i += 1) ms[i] = BigInt(t.timestamp[i] as number);
    const floats: [string, Float64Array][] = [
      ...PRICE_FIELDS.map((f): [string, Float64Array] => [f, t.columns[f]]),
      ...Object.entries(t.extra ?? {}),
    ];
    const schema: SchemaElement[] = [
      { name: 'root', num_children: 1 + floats.length },
      {
        name: 'timestamp',
        type: 'INT64',
        repetition_type: 'REQUIRED',
        converted_type: 'TIMESTAMP_MILLIS',
        logical_type: { type: 'TIMESTAMP', isAdjustedToUTC: true, unit: 'MILLIS' },
      },
      ...floats.map(([name]): SchemaElement => ({ name, type: 'DOUBLE', repetition_type: 'REQUIRED' })),
    ];
    const kvMetadata: { key: string; value: string }[] = [{ key: META_KEYS.schema, value: OHLCV_SCHEMA_ID }];
    if (t.meta.symbol !== undefined) kvMetadata.push({ key: META_KEYS.symbol, value: t.meta.symbol });
    if (t.meta.timeframe !== undefined) kvMetadata.push({ key: META_KEYS.timeframe, value: t.meta.timeframe });
    if (t.meta.priceType !== undefined) kvMetadata.push({ key: META_KEYS.priceType, value: t.meta.priceType });
    const buffer = parquetWriteBuffer({
      columnData: [
        { name: 'timestamp', data: ms, nullable: false },
        ...floats.map(([name, data]) => ({ name, data, nullable: false, encoding: 'PLAIN' as const })),
      ],
      schema,
      kvMetadata,
    });
    return Promise.resolve(new Uint8Array(buffer));
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
}

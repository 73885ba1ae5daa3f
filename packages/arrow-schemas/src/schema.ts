import { Bool, Field, Float64, Schema, TimestampMillisecond } from 'apache-arrow';
import type { Side } from './model.js';

/**
 * The OHLCV Arrow schema of one timeframe and side.
 *
 * | field  | type                         | nullable | meaning                                  |
 * | ------ | ---------------------------- | -------- | ---------------------------------------- |
 * | time   | Timestamp(MILLISECOND, UTC)  | yes      | source bar open time; null = no candle    |
 * | open, high, low, close, volume | Float64 | no | NaN = no candle or missing field          |
 * | valid  | Bool                         | no       | the row has a candle (time not null)      |
 *
 * `time` is a real Arrow timestamp rather than the in-memory Float64 so that pyarrow, polars,
 * DuckDB and Parquet readers see a datetime column; that costs one conversion copy of the time
 * column each way (8 bytes a row), while the five float columns stay zero-copy. Arrow's
 * `toArray()` ignores validity bitmaps, hence the explicit `valid` column (see STYLE.md).
 *
 * Metadata (survives IPC): `omega_ta.schema` = {@link OHLCV_SCHEMA_ID}, and `symbol`,
 * `timeframe`, `side`, `price_type` when given. Extra Float64 columns (indicator outputs) may
 * follow `valid`.
 */
export const OHLCV_SCHEMA_ID = 'omega-ta.ohlcv/1';

/** Schema metadata keys. */
export const META_KEYS = {
  schema: 'omega_ta.schema',
  symbol: 'symbol',
  timeframe: 'timeframe',
  side: 'side',
  priceType: 'price_type',
} as const;

/** Field names of the OHLCV table, in schema order. */
export const OHLCV_FIELDS = ['time', 'open', 'high', 'low', 'close', 'volume', 'valid'] as const;

/** What a candle table is about, stored in the schema metadata. */
export interface CandleTableMeta {
  readonly symbol?: string;
  readonly timeframe?: string;
  readonly side?: Side;
  /** Price type of a single series read from a file, e.g. `bid`, `ask`, `mid`. */
  readonly priceType?: string;
}

/** The metadata map of a candle table's schema. */
export function candleSchemaMetadata(meta: CandleTableMeta = {}): Map<string, string> {
  const m = new Map<string, string>([[META_KEYS.schema, OHLCV_SCHEMA_ID]]);
  if (meta.symbol !== undefined) m.set(META_KEYS.symbol, meta.symbol);
  if (meta.timeframe !== undefined) m.set(META_KEYS.timeframe, meta.timeframe);
  if (meta.side !== undefined) m.set(META_KEYS.side, meta.side);
  if (meta.priceType !== undefined) m.set(META_KEYS.priceType, meta.priceType);
  return m;
}

/**
 * The OHLCV schema (see {@link OHLCV_SCHEMA_ID}) with `meta` in its metadata, and one non-null
 * Float64 field per name of `extraColumns` after `valid`.
 */
export function candleSchema(meta: CandleTableMeta = {}, extraColumns: readonly string[] = []): Schema {
  const fields = [
    new Field('time', new TimestampMillisecond('UTC'), true),
    new Field('open', new Float64(), false),
    new Field('high', new Float64(), false),
    new Field('low', new Float64(), false),
    new Field('close', new Float64(), false),
    new Field('volume', new Float64(), false),
    new Field('valid', new Bool(), false),
    ...extraColumns.map((name) => new Field(name, new Float64(), false)),
  ];
  return new Schema(fields, candleSchemaMetadata(meta));
}

/** Reads {@link CandleTableMeta} from schema metadata (absent keys stay absent; a side other than bid/ask is ignored). */
export function candleTableMeta(schema: Schema): CandleTableMeta {
  const md = schema.metadata;
  const symbol = md.get(META_KEYS.symbol);
  const timeframe = md.get(META_KEYS.timeframe);
  const side = md.get(META_KEYS.side);
  const priceType = md.get(META_KEYS.priceType);
  return {
    ...(symbol === undefined ? {} : { symbol }),
    ...(timeframe === undefined ? {} : { timeframe }),
    ...(side === 'bid' || side === 'ask' ? { side } : {}),
    ...(priceType === undefined ? {} : { priceType }),
  };
}

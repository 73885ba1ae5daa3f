import { candleColumnsToTable, readCandleTable, readFloat64Column, tableFromIPC, tableToIPC } from './arrow.js';
import { OHLCV_FIELDS } from './schema.js';
import { candleTable, dataError, withSource, type CandleTable } from './table.js';

const OHLCV_NAMES = new Set<string>(OHLCV_FIELDS);

/**
 * Reads Arrow IPC bytes (file or stream) of an OHLCV table ({@link candleSchema}, `time` any
 * timestamp unit or Float64) into a {@link CandleTable}: the float columns are views of the IPC
 * buffer (zero-copy when the table has one record batch and no nulls), `time` is converted once.
 * Every other column must be Float64 and becomes an extra column. Metadata `symbol`, `timeframe`
 * and `price_type` (else `side`) fill `meta`. Throws DataError naming `source`: WRONG_TYPE for bytes
 * that are not Arrow IPC or a column of the wrong type, MISSING_COLUMN, and the checks of
 * {@link candleTable} (a null or non-integer time is INVALID_ARGUMENT).
 */
export function readCandlesIpc(bytes: Uint8Array, options: { source?: string } = {}): CandleTable {
  const { source } = options;
  if (!(bytes instanceof Uint8Array)) throw dataError('WRONG_TYPE', 'Arrow IPC bytes must be a Uint8Array', { source });
  let table: ReturnType<typeof tableFromIPC>;
  try {
    table = tableFromIPC(bytes);
  } catch (cause) {
    throw dataError('WRONG_TYPE', `not Arrow IPC data (${(cause as Error).message})`, { source });
  }
  if (table.schema.fields.length === 0) throw dataError('WRONG_TYPE', 'not Arrow IPC data (no columns)', { source });
  try {
    const { columns, meta } = readCandleTable(table);
    const md = table.schema.metadata;
    const priceType = meta.priceType ?? md.get('side');
    const extra: Record<string, Float64Array> = {};
    for (const field of table.schema.fields) {
      if (OHLCV_NAMES.has(field.name)) continue;
      const vector = table.getChild(field.name);
      if (vector !== null) extra[field.name] = readFloat64Column(vector, field.name);
    }
    return candleTable(
      {
        timestamp: columns.time,
        columns,
        meta: {
          ...(meta.symbol === undefined ? {} : { symbol: meta.symbol }),
          ...(meta.timeframe === undefined ? {} : { timeframe: meta.timeframe }),
          ...(priceType === undefined ? {} : { priceType }),
        },
        ...(Object.keys(extra).length > 0 ? { extra } : {}),
      },
      source === undefined ? {} : { source },
    );
  } catch (error) {
    throw withSource(error, source);
  }
}

/**
 * Arrow IPC bytes (`file` by default, or `stream`) of a candle table: the OHLCV schema
 * (`time` Timestamp(ms, UTC), five Float64 columns, `valid`) plus the extra Float64 columns, with
 * `symbol`, `timeframe`, `price_type` in the schema metadata. The float columns are written from
 * the table's arrays without an intermediate copy. Validates the table first.
 */
export function writeCandlesIpc(table: CandleTable, format: 'file' | 'stream' = 'file'): Uint8Array {
  const t = candleTable(table);
  const arrow = candleColumnsToTable(
    t.columns,
    {
      ...(t.meta.symbol === undefined ? {} : { symbol: t.meta.symbol }),
      ...(t.meta.timeframe === undefined ? {} : { timeframe: t.meta.timeframe }),
      ...(t.meta.priceType === undefined ? {} : { priceType: t.meta.priceType }),
    },
    t.extra,
  );
  return tableToIPC(arrow, format);
}

import { Bool, Field, Float64, Schema, Table, TimestampMillisecond, type Vector } from 'apache-arrow';
import {
  float64Data,
  readTimeColumn,
  tableFromIPC,
  tableOf,
  tableToCandleColumns,
  tableToIPC,
  timeColumnData,
  withDistinctMemory,
  type ColumnReadStats,
} from './arrow.js';
import { alignedData } from './columns.js';
import { DataError, isDataError } from './errors.js';
import { CANDLE_FIELDS, PRICE_FIELDS, type AlignedData, type CandleColumns, type Side } from './model.js';
import { META_KEYS, OHLCV_FIELDS } from './schema.js';

/**
 * The aligned multi-timeframe Arrow schema: one row per primary bar.
 *
 * | field                  | type                        | nullable | meaning                              |
 * | ---------------------- | --------------------------- | -------- | ------------------------------------ |
 * | timestamp              | Timestamp(MILLISECOND, UTC) | no       | primary bar open time                |
 * | `<tf>.<side>.time`     | Timestamp(MILLISECOND, UTC) | yes      | open time of the source bar seen at this row; null = no candle |
 * | `<tf>.<side>.open` ... `.volume` | Float64           | no       | NaN = no candle or missing field     |
 * | `<tf>.<side>.valid`    | Bool                        | no       | the row has a candle                 |
 *
 * per timeframe (in order) and side (`bid`, `ask`). A new higher-timeframe bar starts where
 * `<tf>.<side>.time` changes (see `newBarMask`). Metadata: `omega_ta.schema` =
 * {@link ALIGNED_SCHEMA_ID}, `primary_timeframe`, and `symbol` when given.
 */
export const ALIGNED_SCHEMA_ID = 'omega-ta.aligned/1';

/** Metadata key of the primary timeframe in the aligned schema. */
export const PRIMARY_TIMEFRAME_KEY = 'primary_timeframe';

/** The aligned schema of `data`'s timeframes and sides (see {@link ALIGNED_SCHEMA_ID}). */
export function alignedSchema(data: AlignedData, meta: { symbol?: string } = {}): Schema {
  const fields: Field[] = [new Field('timestamp', new TimestampMillisecond('UTC'), false)];
  for (const [tf, sides] of Object.entries(data.timeframes)) {
    for (const side of ['bid', 'ask'] as const) {
      if (sides[side] === undefined) continue;
      const p = `${tf}.${side}`;
      fields.push(new Field(`${p}.time`, new TimestampMillisecond('UTC'), true));
      for (const f of PRICE_FIELDS) fields.push(new Field(`${p}.${f}`, new Float64(), false));
      fields.push(new Field(`${p}.valid`, new Bool(), false));
    }
  }
  const metadata = new Map([
    [META_KEYS.schema, ALIGNED_SCHEMA_ID],
    [PRIMARY_TIMEFRAME_KEY, data.primaryTimeframe],
  ]);
  if (meta.symbol !== undefined) metadata.set(META_KEYS.symbol, meta.symbol);
  return new Schema(fields, metadata);
}

/**
 * Builds an aligned Arrow table ({@link ALIGNED_SCHEMA_ID}) from validated aligned data. The
 * float columns are shared with the table (no copy; a column sharing memory with an earlier one
 * is copied once); each time column is converted once to int64 milliseconds.
 */
export function alignedDataToTable(data: AlignedData, meta: { symbol?: string } = {}): Table {
  const aligned = alignedData(data);
  const groups: [string, CandleColumns][] = [];
  for (const [tf, sides] of Object.entries(aligned.timeframes)) {
    for (const side of ['bid', 'ask'] as const) {
      const cols = sides[side];
      if (cols !== undefined) groups.push([`${tf}.${side}`, cols]);
    }
  }
  const floats = withDistinctMemory(groups.flatMap(([, cols]) => PRICE_FIELDS.map((f) => cols[f])));
  const children = [timeColumnData(aligned.timestamp, 'timestamp').time];
  groups.forEach(([prefix, cols], g) => {
    const time = timeColumnData(cols.time, `${prefix}.time`);
    children.push(time.time, ...floats.slice(g * PRICE_FIELDS.length, (g + 1) * PRICE_FIELDS.length).map(float64Data), time.valid);
  });
  return tableOf(alignedSchema(aligned, meta), aligned.timestamp.length, children);
}

const SIDES = new Set<string>(['bid', 'ask']);
const GROUP_FIELDS = new Set<string>(OHLCV_FIELDS);

/**
 * Reads aligned data from an aligned Arrow table. Columns are grouped by their `<tf>.<side>.`
 * prefix in schema order; float columns are views of Arrow's buffers when they have one chunk and
 * no nulls (else one counted copy), time columns are converted once. Throws DataError:
 * MISSING_COLUMN (the `timestamp` column, a group's column, or the `primary_timeframe` metadata),
 * WRONG_TYPE, INVALID_ARGUMENT for a column name outside the schema, and the checks of
 * `alignedData` (sorted finite timestamps, lengths). `stats` counts views and copies.
 */
export function tableToAlignedData(table: Table, stats?: ColumnReadStats): AlignedData {
  const primaryTimeframe = table.schema.metadata.get(PRIMARY_TIMEFRAME_KEY);
  if (primaryTimeframe === undefined) {
    throw new DataError('MISSING_COLUMN', `schema metadata ${PRIMARY_TIMEFRAME_KEY} is missing`, { column: PRIMARY_TIMEFRAME_KEY });
  }
  const ts = table.getChild('timestamp');
  if (ts === null) throw new DataError('MISSING_COLUMN', 'column timestamp is missing', { column: 'timestamp' });
  const timestamp = readTimeColumn(ts, stats).values;
  const groups = new Map<string, Map<string, Vector>>();
  for (const field of table.schema.fields) {
    if (field.name === 'timestamp') continue;
    const parts = field.name.split('.');
    const [tf, side, name] = parts;
    if (parts.length !== 3 || tf === '' || !SIDES.has(side as string) || !GROUP_FIELDS.has(name as string)) {
      throw new DataError('INVALID_ARGUMENT', `column ${field.name} is not <timeframe>.<bid|ask>.<field>`, { column: field.name });
    }
    const prefix = `${tf}.${side}`;
    const group = groups.get(prefix) ?? new Map<string, Vector>();
    group.set(name as string, table.getChild(field.name) as Vector);
    groups.set(prefix, group);
  }
  const timeframes: Record<string, { bid?: CandleColumns; ask?: CandleColumns }> = {};
  for (const [prefix, group] of groups) {
    const [tf, side] = prefix.split('.') as [string, Side];
    for (const f of CANDLE_FIELDS) {
      if (!group.has(f)) throw new DataError('MISSING_COLUMN', `column ${prefix}.${f} is missing`, { column: `${prefix}.${f}` });
    }
    let cols: CandleColumns;
    try {
      cols = tableToCandleColumns(new Table(Object.fromEntries(group)), stats);
    } catch (error) {
      if (!isDataError(error)) throw error;
      const column = error.column === undefined ? prefix : `${prefix}.${error.column}`;
      throw new DataError(error.code, error.message.replace(`column ${error.column}`, `column ${column}`), {
        column,
        ...(error.row === undefined ? {} : { row: error.row }),
      });
    }
    timeframes[tf] = { ...timeframes[tf], [side]: cols };
  }
  return alignedData({ primaryTimeframe, timestamp, timeframes });
}

/** Arrow IPC bytes (`file` by default, or `stream`) of aligned data ({@link alignedDataToTable}). */
export function alignedDataToIPC(data: AlignedData, meta: { symbol?: string } = {}, format: 'file' | 'stream' = 'file'): Uint8Array {
  return tableToIPC(alignedDataToTable(data, meta), format);
}

/**
 * Reads aligned data from Arrow IPC bytes (file or stream), zero-copy where Arrow allows
 * ({@link tableToAlignedData}); bytes that are not Arrow IPC are a DataError WRONG_TYPE.
 */
export function alignedDataFromIPC(bytes: Uint8Array, stats?: ColumnReadStats): AlignedData {
  let table: Table;
  try {
    table = tableFromIPC(bytes);
  } catch (cause) {
    throw new DataError('WRONG_TYPE', `not Arrow IPC data (${(cause as Error).message})`, { cause });
  }
  if (table.schema.fields.length === 0) throw new DataError('WRONG_TYPE', 'not Arrow IPC data (no columns)');
  return tableToAlignedData(table, stats);
}

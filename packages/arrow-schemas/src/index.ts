/**
 * @omega-ta/arrow-schemas: the columnar data model shared by every omega-ta package (Float64Array
 * columns, one row per primary bar), its validation, its construction from the original engine's
 * candle objects, and the OHLCV Arrow schema with zero-copy conversion and IPC round trips.
 */

// Data model (types and field lists).
export {
  CANDLE_FIELDS,
  PRICE_FIELDS,
  type AlignedData,
  type CandleColumns,
  type CandleField,
  type PriceField,
  type Side,
  type TimeframeSides,
} from './model.js';

// Errors: DataError with a stable `code`, plus `column` and `row`.
export { DataError, DataErrorCode, isDataError, type DataErrorOptions } from './errors.js';

// Validating constructors and the new-bar rule.
export { alignedData, candleColumns, newBarMask, type AlignedDataInput, type CandleColumnsInput } from './columns.js';

// Building aligned data from candle objects (dicts / dataclasses of the original engine).
export { alignedFromCandles, type CandleInput, type CandleListsBySide } from './candles.js';

// The OHLCV Arrow schema and its metadata.
export {
  META_KEYS,
  OHLCV_FIELDS,
  OHLCV_SCHEMA_ID,
  candleSchema,
  candleSchemaMetadata,
  candleTableMeta,
  type CandleTableMeta,
} from './schema.js';

// Arrow conversion (zero-copy where possible) and IPC.
export {
  candleColumnsFromIPC,
  candleColumnsToIPC,
  candleColumnsToTable,
  columnReadStats,
  readCandleTable,
  readFloat64Column,
  tableFromIPC,
  tableToCandleColumns,
  tableToIPC,
  validateCandleSchema,
  type ColumnReadStats,
} from './arrow.js';

// Multi-timeframe alignment (the original runner's alignment plan): raw candle series -> plan -> AlignedData.
export {
  ALIGNMENT_DEFAULTS,
  alignTimeframes,
  applyAlignmentPlan,
  buildAlignmentPlan,
  replayAlignmentCase,
  timeframeMinutes,
  type AlignmentCaseFile,
  type AlignmentPlan,
  type AlignmentReplay,
  type RawCandleSeries,
  type RawTimeframes,
  type TimeframePlan,
  type TimestampAlignmentConfig,
} from './alignment.js';

// Candle tables in files: CSV, Parquet and Arrow IPC (one OHLCV series plus extra numeric columns).
export {
  TIMESTAMP_COLUMN_NAMES,
  candleTable,
  type CandleTable,
  type CandleTableInfo,
  type CandleTableInput,
} from './table.js';
export { readCandlesCsv, writeCandlesCsv, type ReadCandlesCsvOptions } from './csv.js';
export { type TimestampUnit } from './timestamp-text.js';
export { readCandlesParquet, writeCandlesParquet } from './parquet.js';
export { readCandlesIpc, writeCandlesIpc } from './candle-ipc.js';

// The aligned multi-timeframe Arrow schema (per primary row, per timeframe and side: OHLCV, valid, source bar time).
export {
  ALIGNED_SCHEMA_ID,
  PRIMARY_TIMEFRAME_KEY,
  alignedDataFromIPC,
  alignedDataToIPC,
  alignedDataToTable,
  alignedSchema,
  tableToAlignedData,
} from './aligned-arrow.js';

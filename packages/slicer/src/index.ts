/**
 * @omega-ta/slicer: look-ahead-free per-bar views over aligned multi-timeframe candles, a port
 * of the original engine's `SymbolDataSlice` and `CandleSet` over the columnar `AlignedData` of
 * `@omega-ta/arrow-schemas`.
 */

// The slice: latest candle, history windows and row access at a current row.
export { SymbolDataSlice, servedSide, type CompatMode, type SliceOptions, type RowsOptions } from './slice.js';

// Candles by row for several timeframes (the original's CandleSet).
export { CandleSet, type CandleSetOptions } from './candle-set.js';

// History windows (column views without copies, candles by position).
export { CandleWindow, type WindowRows } from './window.js';

// Aligned data from an aligned Arrow table or IPC bytes (zero-copy for the price columns).
export { alignedFromArrow, type AlignedArrowSource } from './from-arrow.js';

// Candle objects (one frozen object per source bar run) and the per-columns candle cache.
export { CandleSeries, candleSeries, type Candle } from './series.js';

// Replaying reference traces (golden-data/reference format) against this package.
export { replaySliceTrace, type ReplayMode, type ReplayResult, type TraceInput } from './replay.js';

// Errors are the data layer's, re-exported for convenience.
export { DataError, DataErrorCode, isDataError } from '@omega-ta/arrow-schemas';

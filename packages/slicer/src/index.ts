/**
 * @omega-ta/slicer: look-ahead-free per-bar views over aligned multi-timeframe candles, a port
 * of the original engine's `SymbolDataSlice` over the columnar `AlignedData` of
 * `@omega-ta/arrow-schemas`.
 */

// The slice: latest candle and history windows at a current row.
export { SymbolDataSlice, servedSide } from './slice.js';

// History windows (column views without copies, candles by position).
export { CandleWindow, type WindowRows } from './window.js';

// Candle objects (one frozen object per source bar run) and the per-columns candle cache.
export { CandleSeries, candleSeries, type Candle } from './series.js';

// Errors are the data layer's, re-exported for convenience.
export { DataError, DataErrorCode, isDataError } from '@omega-ta/arrow-schemas';

import { alignedDataFromIPC, tableToAlignedData, type AlignedData, type ColumnReadStats } from '@omega-ta/arrow-schemas';
import type { Table } from 'apache-arrow';

/** An aligned multi-timeframe Arrow table (schema `omega-ta.aligned/1`) or its IPC bytes (file or stream). */
export type AlignedArrowSource = Table | Uint8Array;

/**
 * The {@link AlignedData} of an aligned Arrow table or IPC bytes: the float columns are views of
 * Arrow's buffers (no copy when a column has one chunk and no nulls), time columns are converted
 * once. `stats` counts views and copies. Throws the DataErrors of `tableToAlignedData`.
 */
export function alignedFromArrow(source: AlignedArrowSource, stats?: ColumnReadStats): AlignedData {
  return source instanceof Uint8Array ? alignedDataFromIPC(source, stats) : tableToAlignedData(source, stats);
}

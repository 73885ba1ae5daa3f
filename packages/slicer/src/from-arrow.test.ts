import { alignedData, alignedDataToIPC, alignedDataToTable, columnReadStats, DataError } from '@omega-ta/arrow-schemas';
import { listDatasets, loadDataset, loadSliceTrace } from '@omega-ta/golden';
import { describe, expect, it } from 'vitest';
import { CandleSet } from './candle-set.js';
import { alignedFromArrow } from './from-arrow.js';
import { replaySliceTrace } from './replay.js';
import { SymbolDataSlice } from './slice.js';

const names = listDatasets().map((d) => d.name);

describe('slicer over aligned Arrow data', () => {
  it('replays every reference trace exactly (both modes) on data read back from Arrow IPC', () => {
    for (const name of names) {
      const bytes = alignedDataToIPC(alignedData(loadDataset(name)));
      for (const mode of ['original', 'safe'] as const) {
        const result = replaySliceTrace({ name, data: alignedFromArrow(bytes), steps: loadSliceTrace(name).steps }, mode);
        expect(result.failures, `${name} ${mode}`).toEqual([]);
        expect(result.passed, `${name} ${mode}`).toBeGreaterThan(0);
      }
    }
  });

  it('reads the price columns without copying (views of the IPC buffer), from bytes and from a table', () => {
    const data = alignedData(loadDataset('synthetic-mtf-A'));
    const bytes = alignedDataToIPC(data);
    const stats = columnReadStats();
    const fromBytes = alignedFromArrow(bytes, stats);
    expect(stats.copiedBytes).toBe(8 * data.timestamp.length * (1 + Object.values(data.timeframes).reduce((k, s) => k + (s.bid ? 1 : 0) + (s.ask ? 1 : 0), 0)));
    const tf = Object.keys(data.timeframes)[1] as string;
    const slice = SymbolDataSlice.fromArrow(bytes, 5);
    expect(slice.get(tf).close.buffer).toBe(bytes.buffer);
    expect(fromBytes.timeframes[tf]?.bid?.close.buffer).toBe(bytes.buffer);
    const table = alignedDataToTable(data);
    const set = CandleSet.fromArrow(table);
    expect(set.getAll(tf).close.buffer).toBe(data.timeframes[tf]?.bid?.close.buffer);
    expect(set.getLatest(tf, 5)).toEqual(new CandleSet(data).getLatest(tf, 5));
  });

  it('rejects bytes that are not an aligned table with a DataError', () => {
    expect(() => SymbolDataSlice.fromArrow(new Uint8Array([1, 2, 3]), 0)).toThrow(DataError);
  });
});

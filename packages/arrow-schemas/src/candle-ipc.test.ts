import { Int32, Table, makeVector, tableFromArrays, vectorFromArray } from 'apache-arrow';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { candleColumnsToIPC, tableToIPC } from './arrow.js';
import { readCandlesIpc, writeCandlesIpc } from './candle-ipc.js';
import { candleTableArb, rejection, tableDifferences } from './test-support.js';

describe('readCandlesIpc / writeCandlesIpc', () => {
  it('round trip (file and stream) keeps metadata, extra columns and every value bitwise', () => {
    fc.assert(
      fc.property(candleTableArb(), fc.constantFrom('file' as const, 'stream' as const), (table, format) => {
        const back = readCandlesIpc(writeCandlesIpc(table, format));
        expect(tableDifferences(table, back)).toEqual([]);
        expect(back.meta).toEqual(table.meta);
      }),
      { numRuns: 200 },
    );
  });

  it('rejects bad tables with the right DataError naming the source', () => {
    const good = { time: vectorFromArray([0, 1]), open: Float64Array.of(1, 1), high: Float64Array.of(1, 1), low: Float64Array.of(1, 1), close: Float64Array.of(1, 1), volume: Float64Array.of(1, 1) };
    const ipc = (columns: Record<string, unknown>): Uint8Array => tableToIPC(tableFromArrays(columns as Parameters<typeof tableFromArrays>[0]));
    const { high: _high, ...noHigh } = good;
    const missing = rejection(() => readCandlesIpc(ipc(noHigh), { source: 'a.arrow' }));
    expect([missing.code, missing.column, missing.source]).toEqual(['MISSING_COLUMN', 'high', 'a.arrow']);
    const ints = new Table({ ...Object.fromEntries(Object.entries(good).map(([k, v]) => [k, v instanceof Float64Array ? makeVector(v) : v])), note: makeVector(Int32Array.of(1, 2)) });
    expect(ints.getChild('note')?.type).toBeInstanceOf(Int32);
    const wrong = rejection(() => readCandlesIpc(tableToIPC(ints), { source: 'a.arrow' }));
    expect([wrong.code, wrong.column]).toEqual(['WRONG_TYPE', 'note']);
    const unsorted = rejection(() => readCandlesIpc(ipc({ ...good, time: Float64Array.of(5, 5) })));
    expect([unsorted.code, unsorted.row]).toEqual(['UNSORTED', 1]);
    const highLow = rejection(() => readCandlesIpc(ipc({ ...good, low: Float64Array.of(1, 2) })));
    expect([highLow.code, highLow.column, highLow.row]).toEqual(['INVALID_VALUE', 'high', 1]);
    const noTime = rejection(() => readCandlesIpc(ipc({ ...good, time: Float64Array.of(0, Number.NaN) })));
    expect([noTime.code, noTime.row]).toEqual(['INVALID_ARGUMENT', 1]);
    const garbage = rejection(() => readCandlesIpc(new Uint8Array([1, 2, 3]), { source: 'a.arrow' }));
    expect([garbage.code, garbage.source]).toEqual(['WRONG_TYPE', 'a.arrow']);
  });

  it('rejects, at the first offending row, a duplicate or earlier time and a high below the low', () => {
    fc.assert(
      fc.property(candleTableArb({ minRows: 2, maxRows: 20 }), fc.nat(), fc.constantFrom('duplicate', 'earlier', 'high<low'), (table, r, fault) => {
        const n = table.timestamp.length;
        const row = 1 + (r % (n - 1));
        const time = table.timestamp.slice();
        const high = table.columns.high.slice();
        const low = table.columns.low.slice();
        if (fault === 'high<low') [high[row], low[row]] = [1, 2];
        else time[row] = (time[row - 1] as number) - (fault === 'earlier' ? 1 : 0);
        const bytes = candleColumnsToIPC({ ...table.columns, time, high, low });
        const e = rejection(() => readCandlesIpc(bytes, { source: 'f.arrow' }));
        const expected = fault === 'high<low' ? ['INVALID_VALUE', 'high'] : ['UNSORTED', 'timestamp'];
        expect([e.code, e.column, e.row, e.source]).toEqual([...expected, row, 'f.arrow']);
      }),
      { numRuns: 200 },
    );
  });

  it('reads the float columns as views of the IPC buffer', () => {
    const timestamp = Float64Array.of(0, 1, 2);
    const v = Float64Array.of(1, 2, 3);
    const bytes = writeCandlesIpc({ timestamp, columns: { time: timestamp, open: v, high: v, low: v, close: v, volume: v }, meta: {}, extra: { x: v } });
    const t = readCandlesIpc(bytes);
    expect(t.columns.close.buffer).toBe(bytes.buffer);
    expect(t.extra?.x?.buffer).toBe(bytes.buffer);
  });
});

describe('writeCandlesIpc with columns sharing memory', () => {
  it('keeps every column when several are the same array or overlapping views (Arrow merges such buffers)', () => {
    for (const format of ['file', 'stream'] as const) {
      const timestamp = Float64Array.of(0, 1, 2);
      const backing = Float64Array.of(1, 2, 3, 4);
      const v = backing.subarray(0, 3);
      const shifted = backing.subarray(1, 4);
      const table = { timestamp, columns: { time: timestamp, open: v, high: shifted, low: v, close: v, volume: v }, meta: {}, extra: { x: v } };
      const back = readCandlesIpc(writeCandlesIpc(table, format));
      expect(tableDifferences(table, back)).toEqual([]);
      expect([...backing]).toEqual([1, 2, 3, 4]);
    }
  });
});

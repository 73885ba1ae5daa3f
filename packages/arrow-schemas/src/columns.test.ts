import { describe, expect, it } from 'vitest';
import { alignedData, candleColumns, newBarMask } from './columns.js';
import { rejection } from './test-support.js';

function cols(n: number, time?: number[]) {
  return {
    time: time ? Float64Array.from(time) : new Float64Array(n),
    open: new Float64Array(n),
    high: new Float64Array(n),
    low: new Float64Array(n),
    close: new Float64Array(n),
    volume: new Float64Array(n),
  };
}

describe('candleColumns', () => {
  it('returns the same arrays, frozen', () => {
    const input = cols(3);
    const out = candleColumns(input);
    expect(out.close).toBe(input.close);
    expect(Object.isFrozen(out)).toBe(true);
  });

  it('names the column and row of a problem', () => {
    let e = rejection(() => candleColumns({ ...cols(3), close: new Float64Array(2) }, { name: 'H1.bid' }));
    expect([e.code, e.column, e.row]).toEqual(['LENGTH_MISMATCH', 'H1.bid.close', 2]);
    e = rejection(() => candleColumns({ ...cols(3), high: [1, 2, 3] }));
    expect([e.code, e.column]).toEqual(['WRONG_TYPE', 'high']);
    e = rejection(() => candleColumns({ ...cols(3), low: undefined }));
    expect([e.code, e.column]).toEqual(['MISSING_COLUMN', 'low']);
    e = rejection(() => candleColumns(cols(3, [0, Number.POSITIVE_INFINITY, 1])));
    expect([e.code, e.column, e.row]).toEqual(['INVALID_ARGUMENT', 'time', 1]);
    e = rejection(() => candleColumns(cols(3), { expectedLength: 4 }));
    expect([e.code, e.column, e.row]).toEqual(['LENGTH_MISMATCH', 'time', 3]);
  });
});

describe('alignedData', () => {
  const timestamp = Float64Array.from([10, 20, 30]);

  it('accepts valid data without copying', () => {
    const bid = cols(3);
    const d = alignedData({ primaryTimeframe: 'H1', timestamp, timeframes: { H1: { bid }, H4: {} } });
    expect(d.timeframes.H1?.bid?.close).toBe(bid.close);
    expect(d.timestamp).toBe(timestamp);
    expect(Object.keys(d.timeframes)).toEqual(['H1', 'H4']);
  });

  it('rejects wrong lengths, unsorted or non-finite timestamps, unknown sides and bad types', () => {
    let e = rejection(() => alignedData({ primaryTimeframe: 'H1', timestamp, timeframes: { H4: { ask: cols(2) } } }));
    expect([e.code, e.column, e.row]).toEqual(['LENGTH_MISMATCH', 'H4.ask.time', 2]);
    e = rejection(() => alignedData({ primaryTimeframe: 'H1', timestamp: Float64Array.from([1, 3, 3]), timeframes: {} }));
    expect([e.code, e.column, e.row]).toEqual(['UNSORTED', 'timestamp', 2]);
    e = rejection(() => alignedData({ primaryTimeframe: 'H1', timestamp: Float64Array.from([1, Number.NaN]), timeframes: {} }));
    expect([e.code, e.column, e.row]).toEqual(['INVALID_ARGUMENT', 'timestamp', 1]);
    e = rejection(() => alignedData({ primaryTimeframe: 'H1', timestamp, timeframes: { H1: { mid: cols(3) } } }));
    expect([e.code, e.column]).toEqual(['INVALID_ARGUMENT', 'H1.mid']);
    e = rejection(() => alignedData({ primaryTimeframe: 'H1', timestamp: [1, 2], timeframes: {} }));
    expect([e.code, e.column]).toEqual(['WRONG_TYPE', 'timestamp']);
    e = rejection(() => alignedData({ primaryTimeframe: '', timestamp, timeframes: {} }));
    expect(e.code).toBe('INVALID_ARGUMENT');
  });
});

describe('newBarMask', () => {
  it('marks a row new iff it has a candle and its time differs from the nearest earlier candle', () => {
    const n = Number.NaN;
    const mask = newBarMask({ time: Float64Array.from([n, 5, 5, n, 5, 6, 6, n, 7, 5]) });
    expect([...mask]).toEqual([0, 1, 0, 0, 0, 1, 0, 0, 1, 1]);
  });
});

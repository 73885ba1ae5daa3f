import fc from 'fast-check';
import { parquetMetadata } from 'hyparquet';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { describe, expect, it } from 'vitest';
import { DataError } from './errors.js';
import { readCandlesParquet, writeCandlesParquet } from './parquet.js';
import { candleTableArb, tableDifferences } from './test-support.js';

async function rejection(promise: Promise<unknown>): Promise<DataError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(DataError);
    return error as DataError;
  }
  throw new Error('expected a DataError');
}

type Column = { name: string; data: Float64Array | BigInt64Array | string[] | (number | null)[]; type?: 'DOUBLE' | 'STRING' | 'TIMESTAMP' | 'INT64' };

/** A Parquet file written directly by hyparquet-writer (bypassing this package's validation). */
function parquetOf(columns: Column[]): Uint8Array {
  return new Uint8Array(parquetWriteBuffer({ columnData: columns }));
}

const ts = (ms: number[]): Column => ({ name: 'timestamp', data: BigInt64Array.from(ms.map((v) => BigInt(v))), type: 'TIMESTAMP' });
const price = (name: string, values: number[]): Column => ({ name, data: Float64Array.from(values), type: 'DOUBLE' });
const ohlcv = (n: number, over: Partial<Record<string, number[]>> = {}): Column[] =>
  ['open', 'high', 'low', 'close', 'volume'].map((f) => price(f, over[f] ?? new Array<number>(n).fill(1)));

describe('readCandlesParquet / writeCandlesParquet', () => {
  it('round trip keeps schema metadata and every value bitwise (NaN, -0, infinities, extras)', async () => {
    await fc.assert(
      fc.asyncProperty(candleTableArb(), async (table) => {
        const back = await readCandlesParquet(await writeCandlesParquet(table));
        expect(tableDifferences(table, back)).toEqual([]);
        expect(back.meta).toEqual(table.meta);
      }),
      { numRuns: 150 },
    );
  });

  it('writes a UTC millisecond timestamp column and required doubles, with the metadata as key-value pairs', async () => {
    const timestamp = Float64Array.of(0, 60_000);
    const bytes = await writeCandlesParquet({
      timestamp,
      columns: { time: timestamp, open: Float64Array.of(1, 2), high: Float64Array.of(1, 2), low: Float64Array.of(1, 2), close: Float64Array.of(1, 2), volume: Float64Array.of(1, 2) },
      meta: { symbol: 'EURUSD', timeframe: 'M1', priceType: 'bid' },
    });
    const md = parquetMetadata(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    expect(md.schema.slice(1).map((e) => [e.name, e.type, e.repetition_type])).toEqual([
      ['timestamp', 'INT64', 'REQUIRED'],
      ['open', 'DOUBLE', 'REQUIRED'],
      ['high', 'DOUBLE', 'REQUIRED'],
      ['low', 'DOUBLE', 'REQUIRED'],
      ['close', 'DOUBLE', 'REQUIRED'],
      ['volume', 'DOUBLE', 'REQUIRED'],
    ]);
    expect(md.schema[1]?.logical_type).toEqual({ type: 'TIMESTAMP', isAdjustedToUTC: true, unit: 'MILLIS' });
    expect(Object.fromEntries((md.key_value_metadata ?? []).map((e) => [e.key, e.value]))).toEqual({
      'omega_ta.schema': 'omega-ta.ohlcv/1',
      symbol: 'EURUSD',
      timeframe: 'M1',
      price_type: 'bid',
    });
  });

  it('reads files of other writers: nulls as NaN, int64 volume, a column named time, several row groups', async () => {
    const n = 2500;
    const times = Array.from({ length: n }, (_, i) => i * 60_000);
    const volume: Column = { name: 'Volume', data: BigInt64Array.from(times.map((_, i) => BigInt(i))), type: 'INT64' };
    const close: Column = { name: 'close', data: times.map((_, i) => (i === 3 ? null : i)) };
    const bytes = parquetOf([{ ...ts(times), name: 'time' }, ...ohlcv(n).filter((c) => c.name !== 'volume' && c.name !== 'close'), close, volume]);
    const t = await readCandlesParquet(bytes);
    expect(t.timestamp[n - 1]).toBe((n - 1) * 60_000);
    expect(t.columns.close[3]).toBeNaN();
    expect(t.columns.close[n - 1]).toBe(n - 1);
    expect(t.columns.volume[n - 1]).toBe(n - 1);
    expect(t.extra).toBeUndefined();
  });

  it('rejects bad files with the right DataError naming the source', async () => {
    const src = { source: 'bad.parquet' };
    const missing = await rejection(readCandlesParquet(parquetOf([ts([0]), ...ohlcv(1).filter((c) => c.name !== 'low')]), src));
    expect([missing.code, missing.column, missing.source]).toEqual(['MISSING_COLUMN', 'low', 'bad.parquet']);
    const noTime = await rejection(readCandlesParquet(parquetOf(ohlcv(1)), src));
    expect([noTime.code, noTime.column]).toEqual(['MISSING_COLUMN', 'timestamp']);
    const unsorted = await rejection(readCandlesParquet(parquetOf([ts([0, 60_000, 60_000]), ...ohlcv(3)]), src));
    expect([unsorted.code, unsorted.column, unsorted.row]).toEqual(['UNSORTED', 'timestamp', 2]);
    const highLow = await rejection(readCandlesParquet(parquetOf([ts([0, 1]), ...ohlcv(2, { high: [1, 1], low: [1, 2] })]), src));
    expect([highLow.code, highLow.column, highLow.row]).toEqual(['INVALID_VALUE', 'high', 1]);
    const text = await rejection(readCandlesParquet(parquetOf([ts([0]), ...ohlcv(1), { name: 'note', data: ['x'], type: 'STRING' }]), src));
    expect([text.code, text.column]).toEqual(['WRONG_TYPE', 'note']);
    const garbage = await rejection(readCandlesParquet(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]), src));
    expect([garbage.code, garbage.source]).toEqual(['WRONG_TYPE', 'bad.parquet']);
    expect(garbage.message).toMatch(/^bad\.parquet: /);
  });

  it('rejects an invalid table on write', async () => {
    const timestamp = Float64Array.of(0, 1);
    const one = Float64Array.of(1, 1);
    const e = await rejection(
      writeCandlesParquet({ timestamp, columns: { time: timestamp, open: one, high: one, low: Float64Array.of(1, 2), close: one, volume: one }, meta: {} }),
    );
    expect([e.code, e.row]).toEqual(['INVALID_VALUE', 1]);
  });
});

import {
  Float64,
  Table,
  TimestampMicrosecond,
  TimestampNanosecond,
  TimestampSecond,
  makeVector,
  tableFromArrays,
  vectorFromArray,
} from 'apache-arrow';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  candleColumnsFromIPC,
  candleColumnsToIPC,
  candleColumnsToTable,
  columnReadStats,
  readCandleTable,
  tableFromIPC,
  tableToCandleColumns,
  tableToIPC,
} from './arrow.js';
import { DataError } from './errors.js';
import { CANDLE_FIELDS, PRICE_FIELDS, type CandleColumns } from './model.js';
import { META_KEYS, OHLCV_SCHEMA_ID, candleSchema, type CandleTableMeta } from './schema.js';

const price = fc.double({ min: -1e6, max: 1e6, noNaN: true });
const nan = fc.constant(Number.NaN);
const maybePrice = fc.oneof({ arbitrary: price, weight: 4 }, { arbitrary: nan, weight: 1 });
const time = fc.oneof({ arbitrary: fc.integer({ min: -1e12, max: 4e12 }), weight: 4 }, { arbitrary: nan, weight: 1 });

const columnsArb = fc.integer({ min: 0, max: 40 }).chain((n) =>
  fc.record({
    time: fc.array(time, { minLength: n, maxLength: n }),
    open: fc.array(maybePrice, { minLength: n, maxLength: n }),
    high: fc.array(maybePrice, { minLength: n, maxLength: n }),
    low: fc.array(maybePrice, { minLength: n, maxLength: n }),
    close: fc.array(maybePrice, { minLength: n, maxLength: n }),
    volume: fc.array(maybePrice, { minLength: n, maxLength: n }),
  }),
);

const metaArb: fc.Arbitrary<CandleTableMeta> = fc.record(
  { symbol: fc.string({ maxLength: 12 }), timeframe: fc.constantFrom('M5', 'H1', 'D1'), side: fc.constantFrom('bid' as const, 'ask' as const) },
  { requiredKeys: [] },
);

function toColumns(raw: Record<(typeof CANDLE_FIELDS)[number], number[]>): CandleColumns {
  return {
    time: Float64Array.from(raw.time),
    open: Float64Array.from(raw.open),
    high: Float64Array.from(raw.high),
    low: Float64Array.from(raw.low),
    close: Float64Array.from(raw.close),
    volume: Float64Array.from(raw.volume),
  };
}

function bytes(a: Float64Array): Uint8Array {
  return new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
}

function expectBitwise(actual: CandleColumns, expected: CandleColumns): void {
  for (const f of CANDLE_FIELDS) {
    expect(actual[f].length, f).toBe(expected[f].length);
    expect(Buffer.compare(bytes(actual[f]), bytes(expected[f])), f).toBe(0);
  }
}

function expectError(fn: () => unknown, code: string, column?: string): DataError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(DataError);
    const err = e as DataError;
    expect(err.code).toBe(code);
    if (column !== undefined) expect(err.column).toBe(column);
    return err;
  }
  throw new Error(`expected a DataError ${code}`);
}

const sample: CandleColumns = toColumns({
  time: [1000, 1000, Number.NaN, 3000],
  open: [1, 1, Number.NaN, -0],
  high: [2, 2, Number.NaN, Number.POSITIVE_INFINITY],
  low: [0.5, 0.5, Number.NaN, Number.NEGATIVE_INFINITY],
  close: [1.5, 1.5, Number.NaN, Number.MIN_VALUE],
  volume: [10, 10, Number.NaN, Number.MAX_VALUE],
});

describe('candleColumnsToTable / tableToCandleColumns', () => {
  it('keeps every value bitwise and the metadata (in memory and through IPC)', () => {
    fc.assert(
      fc.property(columnsArb, metaArb, fc.constantFrom('stream' as const, 'file' as const), (raw, meta, format) => {
        const cols = toColumns(raw);
        const table = candleColumnsToTable(cols, meta);
        expectBitwise(tableToCandleColumns(table), cols);
        const back = candleColumnsFromIPC(candleColumnsToIPC(cols, meta, format));
        expectBitwise(back.columns, cols);
        expect(back.meta).toEqual(meta);
      }),
      { numRuns: 200 },
    );
  });

  it('keeps extreme values (±Infinity, -0, MIN_VALUE, MAX_VALUE) bitwise', () => {
    expectBitwise(tableToCandleColumns(candleColumnsToTable(sample)), sample);
    expectBitwise(candleColumnsFromIPC(candleColumnsToIPC(sample)).columns, sample);
  });

  it('writes the schema: Timestamp(ms, UTC) time with nulls, Float64 prices, Bool valid, metadata', () => {
    const table = candleColumnsToTable(sample, { symbol: 'EURUSD', timeframe: 'H1', side: 'ask' });
    expect(table.schema.fields.map((f) => `${f.name}:${String(f.type)}`)).toEqual(
      candleSchema().fields.map((f) => `${f.name}:${String(f.type)}`),
    );
    expect(String(table.schema.fields[0]!.type)).toBe('Timestamp<MILLISECOND, UTC>');
    expect(table.schema.metadata.get(META_KEYS.schema)).toBe(OHLCV_SCHEMA_ID);
    expect(table.schema.metadata.get('symbol')).toBe('EURUSD');
    expect(table.schema.metadata.get('timeframe')).toBe('H1');
    expect(table.schema.metadata.get('side')).toBe('ask');
    expect(table.getChild('time')!.nullCount).toBe(1);
    expect([...table.getChild('valid')!.toArray()]).toEqual([true, true, false, true]);
    expect(table.getChild('time')!.get(0)).toBe(1000);
  });

  it('shares the float buffers both ways (zero copy) and counts the time conversion', () => {
    const table = candleColumnsToTable(sample);
    for (const f of PRICE_FIELDS) expect(table.getChild(f)!.data[0]!.values).toBe(sample[f]);
    const stats = columnReadStats();
    const back = tableToCandleColumns(table, stats);
    for (const f of PRICE_FIELDS) expect(back[f].buffer).toBe(sample[f].buffer);
    expect(stats).toEqual({ views: 5, copies: 1, copiedBytes: 4 * 8 });
  });

  it('reads views after an IPC round trip and after slicing', () => {
    const stats = columnReadStats();
    const table = tableFromIPC(tableToIPC(candleColumnsToTable(sample)));
    tableToCandleColumns(table, stats);
    expect(stats.views).toBe(5);
    const sliced = candleColumnsToTable(sample).slice(1, 4);
    const cols = tableToCandleColumns(sliced);
    expect([...cols.time]).toEqual([1000, Number.NaN, 3000]);
    expect(Object.is(cols.open[2], -0)).toBe(true);
    expect(cols.close.buffer).toBe(sample.close.buffer);
  });

  it('copies once when a column has several chunks or nulls, with nulls as NaN', () => {
    const a = candleColumnsToTable(sample);
    const two = a.concat(a);
    const stats = columnReadStats();
    const cols = tableToCandleColumns(two, stats);
    expect(stats.copies).toBe(6);
    expect(stats.views).toBe(0);
    expect([...cols.close]).toEqual([...sample.close, ...sample.close]);

    const withNulls = new Table({
      time: makeVector(new Float64Array([1, 2, 3])),
      open: vectorFromArray([1, null, 3], new Float64()),
      high: makeVector(new Float64Array([1, 2, 3])),
      low: makeVector(new Float64Array([1, 2, 3])),
      close: makeVector(new Float64Array([1, 2, 3])),
      volume: makeVector(new Float64Array([1, 2, 3])),
    });
    const s2 = columnReadStats();
    const c2 = tableToCandleColumns(withNulls, s2);
    expect([...c2.open]).toEqual([1, Number.NaN, 3]);
    expect(s2).toEqual({ views: 5, copies: 1, copiedBytes: 24 });
  });

  it('accepts a Float64 time column and other timestamp units, and applies valid=false as NaN time', () => {
    const base = {
      open: new Float64Array([1, 2]),
      high: new Float64Array([1, 2]),
      low: new Float64Array([1, 2]),
      close: new Float64Array([1, 2]),
      volume: new Float64Array([1, 2]),
    };
    const f64 = tableFromArrays({ time: new Float64Array([5, 6]), ...base, valid: [true, false] });
    const cols = tableToCandleColumns(f64);
    expect([...cols.time]).toEqual([5, Number.NaN]);
    const cases = [
      [new TimestampSecond('UTC'), [1_700_000_000n, -3n], [1_700_000_000_000, -3000]],
      [new TimestampMicrosecond('UTC'), [1_700_000_000_123_456n, 1500n], [1_700_000_000_123.456, 1.5]],
      [new TimestampNanosecond('UTC'), [1_700_000_000_123_000_000n, -2_000_000n], [1_700_000_000_123, -2]],
    ] as const;
    for (const [type, raw, ms] of cases) {
      const t = new Table({
        time: makeVector({ type, data: BigInt64Array.from(raw) } as never),
        ...Object.fromEntries(Object.entries(base).map(([k, v]) => [k, makeVector(v)])),
      } as never);
      expect([...tableToCandleColumns(t).time], String(type)).toEqual([...ms]);
    }
  });

  it('reads the metadata back with readCandleTable', () => {
    const { meta } = readCandleTable(candleColumnsToTable(sample, { timeframe: 'D1' }));
    expect(meta).toEqual({ timeframe: 'D1' });
  });
});

describe('rejected tables and columns', () => {
  const base = () => ({
    time: new Float64Array([1, 2]),
    open: new Float64Array([1, 2]),
    high: new Float64Array([1, 2]),
    low: new Float64Array([1, 2]),
    close: new Float64Array([1, 2]),
    volume: new Float64Array([1, 2]),
  });

  it('names a missing column', () => {
    for (const f of CANDLE_FIELDS) {
      const cols: Record<string, Float64Array> = base();
      delete cols[f];
      expectError(() => tableToCandleColumns(tableFromArrays(cols)), 'MISSING_COLUMN', f);
    }
  });

  it('names a wrongly typed column', () => {
    expectError(() => tableToCandleColumns(tableFromArrays({ ...base(), close: new Int32Array([1, 2]) })), 'WRONG_TYPE', 'close');
    expectError(() => tableToCandleColumns(tableFromArrays({ ...base(), low: new Float32Array([1, 2]) })), 'WRONG_TYPE', 'low');
    expectError(() => tableToCandleColumns(tableFromArrays({ ...base(), time: ['a', 'b'] })), 'WRONG_TYPE', 'time');
    expectError(() => tableToCandleColumns(tableFromArrays({ ...base(), valid: new Float64Array([1, 1]) })), 'WRONG_TYPE', 'valid');
    expectError(() => candleColumnsFromIPC(tableToIPC(tableFromArrays({ x: ['a'] }))), 'MISSING_COLUMN', 'time');
  });

  it('rejects bad columns before building a table', () => {
    expectError(() => candleColumnsToTable({ ...base(), open: [1, 2] as unknown as Float64Array }), 'WRONG_TYPE', 'open');
    const err = expectError(() => candleColumnsToTable({ ...base(), volume: new Float64Array(1) }), 'LENGTH_MISMATCH', 'volume');
    expect(err.row).toBe(1);
    const e2 = expectError(() => candleColumnsToTable({ ...base(), time: new Float64Array([1, 2.5]) }), 'INVALID_ARGUMENT', 'time');
    expect(e2.row).toBe(1);
  });
});

describe('IPC round trip: schema and rejection properties', () => {
  it('keeps the schema (names, types, nullability) and metadata exactly', () => {
    fc.assert(
      fc.property(columnsArb, metaArb, fc.constantFrom('stream' as const, 'file' as const), (raw, meta, format) => {
        const back = tableFromIPC(candleColumnsToIPC(toColumns(raw), meta, format));
        const expected = candleSchema(meta);
        expect(back.schema.fields.map((f) => [f.name, String(f.type), f.nullable])).toEqual(
          expected.fields.map((f) => [f.name, String(f.type), f.nullable]),
        );
        expect([...back.schema.metadata]).toEqual([...expected.metadata]);
      }),
      { numRuns: 100 },
    );
  });

  it('rejects a table missing any column, or with any price column of another type, naming the column', () => {
    const retype = {
      Float32: (v: Float64Array) => Float32Array.from(v),
      Int32: (v: Float64Array) => Int32Array.from(v, (x) => (Number.isFinite(x) ? Math.trunc(x) % 1000 : 0)),
      Utf8: (v: Float64Array) => Array.from(v, String),
    };
    fc.assert(
      fc.property(
        columnsArb,
        fc.constantFrom(...CANDLE_FIELDS),
        fc.constantFrom(...PRICE_FIELDS),
        fc.constantFrom(...(Object.keys(retype) as (keyof typeof retype)[])),
        (raw, drop, field, type) => {
          const cols = toColumns(raw);
          const table = tableFromIPC(candleColumnsToIPC(cols));
          const kept = Object.fromEntries(table.schema.fields.filter((f) => f.name !== drop).map((f) => [f.name, table.getChild(f.name)!]));
          expectError(() => candleColumnsFromIPC(tableToIPC(new Table(kept))), 'MISSING_COLUMN', drop);
          const wrong = tableFromArrays({ ...cols, [field]: retype[type](cols[field]) } as Parameters<typeof tableFromArrays>[0]);
          expectError(() => candleColumnsFromIPC(tableToIPC(wrong)), 'WRONG_TYPE', field);
        },
      ),
      { numRuns: 100 },
    );
  });
});

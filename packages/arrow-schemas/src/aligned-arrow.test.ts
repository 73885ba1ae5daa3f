import { listDatasets, loadDataset } from '@omega-ta/golden';
import { Table, makeVector } from 'apache-arrow';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { alignedDataFromIPC, alignedDataToIPC, alignedDataToTable, tableToAlignedData } from './aligned-arrow.js';
import { columnReadStats, tableFromIPC, tableToIPC, timeColumnData } from './arrow.js';
import { alignedData } from './columns.js';
import { CANDLE_FIELDS, type AlignedData } from './model.js';
import { firstDifference, rejection } from './test-support.js';

function differences(a: AlignedData, b: AlignedData): string[] {
  const out: string[] = [];
  if (a.primaryTimeframe !== b.primaryTimeframe) out.push('primaryTimeframe');
  if (firstDifference(a.timestamp, b.timestamp) >= 0) out.push('timestamp');
  if (Object.keys(a.timeframes).join() !== Object.keys(b.timeframes).join()) out.push('timeframe order');
  for (const [tf, sides] of Object.entries(a.timeframes)) {
    for (const side of ['bid', 'ask'] as const) {
      const x = sides[side];
      const y = b.timeframes[tf]?.[side];
      if ((x === undefined) !== (y === undefined)) out.push(`${tf}.${side} presence`);
      if (x === undefined || y === undefined) continue;
      for (const f of CANDLE_FIELDS) if (firstDifference(x[f], y[f]) >= 0) out.push(`${tf}.${side}.${f}`);
    }
  }
  return out;
}

const alignedArb: fc.Arbitrary<AlignedData> = fc
  .record({
    times: fc.uniqueArray(fc.integer({ min: -1e12, max: 4e12 }), { maxLength: 25 }),
    tfs: fc.uniqueArray(fc.constantFrom('M5', 'M15', 'H1', 'H4', 'D1'), { minLength: 1, maxLength: 4 }),
    sides: fc.constantFrom(['bid'], ['ask'], ['bid', 'ask']),
  })
  .chain(({ times, tfs, sides }) => {
    const n = times.length;
    const col = (v: fc.Arbitrary<number>) => fc.array(v, { minLength: n, maxLength: n }).map((a) => Float64Array.from(a));
    const group = fc.record({
      time: col(fc.oneof(fc.integer({ min: -1e12, max: 4e12 }), fc.constant(Number.NaN))),
      open: col(fc.double()),
      high: col(fc.double()),
      low: col(fc.double()),
      close: col(fc.double()),
      volume: col(fc.double()),
    });
    return fc.array(group, { minLength: tfs.length * sides.length, maxLength: tfs.length * sides.length }).map((groups) =>
      alignedData({
        primaryTimeframe: tfs[0] as string,
        timestamp: Float64Array.from(times.sort((a, b) => a - b)),
        timeframes: Object.fromEntries(tfs.map((tf, t) => [tf, Object.fromEntries(sides.map((s, k) => [s, groups[t * sides.length + k]]))])),
      }),
    );
  });

describe('aligned multi-timeframe Arrow schema', () => {
  it('IPC round trip keeps every value bitwise, the timeframe order and the primary timeframe', () => {
    fc.assert(
      fc.property(alignedArb, fc.constantFrom('file' as const, 'stream' as const), (data, format) => {
        expect(differences(data, alignedDataFromIPC(alignedDataToIPC(data, {}, format)))).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it('round-trips every reference dataset and reads the float columns as views (only time columns are converted)', () => {
    for (const { name } of listDatasets()) {
      const ref = loadDataset(name);
      const data = alignedData({ primaryTimeframe: ref.primaryTimeframe, timestamp: ref.timestamp, timeframes: ref.timeframes });
      const bytes = alignedDataToIPC(data, { symbol: 'EURUSD' });
      const stats = columnReadStats();
      const back = alignedDataFromIPC(bytes, stats);
      expect(differences(data, back), name).toEqual([]);
      const groups = Object.values(data.timeframes).reduce((k, s) => k + (s.bid ? 1 : 0) + (s.ask ? 1 : 0), 0);
      expect(stats.views, name).toBe(5 * groups);
      expect(stats.copies, name).toBe(1 + groups);
      const table = tableFromIPC(bytes);
      expect(table.schema.metadata.get('omega_ta.schema')).toBe('omega-ta.aligned/1');
      expect(table.schema.metadata.get('symbol')).toBe('EURUSD');
      expect(table.schema.fields[0]?.name).toBe('timestamp');
    }
  });

  it('names the columns <tf>.<side>.<field> with time and valid per group', () => {
    const data = alignedData({
      primaryTimeframe: 'M5',
      timestamp: Float64Array.of(0, 300_000),
      timeframes: {
        M5: { bid: { time: Float64Array.of(0, 300_000), open: Float64Array.of(1, 2), high: Float64Array.of(1, 2), low: Float64Array.of(1, 2), close: Float64Array.of(1, 2), volume: Float64Array.of(1, 2) } },
        H1: { ask: { time: Float64Array.of(NaN, 0), open: Float64Array.of(NaN, 2), high: Float64Array.of(NaN, 2), low: Float64Array.of(NaN, 2), close: Float64Array.of(NaN, 2), volume: Float64Array.of(NaN, 2) } },
      },
    });
    const table = alignedDataToTable(data);
    expect(table.schema.fields.map((f) => f.name)).toEqual([
      'timestamp',
      ...['time', 'open', 'high', 'low', 'close', 'volume', 'valid'].map((f) => `M5.bid.${f}`),
      ...['time', 'open', 'high', 'low', 'close', 'volume', 'valid'].map((f) => `H1.ask.${f}`),
    ]);
    expect([...table.getChild('H1.ask.valid')!]).toEqual([false, true]);
    expect(table.getChild('H1.ask.time')?.get(0)).toBeNull();
    // The same array as two columns is written once each, not merged.
    const same = alignedData({ ...data, timeframes: { M5: { bid: data.timeframes.M5!.bid!, ask: data.timeframes.M5!.bid! } } });
    expect(differences(same, alignedDataFromIPC(alignedDataToIPC(same)))).toEqual([]);
  });

  it('rejects bad tables with the right error naming the column', () => {
    const data = loadDataset('synthetic-mtf-A');
    const aligned = alignedData({ primaryTimeframe: data.primaryTimeframe, timestamp: data.timestamp, timeframes: data.timeframes });
    const table = alignedDataToTable(aligned);
    const names = table.schema.fields.map((f) => f.name);
    const without = (name: string): Table => table.select(names.filter((f) => f !== name));
    const tf = Object.keys(aligned.timeframes)[1] as string;
    const side = aligned.timeframes[tf]?.bid ? 'bid' : 'ask';
    const missing = rejection(() => tableToAlignedData(tableFromIPC(tableToIPC(without(`${tf}.${side}.close`)))));
    expect([missing.code, missing.column]).toEqual(['MISSING_COLUMN', `${tf}.${side}.close`]);
    const noTs = rejection(() => tableToAlignedData(without('timestamp')));
    expect([noTs.code, noTs.column]).toEqual(['MISSING_COLUMN', 'timestamp']);
    const noMeta = rejection(() => tableToAlignedData(new Table(Object.fromEntries(names.map((f) => [f, table.getChild(f)!])))));
    expect([noMeta.code, noMeta.column]).toEqual(['MISSING_COLUMN', 'primary_timeframe']);
    const reversedTs = makeVector(timeColumnData(aligned.timestamp.slice().reverse(), 'timestamp').time);
    const reversed = new Table(Object.fromEntries(names.map((f) => [f, f === 'timestamp' ? reversedTs : table.getChild(f)!])));
    reversed.schema.metadata.set('primary_timeframe', aligned.primaryTimeframe);
    const unsorted = rejection(() => tableToAlignedData(reversed));
    expect([unsorted.code, unsorted.column, unsorted.row]).toEqual(['UNSORTED', 'timestamp', 1]);
  });
});

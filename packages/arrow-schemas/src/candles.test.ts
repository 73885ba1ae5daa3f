import { loadDataset, type ReferenceColumns } from '@omega-ta/golden';
import { describe, expect, it } from 'vitest';
import { alignedFromCandles, type CandleInput } from './candles.js';
import { newBarMask } from './columns.js';
import { PRICE_FIELDS, type CandleColumns } from './model.js';
import { rejection } from './test-support.js';

/** One candle object per run of the reference columns (README: "one candle object per such run"). */
function candleObjects(c: ReferenceColumns, withTimestamp: boolean, dropNaN: boolean): (CandleInput | null)[] {
  const out: (CandleInput | null)[] = [];
  let prev: CandleInput | null = null;
  let prevTime = Number.NaN;
  for (let i = 0; i < c.time.length; i += 1) {
    const t = c.time[i] as number;
    if (Number.isNaN(t)) {
      out.push(null);
      continue;
    }
    if (prev === null || t !== prevTime) {
      const obj: Record<string, number | null> = {};
      for (const f of PRICE_FIELDS) {
        const v = c[f][i] as number;
        if (!(dropNaN && Number.isNaN(v))) obj[f] = Number.isNaN(v) ? null : v;
      }
      if (withTimestamp) obj.timestamp = t;
      prev = obj as CandleInput;
      prevTime = t;
    }
    out.push(prev);
  }
  return out;
}

function sameValues(actual: CandleColumns, expected: ReferenceColumns, withTime: boolean): void {
  for (const f of PRICE_FIELDS) expect([...actual[f]], f).toEqual([...expected[f]]);
  expect([...newBarMask(actual)]).toEqual([...newBarMask(expected)]);
  expect(Array.from(actual.time, Number.isNaN)).toEqual(Array.from(expected.time, Number.isNaN));
  if (withTime) expect([...actual.time]).toEqual([...expected.time]);
}

describe('alignedFromCandles', () => {
  it.each([
    ['edge-stepwise-identity', false],
    ['edge-stepwise-identity', true],
    ['edge-partial-fields', false],
    ['edge-partial-fields', true],
    ['edge-none-run', false],
  ] as const)('rebuilds %s from candle objects (timestamps given: %s)', (name, withTimestamp) => {
    const ds = loadDataset(name);
    const lists: Record<string, { bid?: (CandleInput | null)[]; ask?: (CandleInput | null)[] }> = {};
    for (const [tf, sides] of Object.entries(ds.timeframes)) {
      lists[tf] = {};
      for (const side of ['bid', 'ask'] as const) {
        const c = sides[side];
        if (c) lists[tf][side] = candleObjects(c, withTimestamp, name === 'edge-partial-fields');
      }
    }
    const data = alignedFromCandles(ds.primaryTimeframe, ds.timestamp, lists);
    expect(data.primaryTimeframe).toBe(ds.primaryTimeframe);
    expect(Object.keys(data.timeframes)).toEqual(Object.keys(ds.timeframes));
    for (const [tf, sides] of Object.entries(ds.timeframes)) {
      for (const side of ['bid', 'ask'] as const) {
        const expected = sides[side];
        const actual = data.timeframes[tf]?.[side];
        expect(actual === undefined, `${tf}.${side}`).toBe(expected === undefined);
        if (expected && actual) sameValues(actual, expected, withTimestamp);
      }
    }
  });

  it('reproduces the identity rule of edge-stepwise-identity: same object after a gap, equal-valued distinct objects', () => {
    const ds = loadDataset('edge-stepwise-identity');
    const h4 = ds.timeframes.H4!.bid!;
    const data = alignedFromCandles('H1', ds.timestamp, { H4: { bid: candleObjects(h4, false, false) } });
    const mask = newBarMask(data.timeframes.H4!.bid!);
    expect(mask[17]).toBe(0); // the same object again after the None rows 15-16
    expect(mask[18]).toBe(0);
    expect(mask[11]).toBe(1); // equal values, another object
    expect(data.timeframes.H4!.bid!.time[14]).toBe(data.timeframes.H4!.bid!.time[17]);
  });

  it('gives distinct objects distinct synthetic times (also A, B, A) that avoid the real timestamps of the list', () => {
    const a = { close: 1 };
    const b = { close: 1 };
    const c = { close: 2, timestamp: 0 };
    const data = alignedFromCandles('M1', [1, 2, 3, 4, 5], { M1: { bid: [a, b, a, null, c] } });
    const t = [...data.timeframes.M1!.bid!.time];
    expect(t[0]).not.toBe(t[1]);
    expect(t[2]).toBe(t[0]);
    expect(Number.isNaN(t[3])).toBe(true);
    expect(t[4]).toBe(0);
    expect(t[0]).not.toBe(0);
    expect(t[1]).not.toBe(0);
    expect([...newBarMask(data.timeframes.M1!.bid!)]).toEqual([1, 1, 1, 0, 1]);
  });

  it('takes Date timestamps and gives NaN for missing or null fields only', () => {
    const d = new Date(Date.UTC(2024, 0, 1));
    const data = alignedFromCandles('D1', [d], { D1: { ask: [{ open: 1, high: null, close: 3, timestamp: d }] } });
    const ask = data.timeframes.D1!.ask!;
    expect(data.timestamp[0]).toBe(d.getTime());
    expect(ask.time[0]).toBe(d.getTime());
    expect([ask.open[0], ask.high[0], ask.low[0], ask.close[0], ask.volume[0]]).toEqual([1, Number.NaN, Number.NaN, 3, Number.NaN]);
  });

  it('names the list, column and row of bad input', () => {
    const bad = (fn: () => unknown) => {
      const err = rejection(fn);
      return [err.code, err.column, err.row];
    };
    expect(bad(() => alignedFromCandles('H1', [1, 2], { H1: { bid: [null] } }))).toEqual(['LENGTH_MISMATCH', 'H1.bid', 1]);
    expect(bad(() => alignedFromCandles('H1', [1], { H1: { bid: [{ close: '1' as unknown as number }] } }))).toEqual([
      'WRONG_TYPE',
      'H1.bid.close',
      0,
    ]);
    expect(bad(() => alignedFromCandles('H1', [1, 2], { H1: { bid: [null, 5 as unknown as CandleInput] } }))).toEqual([
      'WRONG_TYPE',
      'H1.bid',
      1,
    ]);
    expect(bad(() => alignedFromCandles('H1', [1], { H1: { bid: [{ timestamp: new Date(Number.NaN) }] } }))).toEqual([
      'INVALID_ARGUMENT',
      'H1.bid',
      0,
    ]);
    expect(bad(() => alignedFromCandles('H1', [2, 1], {}))).toEqual(['UNSORTED', 'timestamp', 1]);
    expect(bad(() => alignedFromCandles('H1', [1], { H1: { mid: [null] } as never }))).toEqual(['INVALID_ARGUMENT', 'H1.mid', undefined]);
  });
});

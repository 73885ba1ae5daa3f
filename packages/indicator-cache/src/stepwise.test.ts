import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { expandForwardFill, gatherRows, newBarRows } from './stepwise.js';

const n = Number.NaN;
const f64 = (values: number[]) => Float64Array.from(values);

describe('newBarRows', () => {
  it('takes the first row of each bar, skipping rows without a candle (hand-derived)', () => {
    // time:      NaN 5  5  NaN 5  6  6  NaN 7  5
    // new bar:    -  y  -   -  -  y  -   -  y  y   (5 after the gap is the same bar; 5 after 7 is not)
    expect([...newBarRows(f64([n, 5, 5, n, 5, 6, 6, n, 7, 5]))]).toEqual([1, 5, 8, 9]);
  });

  it('is empty without candles and for no rows', () => {
    expect([...newBarRows(f64([n, n, n]))]).toEqual([]);
    expect([...newBarRows(f64([]))]).toEqual([]);
  });

  it('is every row of a primary timeframe with strictly increasing times', () => {
    expect([...newBarRows(f64([1, 2, 3, 4]))]).toEqual([0, 1, 2, 3]);
  });
});

describe('gatherRows', () => {
  it('picks one value per bar, NaN included', () => {
    expect([...gatherRows(f64([10, 11, n, 13, -0]), Uint32Array.from([0, 2, 4]))]).toEqual([10, n, -0]);
    expect(Object.is(gatherRows(f64([-0]), Uint32Array.from([0]))[0], -0)).toBe(true);
  });
});

describe('expandForwardFill', () => {
  it('writes each value at its row and carries it forward like pandas ffill (hand-derived)', () => {
    const rows = Uint32Array.from([1, 3, 4, 6]);
    // full before ffill: NaN 1 NaN NaN(2nd bar) 3 NaN Inf NaN; ffill keeps the leading NaN and
    // replaces the NaN result of the 2nd bar by 1.
    const out = expandForwardFill(f64([1, n, 3, Number.POSITIVE_INFINITY]), rows, 8);
    expect([...out]).toEqual([n, 1, 1, 1, 3, 3, Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY]);
  });

  it('gives all NaN without bars and keeps -0', () => {
    expect([...expandForwardFill(f64([]), new Uint32Array(0), 3)]).toEqual([n, n, n]);
    expect(Object.is(expandForwardFill(f64([-0]), Uint32Array.from([0]), 2)[1], -0)).toBe(true);
  });

  it('rejects mismatched or out-of-range rows', () => {
    expect(() => expandForwardFill(f64([1]), Uint32Array.from([0, 1]), 2)).toThrow(RangeError);
    expect(() => expandForwardFill(f64([1]), Uint32Array.from([5]), 2)).toThrow(RangeError);
  });

  it('is the identity on a gap-free primary series, and round-trips gatherRows on bar starts', () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.integer({ min: 0, max: 4 }), { nil: undefined }), { maxLength: 60 }), (spec) => {
        // Build a carried-forward higher-timeframe time column: each entry repeats or advances.
        const time = new Float64Array(spec.length);
        let t = 0;
        spec.forEach((step, i) => {
          if (step === undefined) time[i] = n;
          else {
            t += step;
            time[i] = t;
          }
        });
        const close = Float64Array.from(time, (v, i) => (Number.isNaN(v) ? n : v * 10 + (i % 3)));
        const rows = newBarRows(time);
        const full = expandForwardFill(gatherRows(close, rows), rows, time.length);
        let last = n;
        let prevTime = n;
        for (let i = 0; i < time.length; i += 1) {
          const isNew = !Number.isNaN(time[i]!) && time[i] !== prevTime;
          if (!Number.isNaN(time[i]!)) prevTime = time[i]!;
          if (isNew) last = close[i]!;
          expect(Object.is(full[i], last)).toBe(true);
        }
      }),
    );
  });
});

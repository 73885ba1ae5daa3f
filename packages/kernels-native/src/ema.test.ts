import { describe, expect, it } from 'vitest';
import { ema } from './index.js';
import { runSeries } from './test-helpers.js';

function run(values: number[], period: number): number[] {
  return runSeries(ema, values, period);
}

describe('ema (native)', () => {
  it('follows the adjust=False recursion: alpha = 2 / (span + 1), gaps re-weight by (1 - alpha)^(k+1)', () => {
    // span 3: alpha = 0.5; the one-row gap weighs the old value 0.25: (0.25 * 1.5 + 0.5 * 4) / 0.75.
    expect(run([1, 2, Number.NaN, 4], 3)).toEqual([1, 1.5, 1.5, 19 / 6]);
  });

  it('matches values printed by pandas 1.5.3 (Infinity is missing, the value holds across NaN)', () => {
    // pd.Series([1.0, inf, 2.0, 3.0, nan, nan, 5.0]).ewm(span=3, adjust=False).mean()
    expect(run([1, Number.POSITIVE_INFINITY, 2, 3, Number.NaN, Number.NaN, 5], 3)).toEqual([
      1.0, 1.0, 1.6666666666666667, 2.3333333333333335, 2.3333333333333335, 2.3333333333333335, 4.466666666666667,
    ]);
  });

  it('is NaN until the first observation, then the observation itself', () => {
    expect(run([Number.NaN, Number.NEGATIVE_INFINITY, 7, 7], 5)).toEqual([Number.NaN, Number.NaN, 7, 7]);
  });

  it('is the input for period 1', () => {
    const x = [3.5, -2, 0, 1e12, 1e-9];
    expect(run(x, 1)).toEqual(x);
  });

  it('writes into the caller-allocated buffer (and only there)', () => {
    const close = new Float64Array([2, 4]);
    const out = new Float64Array(2);
    expect(ema(close, { period: 3 }, out)).toBeUndefined();
    expect(Array.from(out)).toEqual([2, 3]);
    expect(Array.from(close)).toEqual([2, 4]);
  });

  it('handles an empty series', () => {
    expect(run([], 10)).toEqual([]);
  });
});

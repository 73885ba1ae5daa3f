import { describe, expect, it } from 'vitest';
import { ErrorCode } from '@omega-ta/kernel-interface';
import { ema } from './ema.js';

function run(values: number[], period: number): number[] {
  const out = new Float64Array(values.length);
  ema(Float64Array.from(values), { period }, out);
  return Array.from(out);
}

describe('ema', () => {
  it('follows the adjust=False recursion: alpha = 2 / (span + 1), gaps re-weight by (1 - alpha)^(k+1)', () => {
    // span 3: alpha = 0.5. Row 3 follows a one-row gap: weight on the old value 0.5^2 = 0.25,
    // so (0.25 * 1.5 + 0.5 * 4) / 0.75 = 19/6.
    expect(run([1, 2, Number.NaN, 4], 3)).toEqual([1, 1.5, 1.5, 19 / 6]);
  });

  it('matches values printed by pandas 1.5.3 (Infinity is missing, the value holds across NaN)', () => {
    // pd.Series([1.0, inf, 2.0, 3.0, nan, nan, 5.0]).ewm(span=3, adjust=False).mean()
    expect(run([1, Number.POSITIVE_INFINITY, 2, 3, Number.NaN, Number.NaN, 5], 3)).toEqual([
      1.0, 1.0, 1.6666666666666667, 2.3333333333333335, 2.3333333333333335, 2.3333333333333335, 4.466666666666667,
    ]);
  });

  it('is NaN until the first observation, then the observation itself', () => {
    expect(run([Number.NaN, Number.NaN, 7, 7], 5)).toEqual([Number.NaN, Number.NaN, 7, 7]);
  });

  it('is the input itself for period 1', () => {
    const x = [3.5, -2, 0, 1e12, 1e-9];
    expect(run(x, 1)).toEqual(x);
  });

  it('handles an empty series', () => {
    expect(run([], 10)).toEqual([]);
  });

  it('rejects period 0 with INVALID_PARAM naming the parameter', () => {
    expect(() => run([1, 2], 0)).toThrow(expect.objectContaining({ code: ErrorCode.INVALID_PARAM, argument: 'period' }));
  });
});

import { describe, expect, it } from 'vitest';
import { ErrorCode } from '@omega-ta/kernel-interface';
import { sma } from './sma.js';

function run(values: number[], period: number): number[] {
  const out = new Float64Array(values.length);
  sma(Float64Array.from(values), { period }, out);
  return Array.from(out);
}

describe('sma', () => {
  it('needs a full window of observations', () => {
    expect(run([1, 2, 3, Number.NaN, 5, 6, 7], 2)).toEqual([Number.NaN, 1.5, 2.5, Number.NaN, Number.NaN, 5.5, 6.5]);
  });

  it('treats Infinity as missing, like pandas', () => {
    // pd.Series([1.0, inf, 2.0, 3.0, -inf, 5.0]).rolling(2, min_periods=2).mean()
    expect(run([1, Number.POSITIVE_INFINITY, 2, 3, Number.NEGATIVE_INFINITY, 5], 2)).toEqual([
      Number.NaN, Number.NaN, Number.NaN, 2.5, Number.NaN, Number.NaN,
    ]);
  });

  it('keeps the Kahan-compensated running sum of pandas 1.5.3', () => {
    // pd.Series([1e16, 1.0, -1e16, 3.0, 0.5]).rolling(2).mean(): the exact mean of the fourth
    // window is -4999999999999998.5; pandas' running sum gives -4999999999999998.
    expect(run([1e16, 1, -1e16, 3, 0.5], 2)).toEqual([Number.NaN, 5e15, -5e15, -4999999999999998, 1.75]);
  });

  it('returns the value itself on a constant window, however the sum rounds', () => {
    // pd.Series([1e10, 3.3, 0.1, 0.1, 0.1, 0.7, 0.7, 0.7]).rolling(3).mean()
    expect(run([1e10, 3.3, 0.1, 0.1, 0.1, 0.7, 0.7, 0.7], 3)).toEqual([
      Number.NaN, Number.NaN, 3333333334.4666667, 1.1666666666666667, 0.1, 0.3, 0.5, 0.7,
    ]);
  });

  it('is the input itself for period 1', () => {
    const x = [3.5, -2, 0, 1e12, 1e-9];
    expect(run(x, 1)).toEqual(x);
  });

  it('rejects period 0 (the contract; IndicatorCache reproduces the original all-NaN result)', () => {
    expect(() => run([1, 2], 0)).toThrow(expect.objectContaining({ code: ErrorCode.INVALID_PARAM, argument: 'period' }));
  });
});

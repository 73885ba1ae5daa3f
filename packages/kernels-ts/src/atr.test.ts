import { describe, expect, it } from 'vitest';
import { ErrorCode } from '@omega-ta/kernel-interface';
import { atr } from './atr.js';
import { pairwiseSum } from './pairwise-sum.js';
import { trueRangeInto } from './true-range.js';

const NaN_ = Number.NaN;

function run(h: number[], l: number[], c: number[], period: number): number[] {
  const out = new Float64Array(h.length);
  atr(Float64Array.from(h), Float64Array.from(l), Float64Array.from(c), { period }, out);
  return Array.from(out);
}

describe('true range', () => {
  it('skips missing terms and is |high - low| on the first bar', () => {
    // pd.concat([...], axis=1).max(axis=1, skipna=True) printed by pandas 1.5.3
    const out = new Float64Array(4);
    trueRangeInto([3, 4, NaN_, 5], [1, 2, 1, NaN_], [2, 3, 2, 4], out);
    expect(Array.from(out)).toEqual([2, 2, 2, 3]);
  });
});

describe('pairwise sum', () => {
  it('is numpy 1.24, not a naive loop', () => {
    // np.sum([1e16] + [1.0] * 8) prints 1.0000000000000008e+16; a naive loop gives 1e16.
    expect(pairwiseSum([1e16, 1, 1, 1, 1, 1, 1, 1, 1], 0, 9)).toBe(1.0000000000000008e16);
    expect(pairwiseSum([5, 1e16, 1, 1, 1, 1, 1, 1, 1, 1], 1, 9)).toBe(1.0000000000000008e16);
  });
});

describe('atr', () => {
  it('seeds with the mean, smooths, and repeats the last value over a gap', () => {
    // tr = [2, 2, 3, 1, NaN, 2]: mean(2, 2) = 2; (2 + 3) / 2 = 2.5; (2.5 + 1) / 2 = 1.75;
    // repeated; (1.75 + 2) / 2 = 1.875 (as the original prints under pandas 1.5.3).
    expect(run([3, 4, 6, 5, NaN_, 8], [1, 2, 3, 4, NaN_, 6], [2, 3, 5, 4.5, NaN_, 7], 2)).toEqual([
      NaN_, 2, 2.5, 1.75, 1.75, 1.875,
    ]);
  });

  it('starts at the first bar with a true range and needs a full finite seed window', () => {
    expect(run([NaN_, 3, 4, 6], [NaN_, 1, 2, 3], [NaN_, 2, 3, 5], 2)).toEqual([NaN_, NaN_, 2, 2.5]);
    // A gap inside the seed window: the original gives up (all NaN).
    expect(run([3, NaN_, 4, 6], [1, NaN_, 2, 3], [2, NaN_, 3, 5], 2)).toEqual([NaN_, NaN_, NaN_, NaN_]);
  });

  it('treats an infinite price as an infinite range, not as missing (the original loop)', () => {
    const inf = Number.POSITIVE_INFINITY;
    expect(run([3, 4, inf, 6], [1, 2, 3, 3], [2, 3, 5, 5], 2)).toEqual([NaN_, 2, inf, inf]);
  });

  it('rejects period 0 (the original silently returns all NaN)', () => {
    const x = new Float64Array(3);
    expect(() => atr(x, x, x, { period: 0 }, new Float64Array(3))).toThrow(expect.objectContaining({ code: ErrorCode.INVALID_PARAM }));
  });
});

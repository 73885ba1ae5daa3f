import { describe, expect, it } from 'vitest';
import { ErrorCode } from '@omega-ta/kernel-interface';
import { roc } from './roc.js';

const NaN_ = Number.NaN;
const INF = Number.POSITIVE_INFINITY;

function run(values: number[], period?: number): number[] {
  const out = new Float64Array(values.length).fill(-1);
  roc(Float64Array.from(values), period === undefined ? {} : { period }, out);
  return Array.from(out);
}

describe('roc', () => {
  it('is the percent change over `period` bars (values printed by pandas 1.5.3)', () => {
    // prev = close.shift(2); (close - prev) / prev * 100.0
    expect(run([100, 101, 99, 103], 2)).toEqual([NaN_, NaN_, -1, 1.9801980198019802]);
  });

  it('keeps the operation order and IEEE division by zero (pandas 1.5.3)', () => {
    // (1.1 - 1) / 1 * 100 = 10.000000000000009, not 10; x / 0 = ±inf; 0 / 0 and inf - inf = NaN
    expect(run([1, 1.1, 0, 2, 0, -0, INF, 3, NaN_, 4], 1)).toEqual([
      NaN_, 10.000000000000009, -100, INF, -100, NaN_, -Number.POSITIVE_INFINITY, NaN_, NaN_, NaN_,
    ]);
  });

  it('is NaN everywhere when the series is not longer than the period', () => {
    expect(run([1, 2, 3], 3)).toEqual([NaN_, NaN_, NaN_]);
    expect(run([1, 2], 2 ** 31 - 1)).toEqual([NaN_, NaN_]);
    expect(run([])).toEqual([]);
  });

  it('defaults period to 14', () => {
    const x = Array.from({ length: 20 }, (_, i) => 10 + i);
    const out = run(x);
    expect(out.slice(0, 14).every(Number.isNaN)).toBe(true);
    expect(out[14]).toBe(((24 - 10) / 10) * 100);
  });

  it('rejects period 0 and negative periods (the original: zeros / look-ahead) with INVALID_PARAM', () => {
    for (const period of [0, -1]) {
      expect(() => run([1, 2], period)).toThrow(expect.objectContaining({ code: ErrorCode.INVALID_PARAM, argument: 'period' }));
    }
  });
});

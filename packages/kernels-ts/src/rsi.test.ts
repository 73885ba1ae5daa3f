import { describe, expect, it } from 'vitest';
import { ErrorCode } from '@omega-ta/kernel-interface';
import { rsi } from './rsi.js';

const NaN_ = Number.NaN;
const INF = Number.POSITIVE_INFINITY;

function run(values: number[], period?: number): number[] {
  const out = new Float64Array(values.length).fill(-1);
  rsi(Float64Array.from(values), period === undefined ? {} : { period }, out);
  return Array.from(out);
}

describe('rsi', () => {
  it('is Wilder smoothing of gains and losses (hand-derived, period 2: alpha = 1/2)', () => {
    // deltas 1, -1: avg_gain = 1 then (0.5 * 1 + 0.5 * 0) / 1 = 0.5; avg_loss = 0 then 0.5.
    // rsi = 100 - 100 / (1 + 1/0) = 100, then 100 - 100 / (1 + 1) = 50.
    expect(run([1, 2, 1], 2)).toEqual([NaN_, 100, 50]);
  });

  it('matches values printed by pandas 1.5.3 (the average holds across a gap)', () => {
    // close.diff() -> clip -> ewm(alpha=1/3, adjust=False).mean(); 100 - 100 / (1 + rs)
    expect(run([1, 2, 1.5, 1.5, NaN_, 3, 2, 2.5], 3)).toEqual([
      NaN_, 100, 80, 80, 80, 80, 26.44628099173555, 44.11302982731555,
    ]);
  });

  it('keeps ±Infinity through diff and clip: only the ewm skips it (pandas 1.5.3)', () => {
    // deltas: 1, inf, -inf, -2, 1 -> gains 1, inf(skipped), 0, 0, 1; losses 0, 0, inf(skipped), 2, 0
    expect(run([1, 2, INF, 3, 1, 2], 2)).toEqual([NaN_, 100, 100, 100, 11.111111111111114, 46.666666666666664]);
  });

  it('is NaN while both averages are 0 (0 / 0) and 100 when only the loss is (pandas 1.5.3)', () => {
    expect(run([5, 5, 5, 6, 6])).toEqual([NaN_, NaN_, NaN_, 100, 100]);
    // period 1: alpha = 1, so every flat bar is 0 / 0 again
    expect(run([1, 2, 1, 1, 3], 1)).toEqual([NaN_, 100, 0, NaN_, 100]);
  });

  it('clips huge, subnormal and signed-zero differences like pandas 1.5.3', () => {
    // |delta| = 1e308 >= 2^1023 and 2e308 -> Infinity take the exact fallback of the clip; 5e-324 a subnormal.
    expect(run([0, 1e308, 0, -1e308, 5e-324, 0, 3], 2)).toEqual([
      NaN_, 100, 50, 25, 62.50000000000001, 62.50000000000001, 62.50000000000001,
    ]);
    expect(run([0, -0, 0, 2, -0, 1], 3)).toEqual([NaN_, NaN_, NaN_, 100, 40, 58.62068965517241]);
  });

  it('stays within [0, 100]', () => {
    const x = Float64Array.from({ length: 500 }, (_, i) => 100 + 10 * Math.sin(i * 0.7) + ((i * 7919) % 13));
    for (const period of [1, 2, 14, 200]) {
      const out = new Float64Array(x.length);
      rsi(x, { period }, out);
      for (const v of out.subarray(1)) expect(v >= 0 && v <= 100).toBe(true);
    }
  });

  it('handles an empty series and defaults period to 14', () => {
    expect(run([])).toEqual([]);
    expect(run([1, 2, 3, 2], 14)).toEqual(run([1, 2, 3, 2]));
  });

  it('rejects period 0 (the original: ZeroDivisionError) with INVALID_PARAM', () => {
    expect(() => run([1, 2], 0)).toThrow(expect.objectContaining({ code: ErrorCode.INVALID_PARAM, argument: 'period' }));
  });
});

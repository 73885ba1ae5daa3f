import { describe, expect, it } from 'vitest';
import { ErrorCode } from '@omega-ta/kernel-interface';
import { macd } from './macd.js';

const NaN_ = Number.NaN;

function run(values: number[], params: Record<string, number> = {}): [number[], number[], number[]] {
  const outs = [0, 1, 2].map(() => new Float64Array(values.length).fill(-1)) as [Float64Array, Float64Array, Float64Array];
  macd(Float64Array.from(values), params, ...outs);
  return outs.map((o) => Array.from(o)) as [number[], number[], number[]];
}

describe('macd', () => {
  it('matches values printed by pandas 1.5.3 (gaps held, Infinity missing)', () => {
    // m = c.ewm(span=2).mean() - c.ewm(span=3).mean(); s = m.ewm(span=2).mean(); m - s
    const [m, s, h] = run([1, 2, NaN_, 4, 3, Number.POSITIVE_INFINITY, 5], { fast_period: 2, slow_period: 3, signal_period: 2 });
    expect(m).toEqual([
      0.0, 0.16666666666666652, 0.16666666666666652, 0.5, 0.13888888888888928, 0.13888888888888928, 0.38492063492063533,
    ]);
    expect(s).toEqual([
      0.0, 0.11111111111111101, 0.14814814814814803, 0.382716049382716, 0.22016460905349822, 0.1659807956104256,
      0.3119406884838987,
    ]);
    expect(h).toEqual([
      0.0, 0.05555555555555551, 0.01851851851851849, 0.11728395061728403, -0.08127572016460893, -0.02709190672153633,
      0.07297994643673661,
    ]);
  });

  it('is NaN until the first observation, and the histogram is macd - signal', () => {
    const [m, s, h] = run([NaN_, NaN_, 3, 4, 8]);
    expect(m.slice(0, 2)).toEqual([NaN_, NaN_]);
    expect(s.slice(0, 2)).toEqual([NaN_, NaN_]);
    expect(h.slice(0, 2)).toEqual([NaN_, NaN_]);
    expect(m[2]).toBe(0);
    h.forEach((v, i) => i >= 2 && expect(v).toBe(m[i]! - s[i]!));
  });

  it('is identically 0 when fast and slow spans are equal', () => {
    const [m, s, h] = run([1, 5, 2, 8], { fast_period: 4, slow_period: 4, signal_period: 1 });
    expect([...m, ...s, ...h].every((v) => v === 0)).toBe(true);
  });

  it('rejects span 0 (the original: ValueError span >= 1) with INVALID_PARAM naming it', () => {
    for (const name of ['fast_period', 'slow_period', 'signal_period']) {
      expect(() => run([1, 2], { [name]: 0 })).toThrow(expect.objectContaining({ code: ErrorCode.INVALID_PARAM, argument: name }));
    }
  });
});

import { describe, expect, it } from 'vitest';
import { ErrorCode } from '@omega-ta/kernel-interface';
import { bollinger } from './bollinger.js';
import { rollingStdInto, rollingVarInto } from './rolling-var.js';

const NaN = Number.NaN;
const INF = Number.POSITIVE_INFINITY;

function run(values: number[], period: number, stdFactor = 2): { upper: number[]; mid: number[]; lower: number[] } {
  const n = values.length;
  const upper = new Float64Array(n);
  const mid = new Float64Array(n);
  const lower = new Float64Array(n);
  bollinger(Float64Array.from(values), { period, std_factor: stdFactor }, upper, mid, lower);
  return { upper: Array.from(upper), mid: Array.from(mid), lower: Array.from(lower) };
}

function rolling(f: typeof rollingVarInto, values: number[], window: number): number[] {
  const out = new Float64Array(values.length);
  f(Float64Array.from(values), window, out);
  return Array.from(out);
}

// Every expected value below was printed by pandas 1.5.3 (`s.rolling(w, min_periods=w).var()`,
// `.std()`, and `mid ± k * std` as in the original IndicatorCache.bollinger).
describe('rollingVarInto / rollingStdInto (pandas roll_var, ddof=1)', () => {
  it('is the sample variance of full windows', () => {
    expect(rolling(rollingVarInto, [1, 2, 3, 4, 6], 3)).toEqual([NaN, NaN, 1, 1, 2.333333333333334]);
  });

  it('is exactly 0 on windows of equal values, across gaps too', () => {
    expect(rolling(rollingVarInto, [0.1, 0.1, 0.1, 0.1, 0.3], 3)).toEqual([NaN, NaN, 0, 0, 0.013333333333333329]);
  });

  it('keeps the negative rounding residue of the variance; the std clamps it to +0 (zsqrt)', () => {
    const x = [1e16, 1, -1e16, 3, 0.5];
    expect(rolling(rollingVarInto, x, 2)).toEqual([NaN, 4.999999999999999e31, 4.999999999999999e31, 5.000000000000001e31, -27021597764222972]);
    const std = rolling(rollingStdInto, x, 2);
    expect(std).toEqual([NaN, 7071067811865475, 7071067811865475, 7071067811865476, 0]);
    expect(Object.is(std[4], 0)).toBe(true);
  });

  it('stays NaN after ssqdm overflowed to inf - inf, like pandas', () => {
    expect(rolling(rollingStdInto, [1, 1e308, -1e308, 2, 3, 4], 2)).toEqual([NaN, INF, NaN, NaN, NaN, NaN]);
  });
});

describe('bollinger', () => {
  it('is mid ± std_factor * std over full windows', () => {
    expect(run([1, 2, 3, 4, 6], 3)).toEqual({
      upper: [NaN, NaN, 4, 5, 7.3883837966372266],
      mid: [NaN, NaN, 2, 3, 4.333333333333333],
      lower: [NaN, NaN, 0, 1, 1.2782828700294395],
    });
  });

  it('is NaN while the window holds a gap (NaN or ±Infinity)', () => {
    expect(run([1, 2, NaN, 4, 5, 6, INF, 8], 2)).toEqual({
      upper: [NaN, 2.914213562373095, NaN, NaN, 5.914213562373095, 6.914213562373095, NaN, NaN],
      mid: [NaN, 1.5, NaN, NaN, 4.5, 5.5, NaN, NaN],
      lower: [NaN, 0.08578643762690485, NaN, NaN, 3.085786437626905, 4.085786437626905, NaN, NaN],
    });
  });

  it('collapses to the value itself on constant windows', () => {
    expect(run([0.1, 0.1, 0.1, 0.1, 0.3], 3)).toEqual({
      upper: [NaN, NaN, 0.1, 0.1, 0.3976067743425169],
      mid: [NaN, NaN, 0.1, 0.1, 0.16666666666666666],
      lower: [NaN, NaN, 0.1, 0.1, -0.06427344100918361],
    });
  });

  it('uses the defaults period 20 and std_factor 2', () => {
    const x = Float64Array.from({ length: 25 }, (_, i) => i * i);
    const explicit = { upper: new Float64Array(25), mid: new Float64Array(25), lower: new Float64Array(25) };
    const defaults = { upper: new Float64Array(25), mid: new Float64Array(25), lower: new Float64Array(25) };
    bollinger(x, { period: 20, std_factor: 2 }, explicit.upper, explicit.mid, explicit.lower);
    bollinger(x, {}, defaults.upper, defaults.mid, defaults.lower);
    expect(defaults).toEqual(explicit);
    expect(Number.isNaN(defaults.mid[18]!)).toBe(true);
    expect(defaults.mid[19]).toBe(123.5); // mean of 0², …, 19²
  });

  it('rejects period 1 and 0 and a negative std_factor (the original gives all-NaN bands or swaps them)', () => {
    for (const [params, argument] of [
      [{ period: 1 }, 'period'],
      [{ period: 0 }, 'period'],
      [{ period: -1 }, 'period'],
      [{ std_factor: -0.5 }, 'std_factor'],
    ] as const) {
      expect(() => bollinger(new Float64Array(3), params, new Float64Array(3), new Float64Array(3), new Float64Array(3))).toThrow(
        expect.objectContaining({ code: ErrorCode.INVALID_PARAM, argument }),
      );
    }
  });
});

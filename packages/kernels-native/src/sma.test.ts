import { describe, expect, it } from 'vitest';
import { sma } from './index.js';
import { runSeries } from './test-helpers.js';

function run(values: number[], period: number): number[] {
  return runSeries(sma, values, period);
}

describe('sma (native)', () => {
  it('averages full windows only', () => {
    expect(run([1, 2, 3, 4, 5], 3)).toEqual([Number.NaN, Number.NaN, 2, 3, 4]);
  });

  it('is NaN while the window holds a gap (NaN or ±Infinity)', () => {
    expect(run([1, 2, Number.NaN, 4, 5, 6, Number.NEGATIVE_INFINITY, 8], 2)).toEqual([
      Number.NaN, 1.5, Number.NaN, Number.NaN, 4.5, 5.5, Number.NaN, Number.NaN,
    ]);
  });

  it('is exact on constant windows (the consecutive-equal-values rule)', () => {
    // 0.1 + 0.1 + 0.1 is 0.30000000000000004, yet the mean of three 0.1 is 0.1.
    expect(run([0.1, 0.1, 0.1, 0.1], 3)).toEqual([Number.NaN, Number.NaN, 0.1, 0.1]);
  });

  it('clamps a mean whose sign contradicts every value of the window to +0', () => {
    const out = run([-1203128419911083000, 1, 1, 13141250765482546, 0.25, 1], 2);
    expect(out).toEqual([Number.NaN, -601564209955541500, 1, 6570625382741274, 6570625382741273, 0]);
    expect(Object.is(out[5], 0)).toBe(true);
  });

  it('keeps -0 (signbit semantics)', () => {
    expect(Object.is(run([-0, -0], 2)[1], -0)).toBe(true);
    expect(Object.is(run([5, -0], 1)[1], -0)).toBe(true);
  });

  it('handles empty and short series', () => {
    expect(run([], 3)).toEqual([]);
    expect(run([1, 2], 3)).toEqual([Number.NaN, Number.NaN]);
  });
});

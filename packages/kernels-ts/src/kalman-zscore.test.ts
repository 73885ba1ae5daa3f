import { describe, expect, it } from 'vitest';
import { ErrorCode } from '@omega-ta/kernel-interface';
import { kalman_zscore } from './kalman-zscore.js';

const NaN_ = Number.NaN;
const INF = Number.POSITIVE_INFINITY;

function run(values: number[], params: { window?: number; R?: number; Q?: number } = {}): number[] {
  const out = new Float64Array(values.length).fill(-1);
  kalman_zscore(Float64Array.from(values), params, out);
  return Array.from(out);
}

// Expected values printed by the original's expression (`resid = close - kalman_mean`,
// `resid / resid.rolling(window).std()`) under pandas 1.5.3 / numpy 1.24.2.
describe('kalman_zscore', () => {
  it('is the residual over its rolling standard deviation', () => {
    expect(run([1, 2, 4, 3, 5], { window: 2 })).toEqual([NaN_, 1.4142135623730951, 2.81442900820605, -0.4636454235259393, 0.9475378814226622]);
    expect(run([1, 2, 4, 3, 5, 4.5], { window: 3, R: 0.5, Q: 0.05 })).toEqual([
      NaN_, NaN_, 1.9546041858596606, 0.5493940123375282, 2.3075892845965718, 1.252479031481082,
    ]);
  });

  it('is NaN for flat closes (0 / 0) and from an infinite or missing close on', () => {
    expect(run([1, 1, 1, 1], { window: 2 })).toEqual([NaN_, NaN_, NaN_, NaN_]);
    expect(run([1, 2, INF, 3, 4], { window: 2 })).toEqual([NaN_, 1.4142135623730951, NaN_, NaN_, NaN_]);
    expect(run([1, 2, NaN_, 3], { window: 2 })).toEqual([NaN_, 1.4142135623730951, NaN_, NaN_]);
  });

  it('defaults to window 100', () => {
    const out = run(Array.from({ length: 101 }, (_, i) => Math.sin(i)));
    expect(out.slice(0, 99).every(Number.isNaN)).toBe(true);
    expect(Number.isFinite(out[99])).toBe(true);
  });

  it('rejects window < 2 and variances outside the contract with INVALID_PARAM', () => {
    for (const params of [{ window: 1 }, { window: 0 }, { window: 2.5 }, { R: 0 }, { Q: -1 }]) {
      expect(() => run([1, 2], params)).toThrow(expect.objectContaining({ code: ErrorCode.INVALID_PARAM }));
    }
  });
});

import { describe, expect, it } from 'vitest';
import { ErrorCode } from '@omega-ta/kernel-interface';
import { kalman_mean } from './kalman-mean.js';

const NaN_ = Number.NaN;
const INF = Number.POSITIVE_INFINITY;

function run(values: number[], params: { R?: number; Q?: number } = {}): number[] {
  const out = new Float64Array(values.length).fill(-1);
  kalman_mean(Float64Array.from(values), params, out);
  return Array.from(out);
}

// Every expected value below was printed by the original `_kalman_mean_from_series` under
// pandas 1.5.3 / numpy 1.24.2.
describe('kalman_mean', () => {
  it('filters the closes with R = 0.01, Q = 1 by default', () => {
    expect(run([1, 2, 4, 3])).toEqual([1, 1.9901960784313726, 3.980294145919446, 3.0096116508514577]);
  });

  it('starts at the first non-NaN close and treats +Infinity as a measurement', () => {
    expect(run([NaN_, 10, 11, INF, 12], { R: 0.5, Q: 0.05 })).toEqual([NaN_, 10, 10.523809523809524, INF, NaN_]);
  });

  it('stays NaN after a missing close, as the original (it never restarts)', () => {
    expect(run([5, 6, NaN_, 7])).toEqual([5, 5.990196078431373, NaN_, NaN_]);
  });

  it('is the running mean for Q = 0', () => {
    expect(run([1, 2, 3, 4], { R: 1, Q: 0 })).toEqual([1, 1.5, 2, 2.5]);
  });

  it('is all NaN without a close and empty for an empty series', () => {
    expect(run([NaN_, NaN_])).toEqual([NaN_, NaN_]);
    expect(run([])).toEqual([]);
  });

  it('rejects R <= 0, Q < 0 and non-finite variances with INVALID_PARAM', () => {
    for (const params of [{ R: 0 }, { R: -1 }, { Q: -1e-9 }, { R: INF }, { Q: NaN_ }, { R: 1e301 }]) {
      expect(() => run([1, 2], params)).toThrow(expect.objectContaining({ code: ErrorCode.INVALID_PARAM }));
    }
  });
});

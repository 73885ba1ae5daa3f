import { describe, expect, it } from 'vitest';
import { ErrorCode } from '@omega-ta/kernel-interface';
import { garch_volatility } from './garch-volatility.js';

const NaN_ = Number.NaN;

function garch(values: number[], params: Record<string, number> = {}): number[] {
  const out = new Float64Array(values.length).fill(-1);
  garch_volatility(Float64Array.from(values), params, out);
  return Array.from(out);
}

// Expected values printed by the original's garch_volatility / kalman_garch_zscore under
// pandas 1.5.3 / numpy 1.24.2. The log-return cases use price ratios that are powers of 2, whose
// logs numpy and fdlibm round alike (elsewhere they may differ in the last ulp:
// docs/known-differences.md); the pct_change cases involve no log and are exact.
const DOUBLING = [100, 200, 100, 400, 200, 100];
const WIGGLE = [100, 101, 99.5, 102, 101, 103];
const PCT = { alpha: 0.08, omega: 1e-5, use_log_returns: 0, min_periods: 2, sigma_floor: 0.001 };

describe('garch_volatility', () => {
  it('is the original GARCH(1,1) sigma', () => {
    expect(garch(DOUBLING, { min_periods: 0 })).toEqual([
      NaN_, 1e-5, 9.746794344808964e-6, 0.30998484297484663, 0.33242171001250265, 0.44220399901800195,
    ]);
    // pct_change forward-fills the missing close (its return is 0, not missing)
    expect(garch([100, 101, NaN_, 99.5, 102, 101], PCT)).toEqual([
      NaN_, NaN_, NaN_, 0.002828777297703022, 0.007523994153835345, 0.008321851317845142,
    ]);
  });

  it('starts at max(1e-6, sigma_floor²) and keeps NaN for min_periods rows after the first return', () => {
    const out = garch(WIGGLE, { min_periods: 3 });
    expect(out.slice(0, 4)).toEqual([NaN_, NaN_, NaN_, NaN_]);
    expect(garch([1, NaN_, 2, 3], { min_periods: 0, sigma_floor: 0.01 })[3]).toBe(Math.sqrt(1e-4) / 100);
  });

  it('is all NaN when alpha + beta >= 1, for fewer than two closes, or without a return', () => {
    expect(garch(WIGGLE, { alpha: 0.1, beta: 0.9, min_periods: 0 }).every(Number.isNaN)).toBe(true);
    expect(garch([5], { min_periods: 0 })).toEqual([NaN_]);
    expect(garch([NaN_, 5, NaN_], { min_periods: 0 }).every(Number.isNaN)).toBe(true);
  });

  it('rejects parameters outside the contract with INVALID_PARAM', () => {
    for (const params of [{ alpha: -0.1 }, { beta: 1.5 }, { omega: -2 }, { use_log_returns: 2 }, { scale: 0 }, { min_periods: -1 }, { sigma_floor: -1 }]) {
      expect(() => garch([1, 2], params)).toThrow(expect.objectContaining({ code: ErrorCode.INVALID_PARAM }));
    }
  });
});

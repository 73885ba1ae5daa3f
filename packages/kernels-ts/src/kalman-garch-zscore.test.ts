import { describe, expect, it } from 'vitest';
import { kalman_garch_zscore } from './kalman-garch-zscore.js';

const NaN_ = Number.NaN;

function kgz(values: number[], params: Record<string, number> = {}): number[] {
  const out = new Float64Array(values.length).fill(-1);
  kalman_garch_zscore(Float64Array.from(values), params, out);
  return Array.from(out);
}

// Expected values printed by the original's kalman_garch_zscore under pandas 1.5.3 / numpy
// 1.24.2. The log-return case uses price ratios that are powers of 2, whose logs numpy and fdlibm
// round alike; the pct_change case involves no log.
const DOUBLING = [100, 200, 100, 400, 200, 100];
const WIGGLE = [100, 101, 99.5, 102, 101, 103];
const PCT = { alpha: 0.08, omega: 1e-5, use_log_returns: 0, min_periods: 2, sigma_floor: 0.001 };

describe('kalman_garch_zscore', () => {
  it('is the Kalman residual over the price-scaled GARCH sigma', () => {
    expect(kgz(DOUBLING, { min_periods: 1 })).toEqual([
      NaN_, NaN_, -996.0954874613124, 0.02364583303492254, -0.029062866288368162, -0.022601143775939837,
    ]);
    expect(kgz(WIGGLE, { R: 0.5, Q: 0.05, ...PCT })).toEqual([
      NaN_, NaN_, NaN_, 1.7568619317496792, 0.22749215618027668, 1.615589951088809,
    ]);
  });

  it('is NaN where the close (so the price sigma) is 0', () => {
    expect(kgz([1, 2, 0, 0, 1], { min_periods: 0, use_log_returns: 0 })[2]).toBeNaN();
  });
});

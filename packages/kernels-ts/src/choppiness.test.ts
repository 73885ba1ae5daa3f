import { describe, expect, it } from 'vitest';
import { ErrorCode } from '@omega-ta/kernel-interface';
import { choppiness } from './choppiness.js';
import { log10 } from './log10.js';
import { rollingExtremeInto, rollingSumInto } from './rolling.js';

const NaN_ = Number.NaN;

function run(h: number[], l: number[], c: number[], period: number): number[] {
  const out = new Float64Array(h.length);
  choppiness(Float64Array.from(h), Float64Array.from(l), Float64Array.from(c), { period }, out);
  return Array.from(out);
}

describe('log10', () => {
  it('is fdlibm: equal to V8 Math.log10 bit for bit', () => {
    let state = 0x2545f491;
    for (let i = 0; i < 20000; i += 1) {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      const x = Math.exp((state / 2 ** 32) * 1400 - 700) * (1 + i / 20000);
      expect(Object.is(log10(x), Math.log10(x))).toBe(true);
    }
    for (const x of [0, -0, -1, 1, 10, 14, 5e-324, Number.MAX_VALUE, Number.POSITIVE_INFINITY, NaN_]) {
      expect(log10(x)).toBe(Math.log10(x));
    }
  });
});

describe('rolling sum / max / min', () => {
  it('match pandas 1.5.3', () => {
    // pd.Series([0.1, 0.1, 0.1, 1.0, nan, 2.0, 3.0]).rolling(3).sum()
    const sum = new Float64Array(7);
    rollingSumInto([0.1, 0.1, 0.1, 1, NaN_, 2, 3], 3, sum);
    expect(Array.from(sum)).toEqual([NaN_, NaN_, 0.30000000000000004, 1.2, NaN_, NaN_, NaN_]);
    // x = pd.Series([0.0, -0.0, 1.0, nan, 1.0, 2.0, inf, 2.0]); x.rolling(2).max(), .min()
    const x = [0, -0, 1, NaN_, 1, 2, Number.POSITIVE_INFINITY, 2];
    const max = new Float64Array(8);
    const min = new Float64Array(8);
    rollingExtremeInto(x, 2, 1, max);
    rollingExtremeInto(x, 2, -1, min);
    expect(Array.from(max)).toEqual([NaN_, -0, 1, NaN_, NaN_, 2, NaN_, NaN_]);
    expect(Array.from(min)).toEqual([NaN_, -0, -0, NaN_, NaN_, 1, NaN_, NaN_]);
  });
});

describe('choppiness', () => {
  it('matches the original under pandas 1.5.3 up to the last bit of log10', () => {
    // IndicatorCache.choppiness(period=3), printed by pandas 1.5.3 / numpy 1.24.2 (AVX-512 log10).
    const expected = [NaN_, NaN_, 63.09297535714574, 46.497352071792726, 32.465952512796235, 71.7684817926211];
    const out = run([10, 11, 10.5, 12, 12.5, 11], [9, 9.5, 9, 10.5, 11, 10], [9.5, 10.5, 10, 11.5, 12, 10.5], 3);
    out.forEach((v, i) => {
      if (Number.isNaN(expected[i]!)) expect(v).toBeNaN();
      else expect(Math.abs(v - expected[i]!)).toBeLessThanOrEqual(4 * Number.EPSILON * expected[i]!);
    });
  });

  it('is NaN on flat windows', () => {
    expect(run([2, 2, 2], [2, 2, 2], [2, 2, 2], 2)).toEqual([NaN_, NaN_, NaN_]);
  });

  it('rejects period 1 (log10(1) = 0: the original returns only Infinity and NaN)', () => {
    const x = new Float64Array(3);
    expect(() => choppiness(x, x, x, { period: 1 }, new Float64Array(3))).toThrow(
      expect.objectContaining({ code: ErrorCode.INVALID_PARAM }),
    );
  });
});

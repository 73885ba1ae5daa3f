import { describe, expect, it } from 'vitest';
import { dmi } from './dmi.js';

const NaN_ = Number.NaN;

function run(h: number[], l: number[], c: number[], period: number): number[][] {
  const outs = [0, 1, 2].map(() => new Float64Array(h.length));
  dmi(Float64Array.from(h), Float64Array.from(l), Float64Array.from(c), { period }, outs[0]!, outs[1]!, outs[2]!);
  return outs.map((o) => Array.from(o));
}

describe('dmi', () => {
  it('matches the original under pandas 1.5.3', () => {
    // IndicatorCache.dmi(period=3) on these bars, printed by pandas 1.5.3.
    const [p, m, a] = run([10, 11, 10.5, 12, 12.5, 11], [9, 9.5, 9, 10.5, 11, 10], [9.5, 10.5, 10, 11.5, 12, 10.5], 3);
    expect(p).toEqual([0, 28.57142857142857, 17.391304347826086, 42.68292682926829, 39.59183673469388, 23.832923832923832]);
    expect(m).toEqual([0, 0, 13.043478260869565, 7.317073170731708, 4.8979591836734695, 22.850122850122844]);
    expect(a).toEqual([NaN_, 100, 71.42857142857143, 71.19628339140534, 73.45807271965248, 49.67380286573324]);
  });

  it('is 0/0 = NaN on flat bars and keeps directional movement at 0 across a gap', () => {
    for (const out of run([1.5, 1.5, 1.5], [1.5, 1.5, 1.5], [1.5, 1.5, 1.5], 2)) expect(out).toEqual([NaN_, NaN_, NaN_]);
    // Printed by pandas 1.5.3: on and after the gap +DM is 0.0 (comparisons with NaN are False)
    // while the ewm of the true range holds its value.
    const [p, , a] = run([3, 4, NaN_, 6], [1, 2, NaN_, 3], [2, 3, NaN_, 5], 2);
    expect(p).toEqual([0, 25, 12.5, 4.6875]);
    expect(a).toEqual([NaN_, 100, 100, 100]);
  });

  it('can exceed 100 by one ulp, like the original', () => {
    // pandas 1.5.3 prints -DI = 100.00000000000001 on the third bar.
    const [, m] = run([1.2345, 1e-10, 1e-10], [1.2345, 1e-10, 1e-10], [1.2345, 1e-10, 1e-10], 56);
    expect(m).toEqual([NaN_, 100, 100.00000000000001]);
  });
});

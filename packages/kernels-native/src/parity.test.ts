import { describe, expect, it } from 'vitest';
import tsKernel from '@omega-ta/kernels-ts';
import { loadNativeKernel } from './load.js';
import { firstDifference, int, prng, randomSeries } from './test-helpers.js';

const native = loadNativeKernel();

function compare(name: 'ema' | 'sma', x: Float64Array, period: number): void {
  const expected = new Float64Array(x.length).fill(12345);
  const actual = new Float64Array(x.length).fill(54321);
  tsKernel[name](x, { period }, expected);
  native.kernel![name](x, { period }, actual);
  const at = firstDifference(actual, expected);
  if (at !== -1) {
    expect.fail(
      `${name}(period ${period}) differs at index ${at}: native ${actual[at]} vs kernels-ts ${expected[at]}; ` +
        `input ${JSON.stringify(Array.from(x, String))}`,
    );
  }
}

describe.each(['ema', 'sma'] as const)('%s: native output is bitwise equal to @omega-ta/kernels-ts', (name) => {
  it('has a native kernel to compare', () => {
    expect(native.reason).toBeNull();
  });

  it('on 2,000 random series (NaN gaps, ±Infinity, repeats, ±0, magnitudes 1e-9..1e12, periods 1..300)', () => {
    const rand = prng(name === 'ema' ? 0x5eed_0e3a : 0x5eed_05aa);
    for (let s = 0; s < 2000; s += 1) {
      const period = rand() < 0.2 ? int(rand, 1, 5) : int(rand, 1, 300);
      const length = rand() < 0.1 ? int(rand, 0, period + 1) : int(rand, 0, 1200);
      compare(name, randomSeries(rand, length), period);
    }
  });

  it('on constant series and on long windows of tiny and huge values', () => {
    for (const v of [0.1, -0.1, 0, -0, 1e-9, 1e12, 3]) {
      compare(name, new Float64Array(500).fill(v), 7);
    }
    const rand = prng(7);
    const x = Float64Array.from({ length: 5000 }, (_, i) => (i % 2 === 0 ? 1e12 : 1e-9) * (1 + rand()));
    for (const period of [1, 2, 3, 299, 300, 4999, 5000, 5001, 2 ** 31 - 1]) compare(name, x, period);
  });

  it('where sums overflow (values near Number.MAX_VALUE): same NaN/Infinity propagation', () => {
    const rand = prng(11);
    for (let s = 0; s < 200; s += 1) {
      const x = Float64Array.from({ length: int(rand, 1, 60) }, () => {
        const r = rand();
        if (r < 0.1) return Number.NaN;
        return (rand() < 0.5 ? -1 : 1) * Number.MAX_VALUE * rand();
      });
      compare(name, x, int(rand, 1, 10));
    }
  });
});

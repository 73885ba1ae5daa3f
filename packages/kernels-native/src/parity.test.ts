import { describe, expect, it } from 'vitest';
import tsKernel from '@omega-ta/kernels-ts';
import { loadNativeKernel } from './load.js';
import { firstDifference, int, prng, randomSeries } from './test-helpers.js';

const native = loadNativeKernel();

function compare(name: 'ema' | 'sma' | 'rsi' | 'roc', x: Float64Array, period: number): void {
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

const SEEDS = { ema: 0x5eed_0e3a, sma: 0x5eed_05aa, rsi: 0x5eed_0751, roc: 0x5eed_0a0c } as const;

describe.each(['ema', 'sma', 'rsi', 'roc'] as const)('%s: native output is bitwise equal to @omega-ta/kernels-ts', (name) => {
  it('has a native kernel to compare', () => {
    expect(native.reason).toBeNull();
  });

  it('on 2,000 random series (NaN gaps, ±Infinity, repeats, ±0, magnitudes 1e-9..1e12, periods 1..300)', () => {
    const rand = prng(SEEDS[name]);
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

function compareMacd(x: Float64Array, fast_period: number, slow_period: number, signal_period: number): void {
  const params = { fast_period, slow_period, signal_period };
  const expected = [0, 1, 2].map(() => new Float64Array(x.length).fill(12345)) as [Float64Array, Float64Array, Float64Array];
  const actual = [0, 1, 2].map(() => new Float64Array(x.length).fill(54321)) as [Float64Array, Float64Array, Float64Array];
  tsKernel.macd(x, params, ...expected);
  native.kernel!.macd(x, params, ...actual);
  ['macd', 'signal', 'histogram'].forEach((output, k) => {
    const at = firstDifference(actual[k]!, expected[k]!);
    if (at !== -1) {
      expect.fail(
        `macd(${fast_period}, ${slow_period}, ${signal_period}) ${output} differs at index ${at}: native ${actual[k]![at]} ` +
          `vs kernels-ts ${expected[k]![at]}; input ${JSON.stringify(Array.from(x, String))}`,
      );
    }
  });
}

describe('macd: native output is bitwise equal to @omega-ta/kernels-ts', () => {
  it('on 2,000 random series (NaN gaps, ±Infinity, repeats, ±0, magnitudes 1e-9..1e12, spans 1..300)', () => {
    const rand = prng(0x5eed_0acd);
    for (let s = 0; s < 2000; s += 1) {
      const span = (): number => (rand() < 0.2 ? int(rand, 1, 5) : int(rand, 1, 300));
      compareMacd(randomSeries(rand, rand() < 0.1 ? int(rand, 0, 10) : int(rand, 0, 1200)), span(), span(), span());
    }
  });

  it('where the EMAs overflow (values near Number.MAX_VALUE): same NaN/Infinity propagation', () => {
    const rand = prng(13);
    for (let s = 0; s < 200; s += 1) {
      const x = Float64Array.from({ length: int(rand, 1, 60) }, () =>
        rand() < 0.1 ? Number.NaN : (rand() < 0.5 ? -1 : 1) * Number.MAX_VALUE * rand(),
      );
      compareMacd(x, int(rand, 1, 10), int(rand, 1, 10), int(rand, 1, 10));
    }
  });
});

import { describe, expect, it } from 'vitest';
import tsKernel from '@omega-ta/kernels-ts';
import { loadBinding, type NativeBinding } from './binding.js';
import { loadNativeKernel } from './load.js';
import { firstDifference, int, prng, randomSeries } from './test-helpers.js';

const native = loadNativeKernel();
const raw = loadBinding().binding as NativeBinding;
type Hlc = 'atr' | 'dmi' | 'choppiness';
const outputs: Record<Hlc, number> = { atr: 1, dmi: 3, choppiness: 1 };

function call(kernel: unknown, name: Hlc, x: Float64Array[], period: number, outs: Float64Array[]): void {
  (kernel as Record<Hlc, (...args: unknown[]) => void>)[name](...x, { period }, ...outs);
}

function compare(name: Hlc, x: Float64Array[], period: number): void {
  const n = x[0]!.length;
  const expected = Array.from({ length: outputs[name] }, () => new Float64Array(n).fill(12345));
  const actual = Array.from({ length: outputs[name] }, () => new Float64Array(n).fill(54321));
  call(tsKernel, name, x, period, expected);
  call(native.kernel, name, x, period, actual);
  expected.forEach((e, k) => {
    const at = firstDifference(actual[k]!, e);
    if (at !== -1) {
      expect.fail(`${name}(period ${period}) output ${k} differs at ${at}: native ${actual[k]![at]} vs kernels-ts ${e[at]}`);
    }
  });
}

/** high/low/close: either three independent random series (inconsistent bars, extremes) or bars around one. */
function randomBars(rand: () => number, length: number): Float64Array[] {
  if (rand() < 0.3) return [randomSeries(rand, length), randomSeries(rand, length), randomSeries(rand, length)];
  const close = randomSeries(rand, length);
  const spread = rand() < 0.2 ? 0 : rand() * 0.05;
  return [close.map((c) => c * (1 + spread)), close.map((c) => c * (1 - spread)), close];
}

describe.each(['atr', 'dmi', 'choppiness'] as const)('%s: native output is bitwise equal to @omega-ta/kernels-ts', (name) => {
  it('on 1,500 random bar series (NaN gaps, ±Infinity, repeats, ±0, magnitudes 1e-9..1e12, periods 1..300)', () => {
    const rand = prng(name.length * 0x9e37 + 0x5eed);
    const min = name === 'choppiness' ? 2 : 1;
    for (let s = 0; s < 1500; s += 1) {
      const period = rand() < 0.2 ? int(rand, min, 5) : int(rand, min, 300);
      const length = rand() < 0.1 ? int(rand, 0, period + 1) : int(rand, 0, 800);
      compare(name, randomBars(rand, length), period);
    }
  });

  it('on constant bars and long windows (pairwise sums beyond 128 values, huge periods)', () => {
    for (const v of [0.1, 0, -0, 1e-9, 1e12]) {
      const x = new Float64Array(400).fill(v);
      compare(name, [x, x, x], 7);
    }
    const rand = prng(3);
    const bars = randomBars(rand, 3000);
    for (const period of [2, 129, 256, 1000, 2999, 3000, 3001, 2 ** 31 - 1]) compare(name, bars, period);
  });
});

describe('the raw napi binding of the high/low/close kernels', () => {
  const h = new Float64Array([3, 4, 6, 5]);
  const l = new Float64Array([1, 2, 3, 4]);
  const c = new Float64Array([2, 3, 5, 4.5]);

  it('computes into the outputs', () => {
    const out = new Float64Array(4);
    raw.atr(h, l, c, 2, out);
    expect(Array.from(out)).toEqual([Number.NaN, 2, 2.5, 1.75]);
  });

  it('rejects outputs that overlap an input or each other, and mismatched lengths, without writing', () => {
    const buffer = new Float64Array(12).fill(7);
    const [a, b, d] = [buffer.subarray(0, 4), buffer.subarray(4, 8), buffer.subarray(8, 12)];
    expect(() => raw.dmi(h, l, c, 2, a, buffer.subarray(2, 6), d)).toThrow('dmi: minus_di overlaps plus_di; pass a separate buffer');
    expect(() => raw.dmi(h, l, c, 2, a, b, a)).toThrow('dmi: adx overlaps plus_di');
    expect(() => raw.atr(h, l, c, 2, h)).toThrow('atr: out overlaps high');
    expect(() => raw.choppiness(h, l, c, 2, c)).toThrow('choppiness: out overlaps close');
    expect(() => raw.dmi(h, l, c, 2, a, b, buffer.subarray(8, 11))).toThrow('out has length 3, expected 4');
    expect(() => raw.choppiness(h, l, c, 1, a)).toThrow('choppiness: period must be an integer in [2, 2147483647] (got 1)');
    expect(Array.from(buffer)).toEqual(new Array(12).fill(7));
    // Inputs may share memory: they are only read.
    expect(() => raw.dmi(h, h, h, 2, a, b, d)).not.toThrow();
  });
});

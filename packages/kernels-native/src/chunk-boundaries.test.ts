import { describe, expect, it } from 'vitest';
import { callKernel, findIndicator } from '@omega-ta/kernel-interface';
import tsKernel from '@omega-ta/kernels-ts';
import { loadNativeKernel } from './load.js';
import { firstDifference, int, prng, randomSeries } from './test-helpers.js';

// kernels-ts runs long series in chunks (its chunkEnd: 16 chunks of 64 rows, then 4096 rows each),
// carrying each kernel's running state from chunk to chunk; the native kernels run one loop.
// Series of a few chunks with gaps, runs of equal values and sign changes across the chunk
// boundaries must give the same bits.
const CHUNK_ROWS = 4096;
const WARM_CHUNK_ROWS = 64;
const WARM_ROWS = 16 * WARM_CHUNK_ROWS;
const native = loadNativeKernel();

/** The rows where kernels-ts starts a new chunk in a series of `length` rows. */
function chunkBoundaries(length: number): number[] {
  const boundaries: number[] = [];
  for (let b = WARM_CHUNK_ROWS; b < length; b += b < WARM_ROWS ? WARM_CHUNK_ROWS : CHUNK_ROWS) boundaries.push(b);
  return boundaries;
}

/** A random series of `length` rows whose rows around each chunk boundary are gaps, repeats or sign flips. */
function seriesAcrossChunks(rand: () => number, length: number): Float64Array {
  const x = randomSeries(rand, length);
  for (const boundary of chunkBoundaries(length)) {
    const kind = rand();
    const reach = boundary <= WARM_ROWS ? 20 : 40;
    const from = boundary - int(rand, 0, reach);
    const to = Math.min(boundary + int(rand, 0, reach), x.length);
    for (let i = from; i < to; i += 1) x[i] = kind < 0.4 ? Number.NaN : kind < 0.8 ? x[from - 1]! : -x[i]!;
  }
  return x;
}

const OPS = [
  ['ema', { period: 10 }],
  ['sma', { period: 30 }],
  ['rsi', { period: 14 }],
  ['macd', { fast_period: 12, slow_period: 26, signal_period: 9 }],
  ['bollinger', { period: 20, std_factor: 2 }],
  ['dmi', { period: 14 }],
] as const;

describe.each(OPS)('%s across kernels-ts chunk boundaries', (name, params) => {
  it('is bitwise equal to the native kernel on 12 series of 3+ chunks', () => {
    expect(native.reason).toBeNull();
    const spec = findIndicator(name)!;
    const rand = prng(0x5eed_c4c4 + name.length);
    for (let s = 0; s < 12; s += 1) {
      // One series per input (dmi: high, low, close): any values, the same bits expected.
      const length = 3 * CHUNK_ROWS + int(rand, 1, 300);
      const inputs = spec.inputs.map(() => seriesAcrossChunks(rand, length));
      const x = inputs[0]!;
      const expected = spec.outputs.map(() => new Float64Array(x.length).fill(12345));
      const actual = spec.outputs.map(() => new Float64Array(x.length).fill(54321));
      callKernel(tsKernel, name, inputs, params, expected);
      callKernel(native.kernel!, name, inputs, params, actual);
      spec.outputs.forEach((output, k) => {
        const at = firstDifference(actual[k]!, expected[k]!);
        if (at !== -1) expect.fail(`${name} ${output}, series ${s}: differs at ${at}: native ${actual[k]![at]} vs ts ${expected[k]![at]}`);
      });
    }
  });
});

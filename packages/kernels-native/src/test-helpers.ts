// Helpers shared by the test files (not part of the build: only src/index.ts is an entry).
import { expect } from 'vitest';

/** Deterministic PRNG (mulberry32) so that failures reproduce. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An integer in [min, max]. */
export function int(rand: () => number, min: number, max: number): number {
  return min + Math.floor(rand() * (max - min + 1));
}

/** A random price-like series: magnitudes 1e-9..1e12, NaN gaps, ±Infinity, runs of repeats, ±0. */
export function randomSeries(rand: () => number, length: number): Float64Array {
  const x = new Float64Array(length);
  // Each series draws around its own scale, so windows mix similar magnitudes (like prices),
  // with occasional far-off values.
  const scale = 10 ** (-9 + rand() * 21);
  const pGap = rand() < 0.3 ? 0 : rand() * 0.2;
  const pRepeat = rand() * 0.4;
  for (let i = 0; i < length; i += 1) {
    const r = rand();
    if (i > 0 && r < pRepeat) {
      x[i] = x[i - 1]!;
    } else if (rand() < pGap) {
      const kind = rand();
      x[i] = kind < 0.7 ? Number.NaN : kind < 0.85 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
    } else {
      const kind = rand();
      if (kind < 0.03) x[i] = -0;
      else if (kind < 0.06) x[i] = 0;
      else if (kind < 0.1) x[i] = (rand() < 0.5 ? -1 : 1) * 10 ** (-9 + rand() * 21);
      else x[i] = (rand() < 0.15 ? -1 : 1) * scale * (0.5 + rand());
    }
  }
  return x;
}

/** Index of the first element where `a` and `b` differ bitwise (NaN equals NaN), or -1. */
export function firstDifference(a: Float64Array, b: Float64Array): number {
  if (a.length !== b.length) return 0;
  for (let i = 0; i < a.length; i += 1) {
    if (!Object.is(a[i], b[i])) return i;
  }
  return -1;
}

/** The Error that a call of the raw binding throws; fails the test when it does not throw. */
export function rawError(call: () => unknown): Error & { code?: unknown } {
  try {
    call();
  } catch (error) {
    expect(error).toBeInstanceOf(Error);
    return error as Error & { code?: unknown };
  }
  return expect.fail('expected the raw binding to throw');
}

/** Runs a one-series kernel (`ema`, `sma`, …) with `period` on `values` and returns its output as an array. */
export function runSeries(
  kernel: (close: Float64Array, params: { period: number }, out: Float64Array) => void,
  values: readonly number[],
  period: number,
): number[] {
  const out = new Float64Array(values.length);
  kernel(Float64Array.from(values), { period }, out);
  return Array.from(out);
}

import fc from 'fast-check';
import type { IndicatorSpec, InputName, ParamSpec } from '@omega-ta/kernel-interface';

/** A generated OHLCV table (equal-length columns). */
export type Ohlcv = Readonly<Record<InputName, Float64Array>>;

/** The longest generated series, in rows. */
export const MAX_LENGTH = 400;

/** An OHLCV table around `close`: open = previous close, high/low spread by `spread` (cycled). */
export function fromClose(close: number[], spread: number[]): Ohlcv {
  const n = close.length;
  const open = new Float64Array(n);
  const high = new Float64Array(n);
  const low = new Float64Array(n);
  const volume = new Float64Array(n);
  for (let i = 0; i < n; i += 1) {
    const c = close[i]!;
    const o = i === 0 ? c : close[i - 1]!;
    const s = Math.abs(spread[i % spread.length] ?? 0);
    open[i] = o;
    high[i] = Math.max(o, c) * (1 + s);
    low[i] = Math.min(o, c) * (1 - s);
    volume[i] = Math.round(1000 * (1 + s * 100));
  }
  return { open, high, low, close: Float64Array.from(close), volume };
}

/** Realistic prices: a geometric random walk from a start in [1e-3, 1e5] with steps of at most ±5 %. */
export const realisticOhlcv: fc.Arbitrary<Ohlcv> = fc
  .tuple(
    fc.double({ min: 1e-3, max: 1e5, noNaN: true }),
    fc.array(fc.double({ min: -0.05, max: 0.05, noNaN: true }), { maxLength: MAX_LENGTH }),
    fc.array(fc.double({ min: 0, max: 0.02, noNaN: true }), { minLength: 1, maxLength: 16 }),
  )
  .map(([start, steps, spread]) => {
    const close: number[] = [];
    let p = start;
    for (const s of steps) {
      p *= 1 + s;
      close.push(p);
    }
    return fromClose(close, spread);
  });

/** `tables` with missing bars: NaN runs (whole rows, up to 6 of up to 30 rows) at random places. */
export function withGaps(tables: fc.Arbitrary<Ohlcv>): fc.Arbitrary<Ohlcv> {
  return fc
    .tuple(tables, fc.array(fc.tuple(fc.nat(MAX_LENGTH), fc.integer({ min: 1, max: 30 })), { maxLength: 6 }))
    .map(([table, gaps]) => {
      const out = Object.fromEntries(Object.entries(table).map(([k, v]) => [k, Float64Array.from(v)])) as Record<
        InputName,
        Float64Array
      >;
      const n = out.close.length;
      for (const [at, len] of gaps) {
        for (let i = at; i < Math.min(n, at + len); i += 1) {
          for (const col of Object.values(out)) col[i] = Number.NaN;
        }
      }
      return out;
    });
}

/** Realistic prices with missing bars: NaN runs (whole rows) at random places. */
export const gappyOhlcv: fc.Arbitrary<Ohlcv> = withGaps(realisticOhlcv);

const extremeValue = fc.oneof(
  fc.double({ min: 1e-10, max: 1e-8, noNaN: true }),
  fc.double({ min: 1e11, max: 1e13, noNaN: true }),
  fc.double({ min: -1e6, max: 1e6, noNaN: true }),
  fc.constantFrom(0, -0, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 1.2345, 1e-9, 1e12),
);

/** Runs of extreme values (up to 120 runs of 1-5 rows), with fast-check's array `size`. */
function extremeTables(size: fc.SizeForArbitrary): fc.Arbitrary<Ohlcv> {
  return fc.array(fc.tuple(extremeValue, fc.integer({ min: 1, max: 5 })), { maxLength: 120, size }).map((runs) => {
    const close: number[] = [];
    for (const [v, repeat] of runs) for (let r = 0; r < repeat; r += 1) close.push(v);
    const c = Float64Array.from(close);
    return { open: c, high: c, low: c, close: c, volume: c };
  });
}

/** Values that stress edge semantics: tiny, huge, zero, -0, NaN, ±Infinity and repeats. */
export const extremeOhlcv: fc.Arbitrary<Ohlcv> = extremeTables('small');

/** Every series generator, named for reports. */
export const seriesGenerators: readonly { readonly name: string; readonly arbitrary: fc.Arbitrary<Ohlcv> }[] = [
  { name: 'realistic', arbitrary: realisticOhlcv },
  { name: 'NaN gaps', arbitrary: gappyOhlcv },
  { name: 'extreme values', arbitrary: extremeOhlcv },
];

/** xorshift32 from `seed`: a fast stream of uniform numbers in [0, 1). */
function uniformStream(seed: number): () => number {
  let state = seed | 0 || 0x2545f491;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
}

/**
 * Realistic prices at realistic lengths (0 to MAX_LENGTH rows): a geometric random walk from a
 * start in [1e-3, 1e5] with steps of at most ±volatility (<= 5 %) and spreads of at most 2 %.
 * fast-check draws the length, start, volatility and a seed; the rows come from a fast PRNG on
 * that seed, because fast-check's own per-value generation costs ~350 µs for 200 rows, too much
 * for the differential check's 100,000 series.
 */
export const longRealisticOhlcv: fc.Arbitrary<Ohlcv> = fc
  .record({
    length: fc.nat(MAX_LENGTH),
    start: fc.double({ min: 1e-3, max: 1e5, noNaN: true }),
    volatility: fc.double({ min: 0, max: 0.05, noNaN: true }),
    seed: fc.integer(),
  })
  .map(({ length, start, volatility, seed }) => {
    const uniform = uniformStream(seed);
    const close: number[] = [];
    const spread: number[] = [];
    let p = start;
    for (let i = 0; i < length; i += 1) {
      p *= 1 + volatility * (2 * uniform() - 1);
      close.push(p);
      spread.push(0.02 * uniform());
    }
    return fromClose(close, spread);
  });

/**
 * The differential check's generators: the same three kinds as {@link seriesGenerators}, at
 * realistic lengths (fast-check's `small` size keeps those at most 10 rows, 38 for extreme values).
 */
export const differentialGenerators: readonly { readonly name: string; readonly arbitrary: fc.Arbitrary<Ohlcv> }[] = [
  { name: 'realistic', arbitrary: longRealisticOhlcv },
  { name: 'NaN gaps', arbitrary: withGaps(longRealisticOhlcv) },
  { name: 'extreme values', arbitrary: extremeTables('max') },
];

function paramArbitrary(spec: ParamSpec): fc.Arbitrary<number> {
  const hi = Math.min(spec.max, spec.min + 300);
  return spec.kind === 'integer'
    ? fc.integer({ min: spec.min, max: hi })
    : fc.double({ min: spec.min, max: hi, noNaN: true, noDefaultInfinity: true });
}

/** Valid parameter objects for `spec`, within a range that keeps warm-up shorter than the series. */
export function paramsArbitrary(spec: IndicatorSpec): fc.Arbitrary<Record<string, number>> {
  const entries = spec.params.map((p) => paramArbitrary(p).map((v) => [p.name, v] as const));
  return fc.tuple(...entries).map((pairs) => Object.fromEntries(pairs));
}

/** The input columns `spec` reads, in its order. */
export function inputsOf(spec: IndicatorSpec, table: Ohlcv): Float64Array[] {
  return spec.inputs.map((name) => table[name]);
}

/** Fresh NaN-filled output buffers for `spec` over `length` rows. */
export function outputsOf(spec: IndicatorSpec, length: number): Float64Array[] {
  return spec.outputs.map(() => new Float64Array(length).fill(Number.NaN));
}

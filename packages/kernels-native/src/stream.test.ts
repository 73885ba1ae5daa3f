import { describe, expect, it } from 'vitest';
import {
  callKernel,
  indicatorList,
  isOmegaTaError,
  type IndicatorName,
  type IndicatorSpec,
  type IndicatorStream,
} from '@omega-ta/kernel-interface';
import { createStream as tsCreateStream } from '@omega-ta/kernels-ts';
import { loadBinding, type NativeBinding } from './binding.js';
import { createStream } from './index.js';
import { loadNativeKernel } from './load.js';
import { int, prng, randomSeries, rawError } from './test-helpers.js';

const native = loadNativeKernel();
const raw = loadBinding().binding as NativeBinding;

/** Three parameter sets per indicator: defaults, every integer at its minimum, random integers. */
function paramSets(spec: IndicatorSpec, rand: () => number): Record<string, number>[] {
  const base = (p: IndicatorSpec['params'][number]): number => p.default ?? Math.max(p.min, 5);
  const sets: Record<string, number>[] = [Object.fromEntries(spec.params.map((p) => [p.name, base(p)]))];
  sets.push(Object.fromEntries(spec.params.map((p) => [p.name, p.kind === 'integer' ? p.min : base(p)])));
  sets.push(Object.fromEntries(spec.params.map((p) => [p.name, p.kind === 'integer' ? int(rand, p.min, Math.min(p.max, p.min + 40)) : base(p)])));
  return sets;
}

function columns(spec: IndicatorSpec, rand: () => number, length: number): Float64Array[] {
  if (spec.inputs.length === 1) return [randomSeries(rand, length)];
  const close = randomSeries(rand, length);
  const high = close.map((c) => (rand() < 0.03 ? Number.NaN : c + Math.abs(c) * rand() * 0.02));
  const low = close.map((c) => (rand() < 0.03 ? Number.NaN : c - Math.abs(c) * rand() * 0.02));
  return [high, low, close];
}

function same(a: number, b: number): boolean {
  return Object.is(a, b) || (Number.isNaN(a) && Number.isNaN(b));
}

/** Feeds both streams the same random mix of update, replace and updateMany, comparing after every call. */
function feedBoth(spec: IndicatorSpec, ours: IndicatorStream, theirs: IndicatorStream, inputs: Float64Array[], expected: Float64Array[], rand: () => number): void {
  const n = inputs[0]!.length;
  const bar = (row: number): [number, number, number] => [inputs[0]![row]!, inputs[1]?.[row] ?? 0, inputs[2]?.[row] ?? 0];
  const check = (row: number, how: string): void => {
    expect(ours.length, how).toBe(theirs.length);
    expect(ours.ready, how).toBe(theirs.ready);
    for (let k = 0; k < spec.outputs.length; k += 1) {
      const [a, b] = [ours.value(k), theirs.value(k)];
      if (!same(a, b) || !same(a, expected[k]![row]!)) {
        expect.fail(`${spec.name} ${JSON.stringify(ours.params)} ${how} row ${row} output ${k}: native ${a}, kernels-ts ${b}, batch ${expected[k]![row]}`);
      }
    }
  };
  let row = 0;
  while (row < n) {
    const r = rand();
    if (r < 0.3) {
      const end = Math.min(n, row + int(rand, 1, 50));
      const outs = spec.outputs.map(() => new Float64Array(end - row));
      const slices = inputs.map((x) => x.subarray(row, end));
      ours.updateMany(slices, outs);
      theirs.updateMany(slices, spec.outputs.map(() => new Float64Array(end - row)));
      for (let i = row; i < end; i += 1) {
        for (let k = 0; k < outs.length; k += 1) {
          if (!same(outs[k]![i - row]!, expected[k]![i]!)) expect.fail(`${spec.name} updateMany row ${i} output ${k}`);
        }
      }
      row = end;
      check(row - 1, 'updateMany');
      continue;
    }
    if (r < 0.6) {
      const live = bar(int(rand, 0, n - 1));
      if (rand() < 0.3) live[0] = Number.NaN;
      for (const s of [ours, theirs]) {
        if (row === 0) s.replace(...live);
        else s.update(...live);
      }
      for (let extra = int(rand, 0, 2); extra > 0; extra -= 1) {
        const other = bar(int(rand, 0, n - 1));
        ours.replace(...other);
        theirs.replace(...other);
      }
      ours.replace(...bar(row));
      theirs.replace(...bar(row));
      check(row, 'provisional bar replaced');
    } else {
      ours.update(...bar(row));
      theirs.update(...bar(row));
      check(row, 'update');
    }
    row += 1;
  }
}

describe('native streams', () => {
  it('have a native binding to test', () => {
    expect(native.reason).toBeNull();
  });

  describe.each(indicatorList.map((spec) => [spec.name, spec] as const))('%s', (_name, spec) => {
    it('is bitwise equal to the kernels-ts stream and to the batch kernel, however the bars are fed', () => {
      const rand = prng(0x57e4 + spec.name.length * 7919 + spec.name.charCodeAt(0));
      for (let run = 0; run < 12; run += 1) {
        for (const params of paramSets(spec, rand)) {
          const inputs = columns(spec, rand, rand() < 0.2 ? int(rand, 0, 10) : int(rand, 20, 400));
          const expected = spec.outputs.map(() => new Float64Array(inputs[0]!.length));
          callKernel(native.kernel!, spec.name, inputs, params, expected);
          const name = spec.name as IndicatorName;
          feedBoth(spec, createStream(name, params), tsCreateStream(name, params), inputs, expected, rand);
        }
      }
    });

    it('is bitwise equal to batch when bars are read rarely (blocks of pending bars, replaced while pending)', () => {
      const rand = prng(0xb10c + spec.name.length);
      const params = paramSets(spec, rand)[2]!;
      const inputs = columns(spec, rand, 1500);
      const expected = spec.outputs.map(() => new Float64Array(1500));
      callKernel(native.kernel!, spec.name, inputs, params, expected);
      const stream = createStream(spec.name as IndicatorName, params);
      const bar = (row: number): [number, number, number] => [inputs[0]![row]!, inputs[1]?.[row] ?? 0, inputs[2]?.[row] ?? 0];
      for (let row = 0; row < 1500; row += 1) {
        if (rand() < 0.3) {
          stream.update(...bar(int(rand, 0, 1499)));
          stream.replace(...bar(row));
        } else {
          stream.update(...bar(row));
        }
        if (rand() < 0.01 || row === 1499) {
          for (let k = 0; k < spec.outputs.length; k += 1) {
            expect(same(stream.value(k), expected[k]![row]!), `${spec.name} row ${row} output ${k}`).toBe(true);
          }
          if (rand() < 0.5) {
            stream.replace(...bar(int(rand, 0, 1499))); // the flushed bar, replaced in Rust
            stream.replace(...bar(row));
            expect(same(stream.value(), expected[0]![row]!), `${spec.name} row ${row} after replace`).toBe(true);
          }
        }
      }
      expect(stream.length).toBe(1500);
    });

    it('reports value NaN before the first bar and again after reset', () => {
      const stream = createStream(spec.name as IndicatorName, paramSets(spec, prng(1))[0]);
      expect(Number.isNaN(stream.value())).toBe(true);
      stream.update(100, 101, 99);
      expect(stream.length).toBe(1);
      stream.reset();
      expect(stream.length).toBe(0);
      expect(stream.ready).toBe(false);
      expect(Number.isNaN(stream.value())).toBe(true);
    });
  });

  it('throw the same OmegaTaErrors as the kernels-ts streams', () => {
    const calls: [string, (create: typeof createStream) => unknown][] = [
      ['unknown parameter', (c) => c('ema', { period: 3, span: 2 })],
      ['period 0', (c) => c('sma', { period: 0 })],
      ['fractional period', (c) => c('rsi', { period: 2.5 })],
      ['missing required parameter', (c) => c('zscore_ema', { window: 5 })],
      ['bollinger period 1', (c) => c('bollinger', { period: 1 })],
      ['garch use_log_returns 2', (c) => c('garch_volatility', { use_log_returns: 2 })],
      ['unknown indicator', (c) => c('nope' as IndicatorName)],
      ['string bar', (c) => (c('atr').update as (...a: unknown[]) => void)(1, '2', 3)],
      ['missing input', (c) => c('dmi').update(1, 2)],
      ['output index', (c) => c('macd').value(3)],
      ['fractional output index', (c) => c('macd').value(0.5)],
      ['updateMany: inputs not an array', (c) => c('ema').updateMany(new Float64Array(2) as unknown as Float64Array[], [new Float64Array(2)])],
      ['updateMany: too few inputs', (c) => c('atr').updateMany([new Float64Array(2)], [new Float64Array(2)])],
      ['updateMany: short output', (c) => c('ema').updateMany([new Float64Array(3)], [new Float64Array(2)])],
      ['updateMany: aliased output', (c) => {
        const x = new Float64Array(4);
        c('sma').updateMany([x], [x.subarray(1)]);
      }],
      ['updateMany: not a Float64Array', (c) => c('ema').updateMany([new Float32Array(2) as unknown as Float64Array], [new Float64Array(2)])],
    ];
    for (const [label, call] of calls) {
      const errors = [createStream, tsCreateStream].map((create) => {
        try {
          call(create);
        } catch (error) {
          if (!isOmegaTaError(error)) return expect.fail(`${label}: ${String(error)} is not an OmegaTaError`);
          // The kernels name themselves in UNSUPPORTED errors; everything else is identical.
          return { code: error.code, argument: error.argument, message: error.message.replace('kernels-native', 'kernels-ts') };
        }
        return expect.fail(`${label}: no error`);
      });
      expect(errors[0], label).toEqual(errors[1]);
    }
  });

  it('reject bad bars and buffers without consuming anything', () => {
    const stream = createStream('bollinger', { period: 2 });
    expect(() => stream.updateMany([new Float64Array(3)], [new Float64Array(3), new Float64Array(3), new Float64Array(2)])).toThrow();
    expect(() => (stream.update as (...a: unknown[]) => void)(null)).toThrow();
    expect(stream.length).toBe(0);
    stream.update(1);
    stream.update(3);
    expect([stream.value(0), stream.value(1), stream.value(2)]).toEqual([2 + 2 * Math.SQRT2, 2, 2 - 2 * Math.SQRT2]);
  });
});

describe('the raw NativeStream class', () => {
  it('is required of the binary: loadBinding refuses one without it', () => {
    const withoutStreams: Record<string, unknown> = { ...(raw as unknown as Record<string, unknown>) };
    delete withoutStreams['NativeStream'];
    expect(loadBinding(() => withoutStreams).reason).toBe('the native binding does not export NativeStream (stale or foreign binary?)');
  });

  it('checks names and parameters itself', () => {
    expect(rawError(() => new raw.NativeStream('nope', [])).message).toBe("no stream for indicator 'nope'");
    expect(rawError(() => new raw.NativeStream('ema', [])).message).toBe('ema: expected 1 parameter(s), got 0');
    expect(rawError(() => new raw.NativeStream('ema', [0])).message).toBe('ema: period must be an integer in [1, 2147483647] (got 0)');
    expect(rawError(() => new raw.NativeStream('ema', [Number.NaN])).code).toBe('InvalidArg');
    expect(rawError(() => new raw.NativeStream('bollinger', [20, -1])).message).toBe('bollinger: std_factor must be a finite number >= 0');
    expect(rawError(() => new raw.NativeStream('garch_volatility', [0.05, 0.9, -1, 0.5, 100, 50, 1e-6])).message).toContain('use_log_returns');
    expect(rawError(() => new raw.NativeStream('kalman_garch_zscore', [0, 1, 0.05, 0.9, -1, 1, 100, 50, 1e-6])).message).toContain('R must be');
  });

  it('checks updateMany buffers itself (aliasing &[f64] with &mut [f64] would be UB)', () => {
    const s = new raw.NativeStream('macd', [12, 26, 9]);
    const x = new Float64Array([1, 2, 3]);
    const outs = (): [Float64Array, Float64Array, Float64Array] => [new Float64Array(3), new Float64Array(3), new Float64Array(3)];
    expect(rawError(() => s.updateMany(3, x, undefined, undefined, outs()[0])).message).toBe(
      'macd: expected 1 input(s) and 3 output(s), got 1 and 1',
    );
    expect(rawError(() => s.updateMany(3, x, x, undefined, ...outs())).message).toContain('expected 1 input(s)');
    const [m, sig] = outs();
    expect(rawError(() => s.updateMany(3, x, undefined, undefined, m, sig, new Float64Array(2))).message).toBe(
      'macd: out has length 2, expected 3 (the length of the input)',
    );
    expect(rawError(() => s.updateMany(3, x, undefined, undefined, m, sig, x)).message).toBe('macd: out2 overlaps x0; pass a separate buffer');
    expect(rawError(() => s.updateMany(3, x, undefined, undefined, m, m, sig)).message).toBe('macd: out1 overlaps out0; pass a separate buffer');
    expect(rawError(() => s.updateMany(4, x, undefined, undefined, ...outs())).message).toBe('macd: rows 4 exceeds the column length 3');
    expect(s.length).toBe(0);
    const [a, b, c] = outs().map((o) => o.fill(7));
    s.updateMany(2, x, undefined, undefined, a!, b!, c!);
    expect(s.length).toBe(2);
    expect(s.value(0)).toBe(a![1]);
    expect(a![2]).toBe(7); // only the first `rows` rows are consumed and written
    s.replace(10, Number.NaN, Number.NaN);
    expect(s.length).toBe(2);
    expect(Number.isNaN(s.value(3))).toBe(true);
  });
});

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { describeLoadError, LOADER_PATH, loadBinding, type NativeBinding } from './binding.js';
import { rawError } from './test-helpers.js';

const packageRoot = fileURLToPath(new URL('..', import.meta.url));
const loaded = loadBinding();
const raw = loaded.binding as NativeBinding;

describe('the raw napi binding', () => {
  it('loads from the generated loader', () => {
    expect(loaded.reason).toBeNull();
    expect(typeof raw.ema).toBe('function');
  });

  it('computes in place into out, zero-copy, including through subarray views', () => {
    const buffer = new Float64Array([9, 1, 2, 3, 9, 0, 0, 0, 9]);
    raw.sma(buffer.subarray(1, 4), 2, buffer.subarray(5, 8));
    expect(Array.from(buffer)).toEqual([9, 1, 2, 3, 9, Number.NaN, 1.5, 2.5, 9]);
  });

  it.each([0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 2 ** 31, 2 ** 53, 1e300])(
    'returns a JS error for period %s instead of crashing',
    (period) => {
      for (const name of ['ema', 'sma', 'rsi', 'roc'] as const) {
        const out = new Float64Array(3).fill(7);
        const error = rawError(() => raw[name](new Float64Array([1, 2, 3]), period, out));
        expect(error.message).toContain(`${name}: period must be an integer in [1, 2147483647]`);
        expect(error.code).toBe('InvalidArg');
        expect(Array.from(out)).toEqual([7, 7, 7]);
      }
    },
  );

  it('returns a JS error for a non-number period', () => {
    const error = rawError(() => (raw.ema as (...a: unknown[]) => void)(new Float64Array(1), '3', new Float64Array(1)));
    expect(error.message).toMatch(/number|f64/i);
  });

  it('returns a JS error for mismatched lengths', () => {
    const error = rawError(() => raw.ema(new Float64Array(3), 2, new Float64Array(2)));
    expect(error.message).toBe('ema: out has length 2, expected 3 (the length of the input)');
  });

  it('rejects overlapping buffers itself (aliasing &[f64] with &mut [f64] would be UB)', () => {
    const x = new Float64Array([1, 2, 3, 4, 5, 6]);
    expect(rawError(() => raw.sma(x, 2, x)).message).toBe('sma: out overlaps close; pass a separate buffer');
    expect(rawError(() => raw.ema(x.subarray(0, 3), 2, x.subarray(2, 5))).message).toContain('overlaps');
    expect(Array.from(x)).toEqual([1, 2, 3, 4, 5, 6]);
    // Empty views overlap nothing.
    expect(() => raw.ema(x.subarray(1, 1), 2, x.subarray(1, 1))).not.toThrow();
  });

  it('returns a JS error for buffers that are not Float64Arrays', () => {
    // napi 3.16's message is literally "Expected $name, got <typed array type>" (an upstream macro
    // quirk); the TS wrapper rejects these with INVALID_INPUT before the binding is reached.
    const f32 = new Float32Array(2) as unknown as Float64Array;
    expect(rawError(() => raw.ema(f32, 2, new Float64Array(2))).code).toBe('InvalidArg');
    expect(rawError(() => raw.sma(new Float64Array(2), 2, new BigInt64Array(2) as never)).code).toBe('InvalidArg');
    expect(rawError(() => raw.sma(new Float64Array(2), 2, [0, 0] as unknown as Float64Array))).toBeInstanceOf(Error);
    expect(rawError(() => raw.sma(null as unknown as Float64Array, 2, new Float64Array(2)))).toBeInstanceOf(Error);
  });

  it('checks every macd output itself: spans, lengths, overlap with close and with each other', () => {
    const close = new Float64Array([1, 2, 3]);
    const outs = (): [Float64Array, Float64Array, Float64Array] => [new Float64Array(3), new Float64Array(3), new Float64Array(3)];
    for (const [k, name] of ['fastPeriod', 'slowPeriod', 'signalPeriod'].entries()) {
      const spans = [12, 26, 9];
      spans[k] = 0;
      const param = ['fast_period', 'slow_period', 'signal_period'][k]!;
      const error = rawError(() => raw.macd(close, spans[0]!, spans[1]!, spans[2]!, ...outs()));
      expect(error.message, name).toBe(`macd: ${param} must be an integer in [1, 2147483647] (got 0)`);
    }
    const [m, s] = outs();
    expect(rawError(() => raw.macd(close, 12, 26, 9, m, s, new Float64Array(2))).message).toBe(
      'macd: out has length 2, expected 3 (the length of the input)',
    );
    expect(rawError(() => raw.macd(close, 12, 26, 9, m, s, close)).message).toBe(
      'macd: out histogram overlaps close; pass a separate buffer',
    );
    const shared = new Float64Array(8).fill(5);
    expect(rawError(() => raw.macd(close, 12, 26, 9, shared.subarray(0, 3), s, shared.subarray(2, 5))).message).toBe(
      'macd: out histogram overlaps out macd; pass a separate buffer',
    );
    expect(Array.from(shared)).toEqual([5, 5, 5, 5, 5, 5, 5, 5]);
    const [a, b, c] = outs();
    raw.macd(close, 1, 1, 1, a, b, c);
    expect([...a, ...b, ...c]).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0]);
  });

  it('still works after all those errors (the process did not abort)', () => {
    const out = new Float64Array(2);
    raw.ema(new Float64Array([2, 4]), 3, out);
    expect(Array.from(out)).toEqual([2, 3]);
  });

  it('checks bollinger\'s parameters, lengths and the overlap of its three outputs itself', () => {
    const close = new Float64Array([1, 2, 3, 4]);
    const outs = () => [new Float64Array(4).fill(7), new Float64Array(4).fill(7), new Float64Array(4).fill(7)] as const;
    for (const [period, k, message] of [
      [1, 2, 'bollinger: period must be an integer in [2, 2147483647]'],
      [0, 2, 'bollinger: period must be an integer in [1, 2147483647] (got 0)'],
      [3, -1, 'bollinger: std_factor must be a finite number >= 0'],
      [3, Number.NaN, 'bollinger: std_factor must be a finite number >= 0'],
    ] as const) {
      const [u, m, l] = outs();
      const error = rawError(() => raw.bollinger(close, period, k, u, m, l));
      expect(error.message).toContain(message);
      expect(error.code).toBe('InvalidArg');
      expect([...u, ...m, ...l]).toEqual(Array(12).fill(7));
    }
    const buffer = new Float64Array(12);
    const [u, , l] = outs();
    expect(rawError(() => raw.bollinger(close, 2, 2, u, buffer.subarray(0, 4), buffer.subarray(3, 7))).message).toBe(
      'bollinger: out lower overlaps out mid; pass a separate buffer',
    );
    expect(rawError(() => raw.bollinger(close, 2, 2, u, close, l)).message).toBe('bollinger: out mid overlaps close; pass a separate buffer');
    expect(rawError(() => raw.bollinger(close, 2, 2, u, new Float64Array(3), l)).message).toBe(
      'bollinger: out has length 3, expected 4 (the length of the input)',
    );
    const [u2, m2, l2] = outs();
    raw.bollinger(close, 2, 2, u2, m2, l2);
    expect(Array.from(m2)).toEqual([Number.NaN, 1.5, 2.5, 3.5]);
  });

  it('matches the signatures declared in the generated binding.d.cts', () => {
    const dts = readFileSync(`${packageRoot}/binding.d.cts`, 'utf8');
    for (const name of ['ema', 'sma', 'rsi', 'roc']) {
      expect(dts).toContain(`export declare function ${name}(close: Float64Array, period: number, out: Float64Array): void`);
    }
    expect(dts).toContain(
      'export declare function bollinger(close: Float64Array, period: number, stdFactor: number, upper: Float64Array, mid: Float64Array, lower: Float64Array): void',
    );
    expect(dts).toContain(
      'export declare function macd(close: Float64Array, fastPeriod: number, slowPeriod: number, signalPeriod: number, ' +
        'macdOut: Float64Array, signalOut: Float64Array, histogramOut: Float64Array): void',
    );
  });
});

describe('loadBinding failures become reasons', () => {
  it('names the platform and every cause when no binary fits', () => {
    const result = loadBinding(() => {
      const error = new Error('Cannot find native binding. npm has a bug...');
      error.cause = Object.assign(new Error("Cannot find module '@omega-ta/kernels-native-linux-x64-gnu'"), {
        cause: new Error("Cannot find module './kernels-native.linux-x64-gnu.node'"),
      });
      throw error;
    });
    expect(result.binding).toBeNull();
    expect(result.reason).toBe(
      `no loadable native binary for ${process.platform}-${process.arch}: Cannot find native binding. npm has a bug... ` +
        "<- Cannot find module '@omega-ta/kernels-native-linux-x64-gnu' <- Cannot find module './kernels-native.linux-x64-gnu.node'",
    );
  });

  it('says when the package was built without napi build', () => {
    const result = loadBinding(() => createRequire(import.meta.url)('./no-such-dir/binding.cjs'));
    expect(result.reason).toMatch(/^no loadable native binary/); // another path than LOADER_PATH
    const missing = loadBinding(() => {
      throw Object.assign(new Error(`Cannot find module '${LOADER_PATH}'\nRequire stack: ...`), { code: 'MODULE_NOT_FOUND' });
    });
    expect(missing.reason).toMatch(/^the native loader binding\.cjs is missing: .*built without `napi build`/);
  });

  it('rejects a module that is not the binding', () => {
    expect(loadBinding(() => ({ ema: () => undefined })).reason).toMatch(/does not export sma, bollinger, /);
  });

  it('describes non-Error throws and cyclic causes without looping', () => {
    expect(describeLoadError('boom')).toBe('boom');
    const a = new Error('a');
    const b = new Error('b', { cause: a });
    a.cause = b;
    expect(describeLoadError(a)).toBe('a <- b');
  });
});

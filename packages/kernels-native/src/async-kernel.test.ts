import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it, vi } from 'vitest';
import { callKernel, ErrorCode, indicatorList, OmegaTaError, type IndicatorSpec, type ParamSpec } from '@omega-ta/kernel-interface';
import { asyncKernelFromBinding, createLazyAsyncKernel, kernelAsync, type AsyncKernel } from './async-kernel.js';
import { asyncExportName, loadBinding, type NativeAsyncBinding, type NativeBinding } from './binding.js';
import { loadNativeKernel } from './load.js';
import { firstDifference, int, prng, randomSeries } from './test-helpers.js';

const native = loadNativeKernel();
const loaded = loadBinding();

/** A valid parameter value: the default half of the time, else a draw from a small part of the range. */
function paramValue(rand: () => number, spec: ParamSpec): number {
  if (spec.default !== undefined && rand() < 0.5) return spec.default;
  const span = Math.min(spec.max - spec.min, spec.kind === 'integer' ? 40 : 1);
  return spec.kind === 'integer' ? spec.min + int(rand, 0, span) : spec.min + rand() * span;
}

function randomParams(rand: () => number, spec: IndicatorSpec): Record<string, number> {
  return Object.fromEntries(spec.params.map((p) => [p.name, paramValue(rand, p)]));
}

function callAsync(kernel: AsyncKernel, spec: IndicatorSpec, inputs: Float64Array[], params: object, outputs: Float64Array[]) {
  const fn = (kernel as unknown as Record<string, (...a: unknown[]) => Promise<void>>)[spec.name]!;
  return fn(...inputs, params, ...outputs);
}

/** Rejection of `promise` as an OmegaTaError (fails the test when it resolves or rejects otherwise). */
async function rejection(promise: Promise<void>): Promise<OmegaTaError> {
  const error: unknown = await promise.then(
    () => expect.fail('expected the promise to reject'),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(OmegaTaError);
  return error as OmegaTaError;
}

describe('kernelAsync: bitwise equal to the synchronous native kernel', () => {
  it('has a native binding with an async export per registry indicator', () => {
    expect(loaded.reason).toBeNull();
    for (const spec of indicatorList) expect(typeof loaded.binding![asyncExportName(spec.name as never)]).toBe('function');
  });

  it.each(indicatorList.map((spec, index) => [spec.name, spec, index] as const))(
    '%s on 300 random series (lengths 0, 1, small and thousands; NaN gaps, ±Infinity, ±0), 50 calls in flight at once',
    async (_name, spec, index) => {
      const rand = prng(0xa5_7c00 + index);
      for (let batch = 0; batch < 6; batch += 1) {
        const calls = Array.from({ length: 50 }, () => {
          const r = rand();
          const length = r < 0.1 ? int(rand, 0, 1) : r < 0.8 ? int(rand, 2, 200) : int(rand, 1000, 5000);
          const table = Array.from(spec.inputs, () => randomSeries(rand, length));
          const params = randomParams(rand, spec);
          const expected = spec.outputs.map(() => new Float64Array(length).fill(12345));
          const actual = spec.outputs.map(() => new Float64Array(length).fill(54321));
          callKernel(native.kernel!, spec.name, table, params, expected);
          return { params, expected, actual, done: callAsync(kernelAsync, spec, table, params, actual) };
        });
        await Promise.all(calls.map((c) => c.done));
        for (const { params, expected, actual } of calls) {
          spec.outputs.forEach((output, k) => {
            const at = firstDifference(actual[k]!, expected[k]!);
            if (at !== -1) {
              expect.fail(`${spec.name}.${output}(${JSON.stringify(params)})[${at}]: async ${actual[k]![at]} vs sync ${expected[k]![at]}`);
            }
          });
        }
      }
    },
  );

  it('returns a promise that resolves to undefined, with out written by then', async () => {
    const out = new Float64Array(4);
    const pending = kernelAsync.sma(new Float64Array([1, 2, 3, 4]), { period: 2 }, out);
    expect(pending).toBeInstanceOf(Promise);
    await expect(pending).resolves.toBeUndefined();
    expect(Array.from(out)).toEqual([Number.NaN, 1.5, 2.5, 3.5]);
  });
});

const x = new Float64Array([1, 2, 3, 4]);
const out = () => new Float64Array(4);
const shared = new Float64Array(8);
const invalid: [string, (k: AsyncKernel) => Promise<void>][] = [
  ['period 0', (k) => k.ema(x, { period: 0 }, out())],
  ['period 1.5', (k) => k.sma(x, { period: 1.5 }, out())],
  ['unknown parameter', (k) => k.ema(x, { period: 3, alpha: 1 } as { period: number }, out())],
  ['bollinger period 1', (k) => k.bollinger(x, { period: 1 }, out(), out(), out())],
  ['garch_volatility scale 0', (k) => k.garch_volatility(x, { scale: 0 }, out())],
  ['kalman_garch_zscore R -1', (k) => k.kalman_garch_zscore(x, { R: -1 }, out())],
  ['out too short', (k) => k.ema(x, { period: 3 }, new Float64Array(3))],
  ['dmi adx too long', (k) => k.dmi(x, x, x, {}, out(), out(), new Float64Array(5))],
  ['out is the input', (k) => k.sma(x, { period: 3 }, x as Float64Array)],
  ['macd outputs overlap', (k) => k.macd(x, {}, shared.subarray(0, 4), out(), shared.subarray(3, 7))],
  ['close is a Float32Array', (k) => k.ema(new Float32Array(4) as never, { period: 3 }, out())],
  ['too few arguments', (k) => (k.ema as unknown as (...a: unknown[]) => Promise<void>)(x, { period: 3 })],
];

describe('kernelAsync: invalid calls', () => {
  it.each(invalid)('%s: rejects with the synchronous kernel\'s OmegaTaError, without throwing', async (_label, call) => {
    let sync: OmegaTaError | undefined;
    try {
      // The same call through the synchronous kernel: the async functions take the same arguments.
      const syncKernel = native.kernel! as unknown as AsyncKernel;
      void call(syncKernel);
    } catch (error) {
      sync = error as OmegaTaError;
    }
    expect(sync).toBeInstanceOf(OmegaTaError);
    let pending: Promise<void> | undefined;
    expect(() => {
      pending = call(kernelAsync);
    }).not.toThrow();
    const error = await rejection(pending!);
    expect({ code: error.code, argument: error.argument, message: error.message }).toEqual({
      code: sync!.code,
      argument: sync!.argument,
      message: sync!.message,
    });
  });

  it('validates before dispatch: the binding is never called and out is untouched', async () => {
    const binding = Object.fromEntries(indicatorList.map((spec) => [asyncExportName(spec.name), vi.fn()])) as unknown as NativeAsyncBinding;
    const kernel = asyncKernelFromBinding(binding);
    for (const [, call] of invalid) await rejection(call(kernel));
    for (const fn of Object.values(binding)) expect(fn).not.toHaveBeenCalled();
    const target = new Float64Array(4).fill(7);
    await rejection(kernelAsync.ema(x, { period: 0 }, target));
    expect(Array.from(target)).toEqual([7, 7, 7, 7]);
  });

  it('passes the registry parameters positionally, in registry order, after the inputs', async () => {
    const dispatch = vi.fn(() => Promise.resolve());
    const kernel = asyncKernelFromBinding({ kalman_zscore_async: dispatch } as unknown as NativeAsyncBinding);
    const o = out();
    await kernel.kalman_zscore(x, { Q: 0.5, window: 7, R: 2 }, o);
    expect(dispatch).toHaveBeenCalledWith(x, 7, 2, 0.5, o);
  });

  it('rejects every call with UNSUPPORTED and the reason when there is no binary', async () => {
    const kernel = createLazyAsyncKernel(() => ({ binding: null, reason: 'no binary for test-arch' }));
    for (const spec of indicatorList) {
      const error = await rejection(callAsync(kernel, spec, [], {}, []));
      expect(error.code).toBe(ErrorCode.UNSUPPORTED);
      expect(error.message).toContain(`${spec.name} is unavailable: no binary for test-arch`);
    }
  });
});

describe('the raw async exports', () => {
  const raw = loaded.binding as unknown as NativeBinding & NativeAsyncBinding & { __panic_async(message: string): Promise<void> };

  it('reject with a JS Error when the computation panics on the pool thread, and Node carries on', async () => {
    const error: unknown = await raw.__panic_async('deliberate test panic').then(
      () => expect.fail('expected a rejection'),
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toBe('__panic_async: the native kernel panicked: deliberate test panic');
    const o = new Float64Array(2);
    await raw.ema_async(new Float64Array([2, 4]), 3, o);
    expect(Array.from(o)).toEqual([2, 3]);
  });

  it('throw synchronously, with the synchronous export\'s message, on bad arguments (nothing is queued)', () => {
    const y = new Float64Array([1, 2, 3, 4]);
    const cases: [() => unknown, string][] = [
      [() => raw.sma_async(y, 0, new Float64Array(4)), 'sma: period must be an integer in [1, 2147483647] (got 0)'],
      [() => raw.sma_async(y, 2, y), 'sma: out overlaps close; pass a separate buffer'],
      [() => raw.ema_async(y, 2, new Float64Array(3)), 'ema: out has length 3, expected 4 (the length of the input)'],
      [() => raw.garch_volatility_async(y, 0.05, 0.9, -1, 2, 100, 50, 1e-6, new Float64Array(4)), 'use_log_returns'],
    ];
    for (const [call, message] of cases) {
      let thrown: unknown;
      try {
        call();
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(Error);
      expect((thrown as Error).message).toContain(message);
      expect((thrown as { code?: unknown }).code).toBe('InvalidArg');
    }
    expect(Array.from(y)).toEqual([1, 2, 3, 4]);
  });

  it('keep an input that JS no longer references alive while the task runs and the GC collects', async () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    // Each input is referenced only by the queued task's napi reference.
    const outputs = Array.from({ length: 8 }, () => new Float64Array(1_000_000));
    const pending = outputs.map((output, i) => raw.ema_async(new Float64Array(1_000_000).fill(i + 1), 10, output));
    gc();
    await Promise.all(pending);
    gc();
    outputs.forEach((output, i) => expect(output.every((v) => v === i + 1)).toBe(true));
  });
});

describe('loadBinding requires the async exports', () => {
  it('names the missing async exports of a binary without them', () => {
    const syncOnly = { ...Object.fromEntries(indicatorList.map((spec) => [spec.name, () => undefined])), NativeStream: class {} };
    const result = loadBinding(() => syncOnly);
    expect(result.binding).toBeNull();
    expect(result.reason).toBe(`the native binding does not export ${indicatorList.map((s) => `${s.name}_async`).join(', ')} (stale or foreign binary?)`);
  });
});

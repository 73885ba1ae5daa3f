import { afterEach, describe, expect, it, vi } from 'vitest';
import { ErrorCode, isOmegaTaError, OmegaTaError, type Kernel } from '@omega-ta/kernel-interface';
import tsKernel from '@omega-ta/kernels-ts';
import { loadDataset } from '@omega-ta/golden';
import { IndicatorCache } from './indicator-cache.js';
import { NATIVE_FALLBACK_WARNING } from './kernel-runner.js';
import { callOriginal, ORIGINAL_METHODS } from './original-methods.js';

/** What the simulated native package's loader answers in each test. */
const native = vi.hoisted(() => ({ result: { kernel: null, reason: 'unset' } as { kernel: unknown; reason: string | null } }));
vi.mock('@omega-ta/kernels-native', () => ({ loadNativeKernel: () => native.result }));

/** A native kernel whose every indicator throws what `fail` returns (a broken binary, a panic...). */
function brokenKernel(fail: () => Error): Kernel {
  return new Proxy(tsKernel, {
    get(target, name, receiver) {
      const value: unknown = Reflect.get(target, name, receiver);
      if (name === 'info') return { ...tsKernel.info, name: 'simulated-native' };
      return typeof value === 'function' ? () => { throw fail(); } : value;
    },
  });
}

const data = loadDataset('ttrc-3000');
/** Arguments beyond the defaults for the methods that need them. */
const ARGS: Readonly<Record<string, Record<string, unknown>>> = {
  ema: { period: 20 },
  sma: { period: 20 },
  ema_stepwise: { period: 20 },
  garch_volatility_local: { idx: 2000 },
  kalman_garch_zscore_local: { idx: 2000 },
  vol_cluster_series: { idx: 2000, feature: 'garch', atr_length: 14, garch_lookback: 400 },
};

/** Every original method on `cache` equals (bitwise) the TypeScript backend's answer. */
function expectEveryMethodAsTs(cache: IndicatorCache): void {
  const ts = new IndicatorCache(data, { backend: 'ts' });
  for (const method of ORIGINAL_METHODS) {
    const args = ARGS[method] ?? {};
    expect(callOriginal(cache, method, 'D1', 'bid', args), method).toEqual(callOriginal(ts, method, 'D1', 'bid', args));
  }
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('with the native package absent', () => {
  it('answers every method from TypeScript under auto and says why', () => {
    native.result = { kernel: null, reason: "Cannot find module './kernels-native.linux-x64-gnu.node'" };
    const cache = new IndicatorCache(data);
    expect(cache.backendInfo()).toMatchObject({ active: 'ts', requested: 'auto' });
    expect(cache.backendInfo().reason).toContain("Cannot find module './kernels-native.linux-x64-gnu.node'");
    expectEveryMethodAsTs(cache);
  });

  it('fails with that reason when native is forced', () => {
    native.result = { kernel: null, reason: 'simulated: GLIBC_2.34 not found' };
    expect(() => new IndicatorCache(data, { backend: 'native' })).toThrow(/native backend requested \(option\) but unavailable: simulated: GLIBC_2\.34 not found/);
  });
});

describe('with a native kernel that fails internally', () => {
  it('answers the call and every later one from TypeScript, says why, and warns once per process', () => {
    native.result = { kernel: brokenKernel(() => new Error('simulated panic in ema')), reason: null };
    const warn = vi.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
    const cache = new IndicatorCache(data, { backend: 'native' });
    expect(cache.backendInfo().active).toBe('native');
    const ema = cache.ema('D1', 'bid', 20);
    expect(ema).toEqual(new IndicatorCache(data, { backend: 'ts' }).ema('D1', 'bid', 20));
    expect(cache.backendInfo()).toMatchObject({ active: 'ts', requested: 'native' });
    expect(cache.backendInfo().reason).toMatch(/native kernel failed in 'ema'.*simulated panic in ema/);
    expectEveryMethodAsTs(cache);
    const other = new IndicatorCache(data, { backend: 'native' });
    other.sma('D1', 'bid', 5);
    expect(other.backendInfo().active).toBe('ts');
    const warnings = warn.mock.calls.filter(([, options]) => (options as { code?: string } | undefined)?.code === NATIVE_FALLBACK_WARNING);
    expect(warnings.length).toBeLessThanOrEqual(1);
  });

  it('emits the warning naming the failure the first time', async () => {
    vi.resetModules();
    const { IndicatorCache: Fresh } = await import('./indicator-cache.js');
    native.result = { kernel: brokenKernel(() => new Error('simulated: binary truncated')), reason: null };
    const warn = vi.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
    new Fresh(data).rsi('D1', 'bid');
    new Fresh(data).rsi('D1', 'bid');
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]![0])).toContain('simulated: binary truncated');
  });

  it('passes the contract validation errors through without falling back', () => {
    const invalid = new OmegaTaError(ErrorCode.INVALID_INPUT, 'simulated: close has 3 values, out 4');
    native.result = { kernel: brokenKernel(() => invalid), reason: null };
    const cache = new IndicatorCache(data, { backend: 'native' });
    let thrown: unknown;
    try {
      cache.ema('D1', 'bid', 20);
    } catch (error) {
      thrown = error;
    }
    expect(isOmegaTaError(thrown) && thrown.code).toBe(ErrorCode.INVALID_INPUT);
    expect(cache.backendInfo().active).toBe('native');
  });
});

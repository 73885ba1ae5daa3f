import { describe, expect, it } from 'vitest';
import { ErrorCode, OmegaTaError, callKernel } from '@omega-ta/kernel-interface';
import defaultKernel, { isNativeAvailable, kernel, loadNativeKernel } from './index.js';
import { createLazyKernel } from './kernel.js';
import { loadNativeKernelWith } from './load.js';
import packageJson from '../package.json';

describe('loadNativeKernel', () => {
  it('returns the native kernel on this machine', () => {
    const result = loadNativeKernel();
    expect(result.reason).toBeNull();
    expect(result.kernel?.info).toEqual({ name: '@omega-ta/kernels-native', version: packageJson.version });
    expect(isNativeAvailable()).toBe(true);
  });

  it('caches its result', () => {
    expect(loadNativeKernel()).toBe(loadNativeKernel());
    expect(loadNativeKernel().kernel).toBe(loadNativeKernel().kernel);
  });

  it('never throws: a failing load becomes { kernel: null, reason }', () => {
    const result = loadNativeKernelWith(() => {
      throw new Error('dlopen failed: GLIBC_2.99 not found');
    });
    expect(result.kernel).toBeNull();
    expect(result.reason).toContain('dlopen failed: GLIBC_2.99 not found');
  });
});

describe('the default export', () => {
  it('is the named `kernel`, with the package info', () => {
    expect(defaultKernel).toBe(kernel);
    expect(kernel.info).toEqual({ name: '@omega-ta/kernels-native', version: packageJson.version });
  });

  it('works through the generic callKernel entry point', () => {
    const out = new Float64Array(3);
    callKernel(kernel, 'sma', [new Float64Array([1, 2, 3])], { period: 3 }, [out]);
    expect(Array.from(out)).toEqual([Number.NaN, Number.NaN, 2]);
  });

  it('throws UNSUPPORTED with the reason on every call when the binary is unavailable', () => {
    let loads = 0;
    const unavailable = createLazyKernel(() => {
      loads += 1;
      return { kernel: null, reason: 'no loadable native binary for plan9-mips' };
    });
    expect(loads).toBe(0); // creating (importing) it loads nothing
    expect(unavailable.info.name).toBe('@omega-ta/kernels-native');
    for (const call of [
      () => unavailable.ema(new Float64Array(2), { period: 2 }, new Float64Array(2)),
      () => unavailable.sma(new Float64Array(2), { period: 0 }, new Float64Array(2)),
      () => unavailable.createStream('ema', { period: 2 }),
    ]) {
      expect(call).toThrow(OmegaTaError);
      expect(call).toThrow(expect.objectContaining({ code: ErrorCode.UNSUPPORTED }));
      expect(call).toThrow(/no loadable native binary for plan9-mips/);
    }
  });
});

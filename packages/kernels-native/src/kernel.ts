import { indicatorList, type Kernel, type StreamFactory } from '@omega-ta/kernel-interface';
import { info } from './info.js';
import { loadNativeKernel, type NativeKernelResult } from './load.js';
import { unavailableError } from './unavailable.js';

function native(load: () => NativeKernelResult, indicator: string): Kernel {
  const result = load();
  if (result.kernel === null) throw unavailableError(indicator, result.reason);
  return result.kernel;
}

/**
 * A kernel that loads the binary on its first call (importing it loads nothing). When the binary
 * is unavailable every function throws `OmegaTaError` UNSUPPORTED carrying the reason, whatever
 * its arguments (`createStream` too).
 */
export function createLazyKernel(load: () => NativeKernelResult): Kernel {
  const functions = indicatorList.map((spec) => {
    const lazy = (...args: unknown[]): void =>
      (native(load, spec.name) as unknown as Record<string, (...a: unknown[]) => void>)[spec.name]!(...args);
    return [spec.name, lazy] as const;
  });
  const createStream: StreamFactory = (name, params) => native(load, 'createStream').createStream(name, params);
  return Object.freeze({ info, createStream, ...Object.fromEntries(functions) }) as unknown as Kernel;
}

/**
 * The Rust implementation of the omega-ta kernel contract, bit-identical to
 * `@omega-ta/kernels-ts`. Throws UNSUPPORTED on platforms without a binary; check
 * {@link loadNativeKernel} or `isNativeAvailable()` first to fall back.
 */
export const kernel: Kernel = createLazyKernel(loadNativeKernel);

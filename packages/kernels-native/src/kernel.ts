import {
  ErrorCode,
  OmegaTaError,
  type Kernel,
  type KernelFunction,
  type Indicators,
} from '@omega-ta/kernel-interface';
import { info } from './info.js';
import { loadNativeKernel, type NativeKernelResult } from './load.js';

function native(load: () => NativeKernelResult, indicator: string): Kernel {
  const result = load();
  if (result.kernel === null) {
    throw new OmegaTaError(
      ErrorCode.UNSUPPORTED,
      `${info.name}: ${indicator} is unavailable: ${result.reason}. Use @omega-ta/kernels-ts instead.`,
      { argument: 'kernel' },
    );
  }
  return result.kernel;
}

/**
 * A kernel that loads the binary on its first call (importing it loads nothing). When the binary
 * is unavailable every function throws `OmegaTaError` UNSUPPORTED carrying the reason, whatever
 * its arguments.
 */
export function createLazyKernel(load: () => NativeKernelResult): Kernel {
  const ema: KernelFunction<Indicators['ema']> = (...args) => native(load, 'ema').ema(...args);
  const sma: KernelFunction<Indicators['sma']> = (...args) => native(load, 'sma').sma(...args);
  const atr: KernelFunction<Indicators['atr']> = (...args) => native(load, 'atr').atr(...args);
  const dmi: KernelFunction<Indicators['dmi']> = (...args) => native(load, 'dmi').dmi(...args);
  const choppiness: KernelFunction<Indicators['choppiness']> = (...args) =>
    native(load, 'choppiness').choppiness(...args);
  return Object.freeze({ info, ema, sma, atr, dmi, choppiness });
}

/**
 * The Rust implementation of the omega-ta kernel contract, bit-identical to
 * `@omega-ta/kernels-ts`. Throws UNSUPPORTED on platforms without a binary; check
 * {@link loadNativeKernel} or `isNativeAvailable()` first to fall back.
 */
export const kernel: Kernel = createLazyKernel(loadNativeKernel);

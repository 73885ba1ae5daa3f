import type { Kernel } from '@omega-ta/kernel-interface';
import { loadBinding } from './binding.js';
import { kernelFromBinding } from './native-kernel.js';

/** The native kernel, or the reason it is not available on this machine. */
export type NativeKernelResult = { kernel: Kernel; reason: null } | { kernel: null; reason: string };

/** Loads with `load` (see {@link loadBinding}), without caching. Never throws. */
export function loadNativeKernelWith(load?: () => unknown): NativeKernelResult {
  const result = loadBinding(load);
  return result.binding === null
    ? { kernel: null, reason: result.reason }
    : { kernel: kernelFromBinding(result.binding), reason: null };
}

let cached: NativeKernelResult | undefined;

/**
 * The Rust kernel if its binary loads here, else `{ kernel: null, reason }` saying why (no binary
 * for this platform/arch, a load error, a package built without `napi build`...), so a caller
 * such as IndicatorCache can fall back to `@omega-ta/kernels-ts` and tell the user why.
 * Never throws. The first call loads; later calls return the same result.
 */
export function loadNativeKernel(): NativeKernelResult {
  cached ??= loadNativeKernelWith();
  return cached;
}

/** True when the native binary loads on this machine (see {@link loadNativeKernel}). */
export function isNativeAvailable(): boolean {
  return loadNativeKernel().kernel !== null;
}

import {
  bindKernel,
  indicatorList,
  type IndicatorName,
  type Indicators,
  type IndicatorSpec,
  type KernelFunction,
  type KernelInfo,
} from '@omega-ta/kernel-interface';
import { asyncExportName, loadBinding, type BindingResult, type NativeAsyncBinding } from './binding.js';
import { info } from './info.js';
import { unavailableError } from './unavailable.js';

/**
 * The asynchronous form of one indicator's kernel function: the same arguments
 * `(inputs…, params, outputs…)`, and a promise that resolves (to nothing) once the outputs are
 * written. The kernel runs on the libuv thread pool, so the event loop stays free meanwhile.
 *
 * The caller must not read, write, detach, transfer or resize any of the call's buffers until the
 * promise settles, nor pass its outputs to another call: native code reads the inputs and writes
 * the outputs in place on another thread during that time (see docs/kernel-contract.md,
 * "Asynchronous kernels"). Inputs may be shared between pending calls.
 */
export type AsyncKernelFunction<S extends IndicatorSpec> = (...args: Parameters<KernelFunction<S>>) => Promise<void>;

/** One asynchronous function per indicator of the registry, plus which implementation it is. */
export type AsyncKernel = { readonly [N in IndicatorName]: AsyncKernelFunction<Indicators[N]> } & { readonly info: KernelInfo };

type UntypedAsync = (...args: unknown[]) => Promise<void>;

/**
 * The asynchronous function of `spec` on top of `binding`. The call is validated synchronously,
 * before anything is queued, by the same `bindKernel` as the synchronous kernel (so the same
 * `OmegaTaError`s); a failed validation returns a rejected promise and never reaches Rust. The
 * registry's parameters are passed positionally, in their registry order, as every native export
 * takes them.
 */
function asyncFunction(spec: IndicatorSpec, binding: NativeAsyncBinding): UntypedAsync {
  const dispatch = binding[asyncExportName(spec.name as IndicatorName)];
  let queued: Promise<void> | undefined;
  const validateAndQueue = bindKernel(spec, (inputs, params, outputs) => {
    queued = dispatch(...inputs, ...spec.params.map((p) => params[p.name]!), ...outputs);
  }) as unknown as (...args: unknown[]) => void;
  return (...args) => {
    try {
      validateAndQueue(...args);
      return queued!;
    } catch (error) {
      return Promise.reject(error as Error);
    } finally {
      queued = undefined;
    }
  };
}

/** The contract's asynchronous kernel on top of a loaded binding. */
export function asyncKernelFromBinding(binding: NativeAsyncBinding): AsyncKernel {
  const functions = indicatorList.map((spec) => [spec.name, asyncFunction(spec, binding)] as const);
  return Object.freeze({ info, ...Object.fromEntries(functions) }) as unknown as AsyncKernel;
}

/**
 * An asynchronous kernel that loads the binary on its first call (see `createLazyKernel`). When
 * the binary is unavailable every function returns a promise rejected with `OmegaTaError`
 * UNSUPPORTED carrying the reason.
 */
export function createLazyAsyncKernel(load: () => BindingResult): AsyncKernel {
  let kernel: AsyncKernel | undefined;
  const functions = indicatorList.map((spec) => {
    const lazy: UntypedAsync = (...args) => {
      const result = load();
      if (result.binding === null) return Promise.reject(unavailableError(spec.name, result.reason));
      kernel ??= asyncKernelFromBinding(result.binding);
      return (kernel as unknown as Record<string, UntypedAsync>)[spec.name]!(...args);
    };
    return [spec.name, lazy] as const;
  });
  return Object.freeze({ info, ...Object.fromEntries(functions) }) as unknown as AsyncKernel;
}

let cached: BindingResult | undefined;

/**
 * The Rust kernels on the libuv thread pool: `await kernelAsync.ema(close, { period: 14 }, out)`.
 * Same arguments, validation, errors and bits as the synchronous `kernel`; the outputs are
 * written when the promise resolves. Until then the caller must leave every buffer of the call
 * alone (no reads, writes, transfers or resizes). Rejects with UNSUPPORTED where the binary is
 * unavailable.
 */
export const kernelAsync: AsyncKernel = createLazyAsyncKernel(() => {
  cached ??= loadBinding();
  return cached;
});

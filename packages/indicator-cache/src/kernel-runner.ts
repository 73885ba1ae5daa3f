import { callKernel, ErrorCode, isOmegaTaError, type Kernel, type ReadonlyFloat64Array } from '@omega-ta/kernel-interface';
import tsKernel from '@omega-ta/kernels-ts';
import type { BackendInfo, BackendSelection } from './backend.js';

/** The process warning code emitted (once per process) when a native call fails and TS answers. */
export const NATIVE_FALLBACK_WARNING = 'OMEGA_TA_NATIVE_FALLBACK';

let warned = false;

/**
 * Backend dispatch of one IndicatorCache: runs kernels on the selected backend. When a native
 * call fails for an internal reason (anything but the contract's validation errors, which are the
 * caller's and are rethrown), the call is answered by the TypeScript kernels, this runner uses
 * them from then on, {@link info} says why, and one process warning
 * (`OMEGA_TA_NATIVE_FALLBACK`) is emitted per process.
 */
export class KernelRunner {
  #kernel: Kernel;
  #info: BackendInfo;

  constructor(selection: BackendSelection) {
    this.#kernel = selection.kernel;
    this.#info = selection.info;
  }

  /** Which backend answers calls, what was requested, and why. */
  get info(): BackendInfo {
    return this.#info;
  }

  /** Runs registry indicator `name` on the active backend, falling back to TS as described above. */
  run(name: string, inputs: readonly ReadonlyFloat64Array[], params: Readonly<Record<string, number>>, outputs: readonly Float64Array[]): void {
    try {
      callKernel(this.#kernel, name, inputs, params, outputs);
    } catch (error) {
      if (this.#kernel === tsKernel || (isOmegaTaError(error) && error.code !== ErrorCode.UNSUPPORTED)) throw error;
      const reason = error instanceof Error ? error.message : String(error);
      this.#kernel = tsKernel;
      this.#info = { ...this.#info, active: 'ts', reason: `native kernel failed in '${name}', using TypeScript from now on: ${reason}` };
      if (!warned && typeof process !== 'undefined') {
        warned = true;
        process.emitWarning(this.#info.reason, { code: NATIVE_FALLBACK_WARNING });
      }
      callKernel(this.#kernel, name, inputs, params, outputs);
    }
  }
}

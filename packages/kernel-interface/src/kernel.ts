import { checkBuffers } from './buffers.js';
import { ErrorCode, OmegaTaError } from './errors.js';
import { resolveParams, type ParamInput } from './params.js';
import type { ReadonlyFloat64Array } from './readonly-array.js';
import { findIndicator, type IndicatorName, type Indicators, type IndicatorSpec } from './registry.js';
import type { StreamFactory } from './streaming.js';

type Each<T extends readonly unknown[], E> = { -readonly [K in keyof T]: E };

/**
 * The batch function of one indicator: `(inputs…, params, outputs…) => void`. Outputs are
 * allocated by the caller, have the length of the inputs, and receive NaN where the reference
 * semantics have no value.
 */
export type KernelFunction<S extends IndicatorSpec> = (
  ...args: [...Each<S['inputs'], ReadonlyFloat64Array>, ParamInput<S['params']>, ...Each<S['outputs'], Float64Array>]
) => void;

/** One batch function per indicator of the registry. */
export type KernelFunctions = { readonly [N in IndicatorName]: KernelFunction<Indicators[N]> };

/** Which implementation a kernel is. */
export interface KernelInfo {
  /** The npm package name, e.g. `@omega-ta/kernels-ts`. */
  readonly name: string;
  readonly version: string;
}

/**
 * A kernel package's default export: an implementation of every indicator of the registry, and
 * the incremental form of each (`createStream`).
 */
export type Kernel = KernelFunctions & { readonly info: KernelInfo; readonly createStream: StreamFactory };

/**
 * The uniform shape of an implementation (tulipindicators' `ti_indicator_function`): inputs,
 * resolved parameters and outputs as lists, already validated by {@link bindKernel}.
 */
export type RawKernelFunction = (
  inputs: readonly Float64Array[],
  params: Readonly<Record<string, number>>,
  outputs: readonly Float64Array[],
) => void;

/**
 * Validates one call (buffers, then parameters) and returns its inputs, resolved parameters and
 * outputs. Throws {@link OmegaTaError} on the first problem.
 */
export function checkCall(
  spec: IndicatorSpec,
  inputs: readonly unknown[],
  params: unknown,
  outputs: readonly unknown[],
): Readonly<Record<string, number>> {
  checkBuffers(spec.name, spec.inputs, inputs, spec.outputs, outputs);
  return resolveParams(spec.name, spec.params, params);
}

/**
 * Turns a raw implementation into the public, validating `(inputs…, params, outputs…)` function
 * of the contract.
 */
export function bindKernel<S extends IndicatorSpec>(spec: S, raw: RawKernelFunction): KernelFunction<S> {
  const nIn = spec.inputs.length;
  const nOut = spec.outputs.length;
  const bound = (...args: unknown[]): void => {
    if (args.length !== nIn + 1 + nOut) {
      throw new OmegaTaError(
        ErrorCode.INVALID_INPUT,
        `${spec.name}: expected ${nIn} input(s), params and ${nOut} output(s) (${nIn + 1 + nOut} arguments), got ${args.length}`,
        { argument: 'arguments' },
      );
    }
    const inputs = args.slice(0, nIn);
    const outputs = args.slice(nIn + 1);
    const params = checkCall(spec, inputs, args[nIn], outputs);
    raw(inputs as Float64Array[], params, outputs as Float64Array[]);
  };
  return bound as unknown as KernelFunction<S>;
}

/**
 * Calls indicator `name` of `kernel` with lists of inputs and outputs: the generic entry point
 * for drivers such as the conformance suite and IndicatorCache.
 */
export function callKernel(
  kernel: Kernel,
  name: string,
  inputs: readonly ReadonlyFloat64Array[],
  params: Readonly<Record<string, number>>,
  outputs: readonly Float64Array[],
): void {
  const spec = findIndicator(name);
  const fn = spec ? (kernel as unknown as Record<string, unknown>)[spec.name] : undefined;
  if (typeof fn !== 'function') {
    throw new OmegaTaError(ErrorCode.UNSUPPORTED, `${kernel.info?.name ?? 'kernel'} does not implement '${name}'`, {
      argument: 'name',
    });
  }
  (fn as (...args: unknown[]) => void)(...inputs, params, ...outputs);
}

import { checkBuffers } from './buffers.js';
import { ErrorCode, OmegaTaError } from './errors.js';
import type { ReadonlyFloat64Array } from './readonly-array.js';
import type { IndicatorSpec } from './registry.js';

/**
 * The argument checks every {@link IndicatorStream} implementation shares, so that the kernels
 * reject bad bars, output indices and buffers with the same OmegaTaError codes and messages.
 */

/** Throws INVALID_INPUT naming the first of `spec`'s inputs among `x0, x1, x2` that is not a number. */
export function checkStreamBar(spec: IndicatorSpec, x0: unknown, x1: unknown, x2: unknown): void {
  const names = spec.inputs;
  for (let j = 0; j < names.length; j += 1) {
    const v = j === 0 ? x0 : j === 1 ? x1 : x2;
    if (typeof v !== 'number') {
      throw new OmegaTaError(ErrorCode.INVALID_INPUT, `${spec.name}: ${names[j]!} must be a number (got ${v === null ? 'null' : typeof v})`, {
        argument: names[j]!,
      });
    }
  }
}

/** Throws INVALID_INPUT unless `k` is the index of one of `spec`'s outputs. */
export function checkOutputIndex(spec: IndicatorSpec, k: number): void {
  const n = spec.outputs.length;
  if (!Number.isInteger(k) || k < 0 || k >= n) {
    throw new OmegaTaError(ErrorCode.INVALID_INPUT, `${spec.name}: output index must be an integer in [0, ${n - 1}] (got ${String(k)})`, {
      argument: 'k',
    });
  }
}

/**
 * Checks the columns of an `updateMany` call: arrays of one Float64Array per input and per output
 * (INVALID_INPUT), then the batch kernel's buffer checks (Float64Arrays, LENGTH_MISMATCH,
 * ALIASED_OUTPUT). Returns the inputs as Float64Arrays.
 */
export function checkStreamColumns(
  spec: IndicatorSpec,
  inputs: readonly ReadonlyFloat64Array[],
  outputs: readonly Float64Array[],
): readonly Float64Array[] {
  for (const [argument, list, expected] of [
    ['inputs', inputs, spec.inputs.length],
    ['outputs', outputs, spec.outputs.length],
  ] as const) {
    if (!Array.isArray(list) || list.length !== expected) {
      throw new OmegaTaError(ErrorCode.INVALID_INPUT, `${spec.name}: ${argument} must be an array of ${expected} Float64Array(s)`, {
        argument,
      });
    }
  }
  const given: readonly unknown[] = inputs;
  checkBuffers(spec.name, spec.inputs, given, spec.outputs, outputs);
  return given;
}

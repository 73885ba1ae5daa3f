import { ErrorCode, OmegaTaError } from './errors.js';

function overlaps(a: Float64Array, b: Float64Array): boolean {
  if (a.buffer !== b.buffer) return false;
  const aEnd = a.byteOffset + a.byteLength;
  const bEnd = b.byteOffset + b.byteLength;
  return a.byteOffset < bEnd && b.byteOffset < aEnd;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'object') return (value as object).constructor?.name ?? 'object';
  return typeof value;
}

/**
 * Checks the buffers of one kernel call: every input and output is a Float64Array, all have the
 * length of the first input, and no output overlaps an input or another output (an overlap is
 * undefined behaviour for the native backend, so every backend rejects it).
 */
export function checkBuffers(
  indicator: string,
  inputNames: readonly string[],
  inputs: readonly unknown[],
  outputNames: readonly string[],
  outputs: readonly unknown[],
): asserts inputs is readonly Float64Array[] {
  const named: { name: string; role: 'input' | 'output'; value: unknown }[] = [
    ...inputNames.map((name, i) => ({ name, role: 'input' as const, value: inputs[i] })),
    ...outputNames.map((name, i) => ({ name: `out ${name}`, role: 'output' as const, value: outputs[i] })),
  ];
  for (const { name, value } of named) {
    if (!(value instanceof Float64Array)) {
      throw new OmegaTaError(ErrorCode.INVALID_INPUT, `${indicator}: ${name} must be a Float64Array (got ${describe(value)})`, {
        argument: name,
      });
    }
  }
  const arrays = named as { name: string; role: 'input' | 'output'; value: Float64Array }[];
  const first = arrays[0];
  if (first === undefined) return;
  for (const { name, value } of arrays) {
    if (value.length !== first.value.length) {
      throw new OmegaTaError(
        ErrorCode.LENGTH_MISMATCH,
        `${indicator}: ${name} has length ${value.length}, expected ${first.value.length} (the length of ${first.name})`,
        { argument: name },
      );
    }
  }
  for (let i = 0; i < arrays.length; i += 1) {
    const a = arrays[i]!;
    if (a.role !== 'output') continue;
    for (let j = 0; j < arrays.length; j += 1) {
      const b = arrays[j]!;
      if (i !== j && (b.role === 'input' || j < i) && overlaps(a.value, b.value)) {
        throw new OmegaTaError(ErrorCode.ALIASED_OUTPUT, `${indicator}: ${a.name} overlaps ${b.name}; pass a separate buffer`, {
          argument: a.name,
        });
      }
    }
  }
}

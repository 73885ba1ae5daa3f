/** One named conformance check: `run` throws (an assertion or fast-check failure) when it fails. */
export interface Check {
  /** `<group> › <what>`, unique within a suite. */
  readonly name: string;
  readonly run: () => void;
}

/** Throws an Error with `message` unless `condition` holds. */
export function expectThat(condition: boolean, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

/** True when two doubles are the same bits, except that every NaN equals every NaN. */
export function sameBits(a: number, b: number): boolean {
  return Object.is(a, b) || (Number.isNaN(a) && Number.isNaN(b));
}

/** The first index where two series differ bitwise (NaN equal to NaN), or -1. */
export function firstBitDifference(a: Float64Array, b: Float64Array): number {
  if (a.length !== b.length) return 0;
  for (let i = 0; i < a.length; i += 1) if (!sameBits(a[i]!, b[i]!)) return i;
  return -1;
}

/**
 * Number decoding of the reference format: `null` is NaN, the strings "Infinity" and
 * "-Infinity" are ±Infinity, every other value is a JSON number (shortest round-trip, so
 * JSON.parse gives the identical double, including -0).
 */
export function decodeNumber(value: unknown): number {
  if (value === null) return Number.NaN;
  if (typeof value === 'number') return value;
  if (value === 'Infinity') return Number.POSITIVE_INFINITY;
  if (value === '-Infinity') return Number.NEGATIVE_INFINITY;
  throw new Error(`not a reference number: ${JSON.stringify(value)}`);
}

/** Decodes an array of reference numbers into a Float64Array. */
export function decodeSeries(values: readonly unknown[]): Float64Array {
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i += 1) out[i] = decodeNumber(values[i]);
  return out;
}

/**
 * True when `actual` equals `expected` as the reference defines it: NaN where NaN, the same
 * infinity, the same sign of zero, and otherwise a relative difference of at most `relTol`.
 */
export function sameNumber(actual: number, expected: number, relTol: number): boolean {
  if (Number.isNaN(expected) || Number.isNaN(actual)) return Number.isNaN(expected) && Number.isNaN(actual);
  if (!Number.isFinite(expected) || !Number.isFinite(actual)) return actual === expected;
  if (expected === 0 || actual === 0) return Object.is(actual, expected);
  return Math.abs(actual - expected) <= relTol * Math.abs(expected);
}

/** Relative error of `actual` against `expected` (0 when equal, Infinity on a NaN/sign mismatch). */
export function relativeError(actual: number, expected: number): number {
  if (sameNumber(actual, expected, 0)) return 0;
  if (!Number.isFinite(expected) || !Number.isFinite(actual) || expected === 0) return Number.POSITIVE_INFINITY;
  return Math.abs(actual - expected) / Math.abs(expected);
}

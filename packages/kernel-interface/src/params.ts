import { ErrorCode, OmegaTaError } from './errors.js';

/** One numeric parameter of an indicator, with the range the contract accepts. */
export interface ParamSpec {
  readonly name: string;
  /** `integer` accepts only whole numbers (14 and 14.0 are the same value). */
  readonly kind: 'integer' | 'number';
  /** Smallest accepted value (inclusive). */
  readonly min: number;
  /** Largest accepted value (inclusive). */
  readonly max: number;
  /** Value used when the caller leaves the parameter out; absent means the parameter is required. */
  readonly default?: number;
  readonly description: string;
}

/** The parameter object of an indicator: one number per declared parameter. */
export type ParamValues<P extends readonly ParamSpec[]> = { readonly [S in P[number] as S['name']]: number };

/** What callers may pass: parameters with a default may be left out. */
export type ParamInput<P extends readonly ParamSpec[]> = {
  readonly [S in P[number] as S extends { default: number } ? never : S['name']]: number;
} & {
  readonly [S in P[number] as S extends { default: number } ? S['name'] : never]?: number;
};

function describeRange(spec: ParamSpec): string {
  const kind = spec.kind === 'integer' ? 'an integer' : 'a number';
  if (spec.max >= 2 ** 31 - 1) return `${kind} >= ${spec.min}`;
  return `${kind} in [${spec.min}, ${spec.max}]`;
}

/**
 * Checks `input` against `specs` and returns a new object with every parameter set (defaults
 * applied). Throws INVALID_PARAM naming the parameter on a missing, unknown, non-finite,
 * non-integer or out-of-range value.
 */
export function resolveParams(
  indicator: string,
  specs: readonly ParamSpec[],
  input: unknown,
): Readonly<Record<string, number>> {
  if (input === null || typeof input !== 'object') {
    throw new OmegaTaError(ErrorCode.INVALID_PARAM, `${indicator}: params must be an object`, { argument: 'params' });
  }
  const given = input as Record<string, unknown>;
  for (const key of Object.keys(given)) {
    if (!specs.some((s) => s.name === key)) {
      const known = specs.map((s) => s.name).join(', ') || 'none';
      throw new OmegaTaError(ErrorCode.INVALID_PARAM, `${indicator}: unknown parameter '${key}' (known: ${known})`, {
        argument: key,
      });
    }
  }
  const out: Record<string, number> = {};
  for (const spec of specs) {
    const raw = given[spec.name] ?? spec.default;
    if (raw === undefined) {
      throw new OmegaTaError(ErrorCode.INVALID_PARAM, `${indicator}: parameter '${spec.name}' is required`, {
        argument: spec.name,
      });
    }
    const valid =
      typeof raw === 'number' &&
      Number.isFinite(raw) &&
      (spec.kind === 'number' || Number.isInteger(raw)) &&
      raw >= spec.min &&
      raw <= spec.max;
    if (!valid) {
      throw new OmegaTaError(
        ErrorCode.INVALID_PARAM,
        `${indicator}: ${spec.name} must be ${describeRange(spec)} (got ${String(raw)})`,
        { argument: spec.name },
      );
    }
    out[spec.name] = raw;
  }
  return out;
}

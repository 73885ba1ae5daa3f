/**
 * Stable error codes of the kernel contract. Every backend throws these, so callers can branch on
 * `error.code` instead of parsing messages.
 */
export const ErrorCode = {
  /** A parameter is missing, not a number, not an integer where one is required, or out of range. */
  INVALID_PARAM: 'INVALID_PARAM',
  /** An input or output buffer is not a Float64Array. */
  INVALID_INPUT: 'INVALID_INPUT',
  /** Inputs and outputs of one call do not all have the same length. */
  LENGTH_MISMATCH: 'LENGTH_MISMATCH',
  /** An output buffer overlaps an input or another output. */
  ALIASED_OUTPUT: 'ALIASED_OUTPUT',
  /** The backend does not implement the indicator, or is not available on this platform. */
  UNSUPPORTED: 'UNSUPPORTED',
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** The one error class of omega-ta. `argument` names the offending argument where there is one. */
export class OmegaTaError extends Error {
  override readonly name = 'OmegaTaError';
  readonly code: ErrorCode;
  readonly argument: string | undefined;

  constructor(code: ErrorCode, message: string, options: { argument?: string; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.argument = options.argument;
  }
}

/** True for an {@link OmegaTaError}, also one thrown by another copy of this package. */
export function isOmegaTaError(value: unknown): value is OmegaTaError {
  return (
    value instanceof OmegaTaError ||
    (value instanceof Error && value.name === 'OmegaTaError' && typeof (value as { code?: unknown }).code === 'string')
  );
}

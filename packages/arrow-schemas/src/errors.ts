/**
 * Stable error codes of the data layer (arrow-schemas, slicer). Callers branch on `error.code`,
 * never on the message.
 */
export const DataErrorCode = {
  /** A required column (or timeframe/side list) is absent. */
  MISSING_COLUMN: 'MISSING_COLUMN',
  /** A column or value has the wrong type (e.g. not a Float64Array, an Arrow Int32 price column). */
  WRONG_TYPE: 'WRONG_TYPE',
  /** Columns that must have one length (the row count) do not. */
  LENGTH_MISMATCH: 'LENGTH_MISMATCH',
  /** The primary timestamps are not strictly increasing. */
  UNSORTED: 'UNSORTED',
  /** An argument or value is outside its domain (negative length, non-integer index, NaN timestamp, ...). */
  INVALID_ARGUMENT: 'INVALID_ARGUMENT',
  /** The call would read data after the current row (e.g. a negative index, which Python reads from the end). */
  LOOKAHEAD: 'LOOKAHEAD',
  /** A position is outside the rows or window it addresses. */
  OUT_OF_RANGE: 'OUT_OF_RANGE',
  /** A value is well-formed but impossible for its column (e.g. a candle's high below its low). */
  INVALID_VALUE: 'INVALID_VALUE',
} as const;

export type DataErrorCode = (typeof DataErrorCode)[keyof typeof DataErrorCode];

/**
 * Where a {@link DataError} happened: the source (e.g. a file name), the column (e.g.
 * `H4.ask.close`) and row, when known.
 */
export interface DataErrorOptions {
  readonly source?: string;
  readonly column?: string;
  readonly row?: number;
  readonly cause?: unknown;
}

/**
 * The one error class of the data layer. `source` names the file or input (when the reader was
 * told it), `column` names the offending column (dotted
 * `timeframe.side.field` for aligned data, the Arrow field name for tables) and `row` the first
 * offending row, where there is one.
 */
export class DataError extends Error {
  override readonly name = 'DataError';
  readonly code: DataErrorCode;
  readonly source: string | undefined;
  readonly column: string | undefined;
  readonly row: number | undefined;

  constructor(code: DataErrorCode, message: string, options: DataErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.source = options.source;
    this.column = options.column;
    this.row = options.row;
  }
}

/** True for a {@link DataError}, also one thrown by another copy of this package. */
export function isDataError(value: unknown): value is DataError {
  return (
    value instanceof DataError ||
    (value instanceof Error && value.name === 'DataError' && typeof (value as { code?: unknown }).code === 'string')
  );
}

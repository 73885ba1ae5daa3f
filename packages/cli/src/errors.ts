import { isDataError } from '@omega-ta/arrow-schemas';
import { isOmegaTaError } from '@omega-ta/kernel-interface';

/** A usage or input error of the command line: printed as one line, exit code 1. */
export class CliError extends Error {
  override readonly name = 'CliError';
}

/**
 * One line for the user, no stack trace: the message of a CliError, of the data layer's
 * DataError (with its file, column and row when the message does not already say them) or of a
 * kernel's OmegaTaError; other errors are unexpected and say so.
 */
export function describeError(error: unknown, file?: string): string {
  const where = file === undefined ? '' : `${file}: `;
  if (error instanceof CliError) return `${where}${error.message}`;
  if (isDataError(error)) {
    const place = [
      error.source === undefined && file === undefined ? undefined : `file ${error.source ?? file}`,
      error.column === undefined ? undefined : `column ${error.column}`,
      error.row === undefined ? undefined : `row ${error.row}`,
    ].filter((part) => part !== undefined);
    const prefix = error.source !== undefined && error.message.startsWith(`${error.source}: `) ? '' : where;
    return `${prefix}${error.message}${place.length > 0 ? ` (${place.join(', ')})` : ''}`;
  }
  if (isOmegaTaError(error)) return `${where}${error.message}`;
  const message = error instanceof Error ? error.message : String(error);
  return `${where}unexpected error: ${message}`;
}

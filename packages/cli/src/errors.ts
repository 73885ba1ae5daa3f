import { isDataError } from '@omega-ta/arrow-schemas';
import { isOmegaTaError } from '@omega-ta/kernel-interface';

/** A usage or input error of the command line: printed as one line, exit code 1. */
export class CliError extends Error {
  override readonly name = 'CliError';
}

/**
 * One line for the user, no stack trace: the message of a CliError, of the data layer's
 * DataError (prefixed with the file, and followed by its column and row where the message does
 * not already say them) or of a kernel's OmegaTaError; other errors are unexpected and say so.
 */
export function describeError(error: unknown, file?: string): string {
  const where = file === undefined ? '' : `${file}: `;
  if (error instanceof CliError) return `${where}${error.message}`;
  if (isDataError(error)) {
    const prefix = error.source !== undefined && error.message.startsWith(`${error.source}: `) ? '' : where;
    const place = [
      error.column === undefined || error.message.includes(error.column) ? undefined : `column ${error.column}`,
      error.row === undefined || error.message.includes(`row ${error.row}`) ? undefined : `row ${error.row}`,
    ].filter((part) => part !== undefined);
    return `${prefix}${error.message}${place.length > 0 ? ` (${place.join(', ')})` : ''}`;
  }
  if (isOmegaTaError(error)) return `${where}${error.message}`;
  const message = error instanceof Error ? error.message : String(error);
  return `${where}unexpected error: ${message}`;
}

import { ErrorCode, OmegaTaError } from '@omega-ta/kernel-interface';
import { info } from './info.js';

/** The error of a call to `indicator` on a machine where the native binary does not load. */
export function unavailableError(indicator: string, reason: string): OmegaTaError {
  return new OmegaTaError(
    ErrorCode.UNSUPPORTED,
    `${info.name}: ${indicator} is unavailable: ${reason}. Use @omega-ta/kernels-ts instead.`,
    { argument: 'kernel' },
  );
}

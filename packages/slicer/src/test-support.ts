import { DataError } from '@omega-ta/arrow-schemas';
import { expect } from 'vitest';

/** Test support (not part of the build): the code of the DataError `fn` throws; fails the test when it throws anything else or nothing. */
export function dataErrorCode(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(DataError);
    return (e as DataError).code;
  }
  throw new Error('expected a DataError');
}

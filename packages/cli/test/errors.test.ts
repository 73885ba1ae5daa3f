import { DataError } from '@omega-ta/arrow-schemas';
import { OmegaTaError } from '@omega-ta/kernel-interface';
import { describe, expect, it } from 'vitest';
import { CliError, describeError } from '../src/errors.js';

describe('describeError', () => {
  it('prefixes the file once and adds the column and row a DataError message does not say', () => {
    const bare = new DataError('WRONG_TYPE', 'not a number', { column: 'close', row: 4 });
    expect(describeError(bare, 'a.csv')).toBe('a.csv: not a number (column close, row 4)');
    const placed = new DataError('WRONG_TYPE', 'a.csv: column close row 4: not a number', { source: 'a.csv', column: 'close', row: 4 });
    expect(describeError(placed, 'a.csv')).toBe('a.csv: column close row 4: not a number');
  });

  it('passes CliError and OmegaTaError messages and marks anything else unexpected', () => {
    expect(describeError(new CliError('bad option'))).toBe('bad option');
    expect(describeError(new OmegaTaError('INVALID_PARAM', 'ema: period must be >= 1', { argument: 'period' }), 'b.csv')).toBe('b.csv: ema: period must be >= 1');
    expect(describeError(new TypeError('boom'))).toBe('unexpected error: boom');
    expect(describeError('text')).toBe('unexpected error: text');
  });
});

import { describe, expect, it } from 'vitest';
import { log } from './log.js';

describe('log', () => {
  it('is fdlibm (V8) log', () => {
    for (const x of [0.5, 1.01, 0.9851485148514851, 1e-300, 5e-324, 3, Number.MAX_VALUE]) expect(log(x)).toBe(Math.log(x));
    expect(log(0)).toBe(Number.NEGATIVE_INFINITY);
    expect(log(-1)).toBeNaN();
    expect(log(Number.POSITIVE_INFINITY)).toBe(Number.POSITIVE_INFINITY);
  });
});

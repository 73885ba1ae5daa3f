import { describe, expect, it } from 'vitest';
import { ErrorCode } from '@omega-ta/kernel-interface';
import { loadDataset } from '@omega-ta/golden';
import { IndicatorCache } from './indicator-cache.js';
import { callOriginal, ORIGINAL_METHODS } from './original-methods.js';

describe('callOriginal', () => {
  const cache = new IndicatorCache(loadDataset('edge-short'), { backend: 'ts' });

  it('calls the method of that original name with its keyword arguments and defaults', () => {
    expect(callOriginal(cache, 'bollinger', 'H1', 'bid', { period: 3, std_factor: 1.5 })).toEqual(cache.bollinger('H1', 'bid', 3, 1.5));
    expect(callOriginal(cache, 'rsi', 'H1', 'bid')).toBe(cache.rsi('H1', 'bid', 14));
    const { plusDi, minusDi, adx } = cache.dmi('H1', 'bid', 5);
    expect(callOriginal(cache, 'dmi', 'H1', 'bid', { period: 5 })).toEqual({ plus_di: plusDi, minus_di: minusDi, adx });
    expect(ORIGINAL_METHODS).toHaveLength(22);
  });

  it('rejects a name the original does not have (UNSUPPORTED), also an inherited property name', () => {
    expect(() => callOriginal(cache, 'hull', 'H1', 'bid')).toThrow(expect.objectContaining({ code: ErrorCode.UNSUPPORTED }));
    expect(() => callOriginal(cache, 'toString', 'H1', 'bid')).toThrow(/no original IndicatorCache method 'toString'/);
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { loadDataset } from '@omega-ta/golden';
import { clearIndicatorCachePool, getCachedIndicatorCache, indicatorCachePoolSize } from './pool.js';

describe('the shared IndicatorCache pool', () => {
  afterEach(clearIndicatorCachePool);

  it('gives the same instance for the same data and options, another for other data or options', () => {
    const data = loadDataset('edge-short');
    const cache = getCachedIndicatorCache(data);
    expect(getCachedIndicatorCache(data)).toBe(cache);
    expect(getCachedIndicatorCache(data, { backend: 'ts' })).not.toBe(cache);
    expect(getCachedIndicatorCache(loadDataset('edge-short'))).not.toBe(cache);
    expect(indicatorCachePoolSize()).toBe(3);
  });

  it('shares results between the users of one instance', () => {
    const data = loadDataset('edge-short');
    const ema = getCachedIndicatorCache(data).ema('H1', 'bid', 3);
    expect(getCachedIndicatorCache(data).ema('H1', 'bid', 3)).toBe(ema);
  });

  it('forgets every instance on clear', () => {
    const data = loadDataset('edge-short');
    const cache = getCachedIndicatorCache(data);
    clearIndicatorCachePool();
    expect(indicatorCachePoolSize()).toBe(0);
    expect(getCachedIndicatorCache(data)).not.toBe(cache);
  });
});

import type { AlignedData } from '@omega-ta/arrow-schemas';
import { IndicatorCache, type IndicatorCacheOptions } from './indicator-cache.js';

/**
 * The shared pool of the original (`get_cached_indicator_cache`): the same data object gives the
 * same IndicatorCache instance, so every strategy of a backtest shares one set of results. An
 * entry lives as long as its data object is reachable (WeakMap), like the original's
 * WeakValueDictionary; options are part of the key (other options, another instance).
 */
let pool = new WeakMap<AlignedData, Map<string, IndicatorCache>>();
/** Weak references to the pooled instances, only to count the live ones. */
let members = new Set<WeakRef<IndicatorCache>>();

function optionsKey(options: IndicatorCacheOptions): string {
  return JSON.stringify([options.backend ?? 'auto', options.strictParams ?? false, options.kalmanResumeAfterGap ?? false, options.guardResults]);
}

/** The pooled IndicatorCache of `data` and `options`, created on first use. */
export function getCachedIndicatorCache(data: AlignedData, options: IndicatorCacheOptions = {}): IndicatorCache {
  let byOptions = pool.get(data);
  if (byOptions === undefined) {
    byOptions = new Map();
    pool.set(data, byOptions);
  }
  const key = optionsKey(options);
  let cache = byOptions.get(key);
  if (cache === undefined) {
    cache = new IndicatorCache(data, options);
    byOptions.set(key, cache);
    members.add(new WeakRef(cache));
  }
  return cache;
}

/** How many pooled instances are still alive (the original's `indicator_cache_pool_size`). */
export function indicatorCachePoolSize(): number {
  for (const ref of members) if (ref.deref() === undefined) members.delete(ref);
  return members.size;
}

/** Forgets every pooled instance (the original's `clear_indicator_cache_pool`). */
export function clearIndicatorCachePool(): void {
  pool = new WeakMap();
  members = new Set();
}

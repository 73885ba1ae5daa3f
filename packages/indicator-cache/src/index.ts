export { IndicatorCache, type Bands, type CandleFrame, type Dmi, type IndicatorCacheOptions, type LocalWindow, type Macd } from './indicator-cache.js';
export { BACKEND_ENV, selectBackend, type BackendChoice, type BackendInfo, type BackendSelection } from './backend.js';
export type { ReadonlyFloat64Array } from '@omega-ta/kernel-interface';
export { clearIndicatorCachePool, getCachedIndicatorCache, indicatorCachePoolSize } from './pool.js';
export { callOriginal, ORIGINAL_METHODS, type OriginalParams, type OriginalResult } from './original-methods.js';
export {
  ComputePool,
  computeMany,
  shareAlignedData,
  shareResults,
  type ComputeBatchOptions,
  type ComputeManyOptions,
  type ComputeOutput,
  type ComputeRequest,
} from './compute-many.js';
export { GUARD_ENV, RESULT_MODIFIED_WARNING } from './result-guard.js';
export { NATIVE_FALLBACK_WARNING } from './kernel-runner.js';

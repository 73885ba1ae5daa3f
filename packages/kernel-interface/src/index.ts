export { ErrorCode, OmegaTaError, isOmegaTaError } from './errors.js';
export { resolveParams, type ParamSpec, type ParamValues, type ParamInput } from './params.js';
export {
  bollinger,
  ema,
  sma,
  rsi,
  roc,
  macd,
  atr,
  dmi,
  choppiness,
  kalman_mean,
  kalman_zscore,
  zscore,
  zscore_ema,
  garch_volatility,
  kalman_garch_zscore,
  indicators,
  indicatorList,
  findIndicator,
  type IndicatorSpec,
  type IndicatorName,
  type Indicators,
  type InputName,
} from './registry.js';
export { checkBuffers } from './buffers.js';
export {
  bindKernel,
  callKernel,
  checkCall,
  type Kernel,
  type KernelFunction,
  type KernelFunctions,
  type KernelInfo,
  type RawKernelFunction,
} from './kernel.js';
export type { ReadonlyFloat64Array } from './readonly-array.js';
export type { IndicatorStream, StreamFactory } from './streaming.js';
export { checkOutputIndex, checkStreamBar, checkStreamColumns } from './stream-checks.js';

import { kernel } from './kernel.js';

export { kernel };
export { loadNativeKernel, isNativeAvailable, type NativeKernelResult } from './load.js';
export type { NativeBinding } from './binding.js';

/** Exponential moving average (native); see `@omega-ta/kernels-ts` `ema`. */
export const ema = kernel.ema;
/** Simple moving average (native); see `@omega-ta/kernels-ts` `sma`. */
export const sma = kernel.sma;

export default kernel;

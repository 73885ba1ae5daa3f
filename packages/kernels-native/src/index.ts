import { kernel } from './kernel.js';

export { kernel };
export { loadNativeKernel, isNativeAvailable, type NativeKernelResult } from './load.js';
export type { NativeBinding } from './binding.js';
export { kernelAsync, type AsyncKernel, type AsyncKernelFunction } from './async-kernel.js';

/** Exponential moving average (native); see `@omega-ta/kernels-ts` `ema`. */
export const ema = kernel.ema;
/** Simple moving average (native); see `@omega-ta/kernels-ts` `sma`. */
export const sma = kernel.sma;
/** Relative strength index (native); see `@omega-ta/kernels-ts` `rsi`. */
export const rsi = kernel.rsi;
/** Rate of change in percent (native); see `@omega-ta/kernels-ts` `roc`. */
export const roc = kernel.roc;
/** MACD line, signal line and histogram (native); see `@omega-ta/kernels-ts` `macd`. */
export const macd = kernel.macd;
/**
 * The streaming form of any registry indicator (native): `update`/`replace` one bar at a time,
 * outputs bitwise equal to the batch kernel at every row. See `IndicatorStream`.
 */
export const createStream = kernel.createStream;

export default kernel;

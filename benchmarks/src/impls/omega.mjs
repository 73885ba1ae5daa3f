// omega-ta's own implementations: the bare kernels (output buffers reused across calls) and
// IndicatorCache (first call, which allocates its outputs, and the cached call).
import { callKernel } from '@omega-ta/kernel-interface';
import tsKernel from '@omega-ta/kernels-ts';
import { loadNativeKernel } from '@omega-ta/kernels-native';
import { IndicatorCache } from '@omega-ta/indicator-cache';

function kernelImpl(name, kernel, unavailable) {
  return {
    name,
    unavailable,
    prepare({ spec, params }, table) {
      const inputs = spec.inputs.map((input) => table[input]);
      const outputs = spec.outputs.map(() => new Float64Array(table.close.length));
      return () => callKernel(kernel, spec.name, inputs, params, outputs);
    },
  };
}

function aligned(table) {
  const time = new Float64Array(table.close.length).map((_, i) => i * 60_000);
  return { primaryTimeframe: 'M1', timestamp: time, timeframes: { M1: { bid: { time, ...table } } } };
}

/**
 * A registry parameter as the IndicatorCache methods take it: the registry writes the original's
 * `omega=None` as a negative omega and `use_log_returns=True/False` as 1/0 (kernels take numbers
 * only), the cache takes null and booleans, as the original does.
 */
function cacheArg(name, value) {
  if (name === 'omega' && value < 0) return null;
  if (name === 'use_log_returns') return value === 1;
  return value;
}

/**
 * Calls the IndicatorCache method of `op` with the registry's default parameters, or null when
 * the cache has no method of that name (kernel-only entries such as `zscore_ema`).
 */
function cacheCall(cache, op, params) {
  const method = op.replace(/_(\w)/g, (_, c) => c.toUpperCase());
  const fn = cache[method];
  if (typeof fn !== 'function') return null;
  // Fixed positions instead of a spread per call (absent ones are undefined: the defaults).
  const [a, b, c, d, e, f, g, h, i] = Object.entries(params).map(([name, value]) => cacheArg(name, value));
  return () => fn.call(cache, 'M1', 'bid', a, b, c, d, e, f, g, h, i);
}

const native = loadNativeKernel();

export const omegaImpls = [
  kernelImpl('@omega-ta/kernels-ts', tsKernel, null),
  kernelImpl('@omega-ta/kernels-native', native.kernel, native.kernel === null ? native.reason : null),
  {
    name: '@omega-ta/indicator-cache (first call)',
    unavailable: null,
    prepare({ op, params }, table) {
      const data = aligned(table);
      if (cacheCall(new IndicatorCache(data), op, params) === null) return null;
      return () => cacheCall(new IndicatorCache(data), op, params)();
    },
  },
  {
    name: '@omega-ta/indicator-cache (cached call)',
    unavailable: null,
    prepare({ op, params }, table) {
      const call = cacheCall(new IndicatorCache(aligned(table)), op, params);
      call?.();
      return call;
    },
  },
];

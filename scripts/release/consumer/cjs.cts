// Compiled by the pack check against the published types only (strict, NodeNext, CommonJS side).
import kernelInterface = require('@omega-ta/kernel-interface');
import kernelsTs = require('@omega-ta/kernels-ts');
import kernelsNative = require('@omega-ta/kernels-native');
import arrowSchemas = require('@omega-ta/arrow-schemas');
import slicer = require('@omega-ta/slicer');
import indicatorCache = require('@omega-ta/indicator-cache');
import cli = require('@omega-ta/cli');

const out = new Float64Array(3);
kernelsTs.kernel.ema(new Float64Array([1, 2, 3]), { period: 2 }, out);
export const used = [
  kernelInterface.indicators.ema.name,
  kernelsNative.isNativeAvailable(),
  arrowSchemas.isDataError(null),
  slicer.SymbolDataSlice,
  indicatorCache.IndicatorCache,
  cli.USAGE,
] as const;

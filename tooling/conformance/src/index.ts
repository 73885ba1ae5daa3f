export { expectThat, firstBitDifference, sameBits, type Check } from './check.js';
export { conformanceChecks, type SuiteOptions } from './suite.js';
export { loadKernel } from './load-kernel.js';
export { runChecks } from './run.js';
export { REFERENCE_TOLERANCE, referenceChecks } from './reference-checks.js';
export { extremeOhlcv, gappyOhlcv, realisticOhlcv, seriesGenerators, type Ohlcv } from './series.js';

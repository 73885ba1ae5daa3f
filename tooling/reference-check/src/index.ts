export { BITWISE_METHODS, RELATIVE_TOLERANCE, replayIndicatorCases, type MethodStats } from './indicator-replay.js';
export { availableBackends, referenceCheck, type ReportSection } from './run.js';

import { libraryConfig } from '@omega-ta/config/tsup';

// The worker thread of computeMany is its own entry: dist/compute-worker.js (ESM) and .cjs.
export default libraryConfig({ entry: ['src/index.ts', 'src/compute-worker.ts'] });

import { libraryConfig } from '@omega-ta/config/tsup';

// Test tooling only, read from ESM test code: one ESM build.
export default libraryConfig({ format: ['esm'] });

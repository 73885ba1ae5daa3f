import { libraryConfig } from '@omega-ta/config/tsup';

// Private test tooling run by Node directly: ESM only, the library and the runner.
export default libraryConfig({ entry: ['src/index.ts', 'src/cli.ts'], format: ['esm'] });

import { libraryConfig } from '@omega-ta/config/tsup';

// Private tooling run by Node directly: ESM only, the library and the command.
export default libraryConfig({ entry: ['src/index.ts', 'src/cli.ts'], format: ['esm'] });

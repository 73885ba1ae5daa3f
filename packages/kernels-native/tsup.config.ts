import { libraryConfig } from '@omega-ta/config/tsup';

// `shims` gives `import.meta.url` a value in the CJS build, so `createRequire(import.meta.url)`
// finds `../binding.cjs` from both dist/index.js and dist/index.cjs.
export default libraryConfig({ shims: true });

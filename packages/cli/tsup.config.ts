import { libraryConfig } from '@omega-ta/config/tsup';

// `shims` gives `import.meta.url` a value in the CJS build (the chart library is found from it).
export default libraryConfig({ shims: true });

// Shared tsup settings: ESM + CJS + declarations for both, one entry per package unless told.
import { defineConfig } from 'tsup';

/** @param {import('tsup').Options} overrides */
export function libraryConfig(overrides = {}) {
  return defineConfig({
    entry: ['src/index.ts'],
    format: ['esm', 'cjs'],
    dts: true,
    clean: true,
    sourcemap: true,
    target: 'es2022',
    splitting: false,
    treeshake: true,
    ...overrides,
  });
}

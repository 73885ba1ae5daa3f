import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** The lightweight-charts standalone build (defines `window.LightweightCharts`), as text to inline. */
export function chartLibrarySource(): string {
  const require = createRequire(import.meta.url);
  const root = dirname(require.resolve('lightweight-charts/package.json'));
  return readFileSync(join(root, 'dist', 'lightweight-charts.standalone.production.js'), 'utf8');
}

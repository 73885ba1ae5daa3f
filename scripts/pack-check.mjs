// Packs every published package with `pnpm pack` (which turns workspace: ranges into versions),
// installs all tarballs into an empty folder with plain npm, and loads each package there by
// `import` and by `require`, checking a few exports. Exits non-zero on the first failure.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), 'omega-ta-pack-'));
const tarballs = join(work, 'tarballs');
const consumer = join(work, 'consumer');
mkdirSync(tarballs);
mkdirSync(consumer);

/** What each package must export, checked after loading it both ways. */
const expectations = {
  '@omega-ta/kernel-interface': "typeof m.bindKernel === 'function' && m.indicators.ema.name === 'ema'",
  '@omega-ta/kernels-ts': "typeof m.default.ema === 'function' || typeof m.kernel.ema === 'function'",
  '@omega-ta/kernels-native': "m.loadNativeKernel().kernel !== null",
  '@omega-ta/arrow-schemas': "(Array.isArray(m.CANDLE_FIELDS) || typeof m.CANDLE_FIELDS === 'object') && typeof m.readCandlesParquet === 'function'",
  '@omega-ta/slicer': "typeof m.SymbolDataSlice === 'function'",
  '@omega-ta/indicator-cache': "typeof m.IndicatorCache === 'function'",
};

try {
  const packages = readdirSync(join(root, 'packages'));
  for (const dir of packages) {
    execFileSync('pnpm', ['pack', '--pack-destination', tarballs], { cwd: join(root, 'packages', dir), stdio: 'pipe' });
  }
  const files = readdirSync(tarballs).map((f) => join(tarballs, f));
  console.log(`packed ${files.length} packages: ${readdirSync(tarballs).join(', ')}`);
  writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', private: true, version: '0.0.0' }));
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', ...files], { cwd: consumer, stdio: 'inherit' });

  for (const [name, check] of Object.entries(expectations)) {
    const esm = `const m = await import('${name}'); if (!(${check})) throw new Error('${name}: unexpected exports by import');`;
    const cjs = `const m = require('${name}'); if (!(${check})) throw new Error('${name}: unexpected exports by require');`;
    execFileSync('node', ['--input-type=module', '-e', esm], { cwd: consumer, stdio: 'inherit' });
    execFileSync('node', ['-e', cjs], { cwd: consumer, stdio: 'inherit' });
    const version = JSON.parse(readFileSync(join(consumer, 'node_modules', name, 'package.json'), 'utf8')).version;
    console.log(`ok ${name}@${version}: import and require`);
  }
} catch (error) {
  console.error(`pack check failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  rmSync(work, { recursive: true, force: true });
}

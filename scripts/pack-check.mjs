// The release check of every public package, as a user gets it from npm: `pnpm pack` each one,
// then for each tarball publint, attw (types for node10/node16 CJS+ESM/bundler) and
// `npm publish --dry-run`; install all tarballs into an empty folder with plain npm and load each
// package by import and by require; compile a strict TypeScript consumer against the published
// types; install each tarball ALONE (plus the tarballs of its workspace dependencies) into its
// own empty folder and load it both ways; bundle kernels-ts + kernel-interface for the browser
// (esbuild, no Node built-ins) and run the bundle without Node globals and in headless Chromium.
// Ends with `pack check: N passed, N failed`; exits non-zero on any failure.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { checkRunner } from './release/checks.mjs';
import { packAll, publicPackages, root, withWorkspaceClosure } from './release/workspace.mjs';

/** What each package must export, checked after loading it by import and by require. */
const expectations = {
  '@omega-ta/kernel-interface': "typeof m.bindKernel === 'function' && m.indicators.ema.name === 'ema'",
  '@omega-ta/kernels-ts': "typeof m.kernel.ema === 'function' && typeof m.default.ema === 'function'",
  '@omega-ta/kernels-native': 'm.loadNativeKernel().kernel !== null',
  '@omega-ta/arrow-schemas': "typeof m.alignedFromCandles === 'function' && typeof m.readCandlesParquet === 'function'",
  '@omega-ta/slicer': "typeof m.SymbolDataSlice === 'function'",
  '@omega-ta/indicator-cache': "typeof m.IndicatorCache === 'function'",
  '@omega-ta/cli': "typeof m.runCli === 'function'",
};

const bin = (name) => join(root, 'node_modules', '.bin', name);
const work = mkdtempSync(join(tmpdir(), 'omega-ta-pack-'));
const { check, finish } = checkRunner('pack check');

const sh = (command, args, cwd) => execFileSync(command, args, { cwd, encoding: 'utf8', stdio: 'pipe' });

function emptyProject(name) {
  const dir = join(work, name);
  mkdirSync(dir);
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'consumer', private: true, version: '0.0.0' }));
  return dir;
}

/** The bundle's report: SMA(3) of 1..6 (NaN NaN 2 3 4 5) and OmegaTaError on period 0. */
function checkBrowserReport(report) {
  const expected = JSON.stringify([Number.NaN, Number.NaN, 2, 3, 4, 5].map(String));
  if (!report || JSON.stringify(report.sma.map(String)) !== expected || !report.rejected) throw new Error(`unexpected result ${JSON.stringify(report)}`);
}

/** Debian's chromium (scripts/setup.sh installs it) or CHROMIUM_PATH. */
function chromiumPath() {
  const found = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => p && existsSync(p));
  if (!found) throw new Error('no Chromium found; run bash scripts/setup.sh or set CHROMIUM_PATH');
  return found;
}

function npmInstall(dir, files) {
  sh('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error', ...files], dir);
}

/** Loads `name` in `dir` by import and by require and checks its expected exports. */
function loadBothWays(dir, name) {
  const expectation = expectations[name] ?? 'Object.keys(m).length > 0';
  sh('node', ['--input-type=module', '-e', `const m = await import('${name}'); if (!(${expectation})) throw new Error('unexpected exports by import');`], dir);
  sh('node', ['-e', `const m = require('${name}'); if (!(${expectation})) throw new Error('unexpected exports by require');`], dir);
}

try {
  const packages = publicPackages();
  const tarballDir = join(work, 'tarballs');
  mkdirSync(tarballDir);
  let tarballs = new Map();
  await check('pnpm pack of every public package', () => {
    tarballs = packAll(packages, tarballDir);
    return [...tarballs.values()].map((f) => f.split('/').pop()).join(', ');
  });

  for (const [name, file] of tarballs) {
    await check(`publint ${name}`, () => void sh(bin('publint'), ['run', file, '--strict'], root));
    await check(`attw ${name}`, () => void sh(bin('attw'), [file, '--format', 'ascii'], root));
    await check(`npm publish --dry-run ${name}`, () => void sh('npm', ['publish', file, '--dry-run', '--access', 'public', '--loglevel=error'], root));
  }

  const together = emptyProject('together');
  // @types/node: the consumer's own dependency (the CLI's types use Node's stream types).
  await check('npm install of all tarballs together', () => void npmInstall(together, [...tarballs.values(), '@types/node@^20.19.0']));
  for (const name of tarballs.keys()) {
    await check(`${name}: import and require`, () => {
      loadBothWays(together, name);
      return JSON.parse(readFileSync(join(together, 'node_modules', name, 'package.json'), 'utf8')).version;
    });
  }

  await check('strict TypeScript consumer compiles against the published types (ESM and CJS)', () => {
    const fixtures = join(root, 'scripts', 'release', 'consumer');
    for (const f of ['esm.mts', 'cjs.cts', 'tsconfig.json']) copyFileSync(join(fixtures, f), join(together, f));
    sh(bin('tsc'), ['-p', join(together, 'tsconfig.json')], together);
  });

  const browserBundle = join(together, 'browser-bundle.js');
  await check('browser bundle of kernels-ts + kernel-interface (esbuild, platform browser) runs without Node globals', async () => {
    copyFileSync(join(root, 'scripts', 'release', 'consumer', 'browser-entry.mjs'), join(together, 'browser-entry.mjs'));
    const result = await build({ entryPoints: [join(together, 'browser-entry.mjs')], bundle: true, platform: 'browser', format: 'iife', outfile: browserBundle, logLevel: 'silent' });
    if (result.errors.length > 0) throw new Error(result.errors.map((e) => e.text).join('; '));
    let report;
    runInNewContext(readFileSync(browserBundle, 'utf8'), { report: (r) => (report = r) });
    checkBrowserReport(report);
    return `${readFileSync(browserBundle).length} bytes, ${report.names} indicators`;
  });

  await check('the same browser bundle runs in headless Chromium', async () => {
    const browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: ['--no-sandbox'] });
    try {
      const page = await browser.newPage();
      const errors = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.setContent('<!doctype html><script>window.report = (r) => { window.result = r; };</script>');
      await page.addScriptTag({ content: readFileSync(browserBundle, 'utf8') });
      const report = await page.evaluate(() => window.result);
      if (errors.length > 0) throw new Error(errors.join('; '));
      checkBrowserReport(report);
      return browser.version();
    } finally {
      await browser.close();
    }
  });

  for (const pkg of packages) {
    const closure = withWorkspaceClosure(pkg.name, packages);
    await check(`${pkg.name} installs alone (with ${closure.length - 1} workspace dependencies) and loads both ways`, () => {
      const dir = emptyProject(`alone-${pkg.name.replace('@omega-ta/', '')}`);
      npmInstall(dir, closure.map((n) => tarballs.get(n)));
      const installed = readdirSync(join(dir, 'node_modules', '@omega-ta')).map((n) => `@omega-ta/${n}`);
      const extra = installed.filter((n) => !closure.includes(n));
      if (extra.length > 0) throw new Error(`unexpected packages installed: ${extra.join(', ')}`);
      loadBothWays(dir, pkg.name);
      const bins = Object.keys(JSON.parse(readFileSync(join(dir, 'node_modules', pkg.name, 'package.json'), 'utf8')).bin ?? {});
      for (const name of bins) sh(join(dir, 'node_modules', '.bin', name), ['--help'], dir);
      return bins.length > 0 ? `bin ${bins.join(', ')} runs` : '';
    });
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

finish();

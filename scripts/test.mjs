// Quick start, command 2 (`pnpm test`): type checks, every vitest project, the Rust unit tests,
// clippy and rustdoc, the native leak check, and the packaging check, then one closing line
// `N passed, N failed`.
// Exits non-zero on any failure.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
let passed = 0;
let failed = 0;

function run(command, args, options = {}) {
  console.log(`\n==> ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { cwd: root, stdio: options.capture ? ['ignore', 'pipe', 'inherit'] : 'inherit', encoding: 'utf8', ...options });
  if (options.capture && result.stdout) process.stdout.write(result.stdout);
  if (result.error) console.error(result.error.message);
  return result;
}

// Build (cached by turbo) and type-check every package (strict; includes the tests'
// @ts-expect-error assertions). The tests import the workspace packages from their dist/.
const typecheck = run('pnpm', ['exec', 'turbo', 'run', 'build', 'typecheck', '--output-logs=errors-only']);
typecheck.status === 0 ? (passed += 1) : (failed += 1);

// Every vitest project (packages/* and tooling/*), counted from vitest's JSON report.
const reportDir = mkdtempSync(join(tmpdir(), 'omega-ta-vitest-'));
const report = join(reportDir, 'report.json');
const vitest = run('pnpm', ['exec', 'vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`]);
try {
  const json = JSON.parse(readFileSync(report, 'utf8'));
  passed += json.numPassedTests;
  failed += json.numFailedTests + (vitest.status !== 0 && json.numFailedTests === 0 ? 1 : 0);
} catch {
  failed += 1;
}
rmSync(reportDir, { recursive: true, force: true });

// The reference replay (`pnpm reference-check golden-data/reference`): every IndicatorCache case
// with each available backend, the slice traces and the alignment cases, counted per case.
const reference = run('node', ['tooling/reference-check/dist/cli.js', 'golden-data/reference'], { capture: true });
const referenceCounts = /(\d+) passed, (\d+) failed\s*$/.exec(reference.stdout ?? '');
if (referenceCounts) {
  passed += Number(referenceCounts[1]);
  failed += Number(referenceCounts[2]);
}
if (!referenceCounts || (reference.status !== 0 && Number(referenceCounts[2]) === 0)) failed += 1;

// Rust unit tests of the pure kernels crate.
const manifest = ['--manifest-path', 'packages/kernels-native/Cargo.toml'];
const cargo = run('cargo', ['test', ...manifest, '--workspace'], { capture: true });
const cargoCounts = [...(cargo.stdout ?? '').matchAll(/test result: \w+\. (\d+) passed; (\d+) failed/g)];
for (const [, p, f] of cargoCounts) {
  passed += Number(p);
  failed += Number(f);
}
if (cargo.status !== 0 || cargoCounts.length === 0) failed += 1;

// Quality gates of the Rust crates: clippy pedantic with warnings denied, and rustdoc.
const clippy = run('cargo', ['clippy', ...manifest, '--workspace', '--all-targets', '--', '-D', 'warnings', '-W', 'clippy::pedantic']);
clippy.status === 0 ? (passed += 1) : (failed += 1);
const rustdoc = run('cargo', ['doc', ...manifest, '--workspace', '--no-deps'], { env: { ...process.env, RUSTDOCFLAGS: '-D warnings' } });
rustdoc.status === 0 ? (passed += 1) : (failed += 1);

// Leak check: a million native kernel calls (sync and async, good and bad arguments) with RSS
// sampled in phases; fails when resident memory keeps growing.
const leak = run('node', ['packages/kernels-native/scripts/leak-check.mjs']);
leak.status === 0 ? (passed += 1) : (failed += 1);

// Every package packs and installs into an empty folder, loading by import and by require.
const pack = run('node', ['scripts/pack-check.mjs']);
pack.status === 0 ? (passed += 1) : (failed += 1);

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);

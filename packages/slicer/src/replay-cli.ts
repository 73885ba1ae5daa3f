/**
 * `node dist/replay.js <dir> [original|safe]`: replays every SymbolDataSlice/CandleSet trace of a
 * directory in the reference format (golden-data/reference/README.md) and prints the failures,
 * one line per trace and mode, and `N passed, N failed` (steps). Exit code 1 on any failure.
 */
import type { ReplayMode } from './replay.js';
import { replaySliceTraces } from './replay-node.js';

const [dir, mode] = process.argv.slice(2);
if (dir === undefined || (mode !== undefined && mode !== 'original' && mode !== 'safe')) {
  console.error('usage: node dist/replay.js <reference dir> [original|safe]');
  process.exit(2);
}
const results = replaySliceTraces(dir, mode === undefined ? ['original', 'safe'] : [mode as ReplayMode]);
let passed = 0;
let failed = 0;
for (const r of results) {
  passed += r.passed;
  failed += r.failed;
  for (const f of r.failures.slice(0, 20)) console.log(`FAIL [${r.mode}] ${f}`);
  console.log(`${r.name} [${r.mode}]: ${r.passed} passed, ${r.failed} failed, ${r.skipped} skipped (${r.rejected} rejected as look-ahead)`);
}
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed === 0 ? 0 : 1;

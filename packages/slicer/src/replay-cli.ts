/**
 * `node dist/replay.js <dir> [original|safe]`: replays every case of a directory in the reference
 * format (golden-data/reference/README.md): each SymbolDataSlice/CandleSet trace
 * (`expected/*.symbol_data_slice.json`) per mode, and each alignment case
 * (`expected/*.alignment.json`). Prints one PASS/FAIL line per case (with up to 20 failures under
 * a failed one) and ends with `N passed, N failed` (cases). Exit code 1 on any failure, 2 on bad
 * usage, an unreadable directory or a directory without cases.
 */
import type { ReplayMode } from './replay.js';
import { replayReferenceDirectory, type CaseResult } from './replay-node.js';

const [dir, mode] = process.argv.slice(2);
if (dir === undefined || (mode !== undefined && mode !== 'original' && mode !== 'safe')) {
  console.error('usage: node dist/replay.js <reference dir> [original|safe]');
  process.exit(2);
}
let results: CaseResult[];
try {
  results = replayReferenceDirectory(dir, mode === undefined ? ['original', 'safe'] : [mode as ReplayMode]);
} catch (error) {
  console.error(`cannot read ${dir}: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(2);
}
if (results.length === 0) {
  console.error(`no *.symbol_data_slice.json or *.alignment.json cases in ${dir}/expected`);
  process.exit(2);
}
let passed = 0;
let failed = 0;
for (const r of results) {
  if (r.ok) passed += 1;
  else failed += 1;
  const label = r.kind === 'slice' ? `${r.name} [slice, ${r.mode}]` : `${r.name} [alignment]`;
  console.log(`${r.ok ? 'PASS' : 'FAIL'} ${label}: ${r.summary}`);
  for (const f of r.failures.slice(0, 20)) console.log(`  ${f}`);
  if (r.failures.length > 20) console.log(`  ... ${r.failures.length - 20} more`);
}
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed === 0 ? 0 : 1;

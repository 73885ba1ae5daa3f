#!/usr/bin/env node
/**
 * `pnpm reference-check [dir]`: replays a directory in the reference format (default: the
 * repository's golden-data/reference) and ends with `N passed, N failed`; exit code 1 on any
 * failure, 2 on bad usage. A relative `dir` is taken from where pnpm was run (INIT_CWD).
 */
import { resolve } from 'node:path';
import { defaultReferenceDir } from '@omega-ta/golden';
import { BITWISE_METHODS } from './indicator-replay.js';
import { referenceCheck } from './run.js';

const args = process.argv.slice(2);
if (args.length > 1 || args[0] === '--help' || args[0] === '-h') {
  console.log('usage: pnpm reference-check [reference dir]   (default: golden-data/reference)');
  process.exit(args.length > 1 ? 2 : 0);
}
const dir = args[0] === undefined ? defaultReferenceDir() : resolve(process.env['INIT_CWD'] ?? process.cwd(), args[0]);
console.log(`reference-check ${dir}`);
const report = referenceCheck(dir, BITWISE_METHODS);
for (const note of report.notes) console.log(`note: ${note}`);
for (const section of report.sections) {
  console.log(`\n${section.title}: ${section.passed} passed, ${section.failed} failed`);
  for (const line of section.lines) console.log(`  ${line}`);
}
console.log(`\n${report.passed} passed, ${report.failed} failed`);
process.exitCode = report.failed === 0 ? 0 : 1;

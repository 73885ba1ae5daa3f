import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { replayAlignmentCase, type AlignmentCaseFile } from '@omega-ta/arrow-schemas';
import { BACKEND_ENV, type BackendChoice } from '@omega-ta/indicator-cache';
import { loadNativeKernel } from '@omega-ta/kernels-native';
import { replaySliceTraces } from '@omega-ta/slicer/replay';
import { replayIndicatorCases, type MethodStats } from './indicator-replay.js';

type Backend = Exclude<BackendChoice, 'auto'>;

/** One line group of the report: a title, its lines, and the checks passed and failed. */
export interface ReportSection {
  readonly title: string;
  readonly lines: string[];
  passed: number;
  failed: number;
}

/** The names `<name>` of the files `<dir>/expected/<name><suffix>`, sorted. */
function expectedFiles(dir: string, suffix: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(join(dir, 'expected'));
  } catch {
    return [];
  }
  return entries.filter((f) => f.endsWith(suffix)).map((f) => f.slice(0, -suffix.length)).sort();
}

/**
 * The backends to replay: `OMEGA_TA_BACKEND` when set (it overrides every IndicatorCache), else
 * TypeScript and, when its binary loads, native; `skipped` says why native is not replayed.
 */
export function availableBackends(): { backends: Backend[]; skipped: string | null } {
  const env = process.env[BACKEND_ENV]?.trim().toLowerCase();
  if (env === 'ts' || env === 'native') return { backends: [env], skipped: `${BACKEND_ENV}=${env}: only that backend` };
  const native = loadNativeKernel();
  return native.kernel === null ? { backends: ['ts'], skipped: `native unavailable: ${native.reason}` } : { backends: ['ts', 'native'], skipped: null };
}

function formatError(worst: number, bitwise: boolean): string {
  if (worst === 0) return bitwise ? '0 (bitwise)' : '0';
  return Number.isFinite(worst) ? worst.toExponential(2) : 'FAIL';
}

function indicatorSection(dir: string, files: readonly string[], backend: Backend, bitwise: ReadonlySet<string>): ReportSection {
  const section: ReportSection = { title: `IndicatorCache, ${backend} backend (${files.length} case files)`, lines: [], passed: 0, failed: 0 };
  const stats: Map<string, MethodStats> = replayIndicatorCases(dir, files, backend);
  const width = Math.max(8, ...[...stats.keys()].map((m) => m.length));
  section.lines.push(`${'method'.padEnd(width)}  ${'cases'.padStart(6)}  worst relative error`);
  for (const [method, s] of [...stats].sort(([a], [b]) => a.localeCompare(b))) {
    section.passed += s.cases - s.failed;
    section.failed += s.failed;
    section.lines.push(`${method.padEnd(width)}  ${String(s.cases).padStart(6)}  ${formatError(s.worst, bitwise.has(method))}${s.failed > 0 ? `  (${s.failed} failed)` : ''}`);
    for (const f of s.failures) section.lines.push(`  FAIL ${f}`);
  }
  return section;
}

function sliceSection(dir: string): ReportSection {
  const section: ReportSection = { title: 'SymbolDataSlice / CandleSet traces (steps)', lines: [], passed: 0, failed: 0 };
  for (const r of replaySliceTraces(dir)) {
    section.passed += r.passed;
    section.failed += r.failed;
    section.lines.push(`${r.name} [${r.mode}]: ${r.passed} passed, ${r.failed} failed, ${r.skipped} skipped`);
    for (const f of r.failures.slice(0, 5)) section.lines.push(`  FAIL ${f}`);
  }
  return section;
}

function alignmentSection(dir: string, names: readonly string[]): ReportSection {
  const section: ReportSection = { title: 'multi-timeframe alignment (cases)', lines: [], passed: 0, failed: 0 };
  for (const name of names) {
    const c = JSON.parse(readFileSync(join(dir, 'expected', `${name}.alignment.json`), 'utf8')) as AlignmentCaseFile;
    const { mismatches } = replayAlignmentCase(c);
    if (mismatches.length === 0) section.passed += 1;
    else section.failed += 1;
    section.lines.push(`${name}: ${mismatches.length === 0 ? 'exact' : `FAIL ${mismatches.slice(0, 3).join('; ')}`}`);
  }
  return section;
}

/**
 * Replays a directory in the reference format (README of golden-data/reference): every
 * IndicatorCache case with every available backend, every slice trace in both modes, every
 * alignment case. A directory without any case counts as one failure.
 */
export function referenceCheck(dir: string, bitwise: ReadonlySet<string>): { sections: ReportSection[]; notes: string[]; passed: number; failed: number } {
  const notes: string[] = [];
  const sections: ReportSection[] = [];
  const indicatorFiles = expectedFiles(dir, '.indicator_cache.json');
  if (indicatorFiles.length > 0) {
    const { backends, skipped } = availableBackends();
    if (skipped !== null) notes.push(skipped);
    for (const backend of backends) sections.push(indicatorSection(dir, indicatorFiles, backend, bitwise));
  }
  if (expectedFiles(dir, '.symbol_data_slice.json').length > 0) sections.push(sliceSection(dir));
  const alignment = expectedFiles(dir, '.alignment.json');
  if (alignment.length > 0) sections.push(alignmentSection(dir, alignment));
  let passed = 0;
  let failed = 0;
  for (const s of sections) {
    passed += s.passed;
    failed += s.failed;
  }
  if (passed + failed === 0) {
    notes.push(`no reference cases under ${join(dir, 'expected')}`);
    failed = 1;
  }
  return { sections, notes, passed, failed };
}

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { alignedData, replayAlignmentCase, type AlignedData, type AlignmentCaseFile } from '@omega-ta/arrow-schemas';
import { replaySliceTrace, type ReplayMode, type ReplayResult } from './replay.js';

/** A number as stored in the reference format: null is NaN, "Infinity"/"-Infinity" are infinities. */
function decode(value: unknown): number {
  if (value === null) return Number.NaN;
  if (value === 'Infinity') return Number.POSITIVE_INFINITY;
  if (value === '-Infinity') return Number.NEGATIVE_INFINITY;
  if (typeof value !== 'number') throw new Error(`not a reference number: ${JSON.stringify(value)}`);
  return value;
}

const column = (values: unknown): Float64Array => Float64Array.from(values as unknown[], decode);

/** Reads `<dir>/datasets/<name>.json` (the omega-indicator-reference/1 dataset format) as AlignedData. */
export function loadReferenceDataset(dir: string, name: string): AlignedData {
  const raw = JSON.parse(readFileSync(join(dir, 'datasets', `${name}.json`), 'utf8')) as {
    primary_tf: string;
    timestamp: unknown[];
    timeframes: Record<string, Record<string, Record<string, unknown>>>;
  };
  const timeframes: Record<string, Record<string, Record<string, Float64Array>>> = {};
  for (const [tf, sides] of Object.entries(raw.timeframes)) {
    timeframes[tf] = {};
    for (const [side, s] of Object.entries(sides)) {
      (timeframes[tf] as Record<string, Record<string, Float64Array>>)[side] = {
        time: column(s.bar_timestamp),
        open: column(s.open),
        high: column(s.high),
        low: column(s.low),
        close: column(s.close),
        volume: column(s.volume),
      };
    }
  }
  return alignedData({ primaryTimeframe: raw.primary_tf, timestamp: column(raw.timestamp), timeframes });
}

/**
 * Replays every `<dir>/expected/*.symbol_data_slice.json` trace against its dataset
 * (`<dir>/datasets/<dataset>.json`) in the given modes (default both), one result per trace and
 * mode.
 */
export function replaySliceTraces(dir: string, modes: readonly ReplayMode[] = ['original', 'safe']): ReplayResult[] {
  const suffix = '.symbol_data_slice.json';
  const files = readdirSync(join(dir, 'expected')).filter((f) => f.endsWith(suffix)).sort();
  const results: ReplayResult[] = [];
  for (const file of files) {
    const trace = JSON.parse(readFileSync(join(dir, 'expected', file), 'utf8')) as { dataset?: string; steps: TraceSteps };
    const name = trace.dataset ?? file.slice(0, -suffix.length);
    const data = loadReferenceDataset(dir, name);
    for (const mode of modes) results.push(replaySliceTrace({ name, data, steps: trace.steps }, mode));
  }
  return results;
}

type TraceSteps = Parameters<typeof replaySliceTrace>[0]['steps'];

/** One replayed case of a reference directory: a slice trace in one mode, or an alignment case. */
export interface CaseResult {
  readonly kind: 'slice' | 'alignment';
  /** The file name without its `.symbol_data_slice.json` / `.alignment.json` suffix. */
  readonly name: string;
  /** Slice traces: the mode replayed. */
  readonly mode?: ReplayMode;
  readonly ok: boolean;
  /** Step counts of a slice trace, or `exact`. */
  readonly summary: string;
  /** What differed (or why the case could not be read). */
  readonly failures: readonly string[];
}

function casesIn(dir: string, suffix: string): string[] {
  return readdirSync(join(dir, 'expected'))
    .filter((f) => f.endsWith(suffix))
    .sort()
    .map((f) => f.slice(0, -suffix.length));
}

function unreadable(kind: CaseResult['kind'], name: string, error: unknown, mode?: ReplayMode): CaseResult {
  const failures = [`cannot replay: ${error instanceof Error ? error.message : String(error)}`];
  return { kind, name, ...(mode === undefined ? {} : { mode }), ok: false, summary: 'unreadable', failures };
}

/**
 * Replays every case of a directory in the reference format: each `expected/*.symbol_data_slice.json`
 * trace (against `datasets/<dataset>.json`) in each of `modes` (default both), then each
 * `expected/*.alignment.json` case. A case that cannot be read or throws counts as failed with the
 * reason; nothing is skipped silently. Throws only when `<dir>/expected` cannot be listed.
 */
export function replayReferenceDirectory(dir: string, modes: readonly ReplayMode[] = ['original', 'safe']): CaseResult[] {
  const results: CaseResult[] = [];
  const sliceSuffix = '.symbol_data_slice.json';
  for (const file of casesIn(dir, sliceSuffix)) {
    let input: { name: string; data: AlignedData; steps: TraceSteps };
    try {
      const trace = JSON.parse(readFileSync(join(dir, 'expected', file + sliceSuffix), 'utf8')) as { dataset?: string; steps: TraceSteps };
      if (!Array.isArray(trace.steps)) throw new Error('no steps array');
      input = { name: file, data: loadReferenceDataset(dir, trace.dataset ?? file), steps: trace.steps };
    } catch (error) {
      for (const mode of modes) results.push(unreadable('slice', file, error, mode));
      continue;
    }
    for (const mode of modes) {
      let r: ReplayResult;
      try {
        r = replaySliceTrace(input, mode);
      } catch (error) {
        results.push(unreadable('slice', file, error, mode));
        continue;
      }
      const summary = `${r.passed} steps passed, ${r.failed} failed, ${r.skipped} skipped (${r.rejected} rejected as look-ahead)`;
      results.push({ kind: 'slice', name: file, mode, ok: r.failed === 0, summary, failures: r.failures });
    }
  }
  const alignmentSuffix = '.alignment.json';
  for (const file of casesIn(dir, alignmentSuffix)) {
    try {
      const c = JSON.parse(readFileSync(join(dir, 'expected', file + alignmentSuffix), 'utf8')) as AlignmentCaseFile;
      const r = replayAlignmentCase(c);
      const ok = r.mismatches.length === 0;
      results.push({ kind: 'alignment', name: file, ok, summary: ok ? 'exact' : `${r.mismatches.length} mismatches`, failures: r.mismatches });
    } catch (error) {
      results.push(unreadable('alignment', file, error));
    }
  }
  return results;
}

export type { ReplayMode, ReplayResult } from './replay.js';

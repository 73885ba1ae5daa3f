import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { alignedData, type AlignedData } from '@omega-ta/arrow-schemas';
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

export type { ReplayMode, ReplayResult } from './replay.js';

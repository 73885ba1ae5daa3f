import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeNumber, decodeSeries } from './numbers.js';

/** The reference copy shipped in this repository (see golden-data/README.md for its provenance). */
export function defaultReferenceDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  return resolve(here, '../../../golden-data/reference');
}

/** One timeframe and side of a dataset, decoded (the shape of arrow-schemas' CandleColumns). */
export interface ReferenceColumns {
  readonly time: Float64Array;
  readonly open: Float64Array;
  readonly high: Float64Array;
  readonly low: Float64Array;
  readonly close: Float64Array;
  readonly volume: Float64Array;
}

/** A decoded dataset file (the shape of arrow-schemas' AlignedData, plus its name). */
export interface ReferenceDataset {
  readonly name: string;
  readonly primaryTimeframe: string;
  readonly timestamp: Float64Array;
  readonly timeframes: Readonly<Record<string, { bid?: ReferenceColumns; ask?: ReferenceColumns }>>;
}

export type CaseKind = 'series' | 'tuple' | 'frame' | 'scalar' | 'error';

/** One IndicatorCache case as stored; numbers still encoded (use decodeSeries). */
export interface ReferenceCase {
  readonly id: string;
  readonly method: string;
  readonly tf?: string;
  readonly side?: string;
  readonly params: Readonly<Record<string, unknown>>;
  readonly kind: CaseKind;
  readonly length?: number;
  readonly rows?: 'all' | 'sample' | 'index';
  readonly index?: readonly number[];
  readonly values?: readonly unknown[] | Readonly<Record<string, readonly unknown[]>>;
  readonly value?: unknown;
  readonly error?: { readonly type: string; readonly message: string };
}

export interface ReferenceCaseFile {
  readonly dataset: string;
  readonly length: number;
  readonly sampleRows: readonly number[];
  readonly cases: readonly ReferenceCase[];
}

export interface ManifestDataset {
  readonly name: string;
  readonly dataset_file: string;
  readonly indicator_cache_file: string;
  readonly symbol_data_slice_file: string;
  readonly length: number;
  readonly primary_tf: string;
}

function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, 'utf8'));
}

/** The datasets listed in `<dir>/manifest.json`. */
export function listDatasets(dir: string = defaultReferenceDir()): readonly ManifestDataset[] {
  const manifest = readJson(join(dir, 'manifest.json')) as { datasets: ManifestDataset[] };
  return manifest.datasets;
}

interface RawSide {
  bar_timestamp: unknown[];
  open: unknown[];
  high: unknown[];
  low: unknown[];
  close: unknown[];
  volume: unknown[];
}

/** Reads and decodes `<dir>/datasets/<name>.json`. */
export function loadDataset(name: string, dir: string = defaultReferenceDir()): ReferenceDataset {
  const raw = readJson(join(dir, 'datasets', `${name}.json`)) as {
    primary_tf: string;
    timestamp: unknown[];
    timeframes: Record<string, Record<string, RawSide>>;
  };
  const timeframes: Record<string, { bid?: ReferenceColumns; ask?: ReferenceColumns }> = {};
  for (const [tf, sides] of Object.entries(raw.timeframes)) {
    const entry: { bid?: ReferenceColumns; ask?: ReferenceColumns } = {};
    for (const side of ['bid', 'ask'] as const) {
      const s = sides[side];
      if (s === undefined) continue;
      entry[side] = {
        time: decodeSeries(s.bar_timestamp),
        open: decodeSeries(s.open),
        high: decodeSeries(s.high),
        low: decodeSeries(s.low),
        close: decodeSeries(s.close),
        volume: decodeSeries(s.volume),
      };
    }
    timeframes[tf] = entry;
  }
  return { name, primaryTimeframe: raw.primary_tf, timestamp: decodeSeries(raw.timestamp), timeframes };
}

/** Reads `<dir>/expected/<name>.indicator_cache.json`. */
export function loadIndicatorCases(name: string, dir: string = defaultReferenceDir()): ReferenceCaseFile {
  const raw = readJson(join(dir, 'expected', `${name}.indicator_cache.json`)) as {
    dataset: string;
    length: number;
    sample_rows: number[] | null;
    cases: ReferenceCase[];
  };
  return { dataset: raw.dataset, length: raw.length, sampleRows: raw.sample_rows ?? [], cases: raw.cases };
}

/** One step of a SymbolDataSlice trace, as stored. */
export interface SliceStep {
  readonly op: string;
  readonly [key: string]: unknown;
}

/** Reads `<dir>/expected/<name>.symbol_data_slice.json`. */
export function loadSliceTrace(name: string, dir: string = defaultReferenceDir()): { length: number; steps: readonly SliceStep[] } {
  const raw = readJson(join(dir, 'expected', `${name}.symbol_data_slice.json`)) as { length: number; steps: SliceStep[] };
  return { length: raw.length, steps: raw.steps };
}

/**
 * The full-length expected series of a `series` case, as (row, value) pairs: every row for
 * `rows: all`, the sample rows for `rows: sample`, nothing for an `index` case of length 0.
 */
export function expectedRows(
  c: ReferenceCase,
  values: readonly unknown[],
  sampleRows: readonly number[],
): { row: number; value: number }[] {
  if (c.rows === 'sample') return sampleRows.map((row, k) => ({ row, value: decodeNumber(values[k]) }));
  if (c.rows === 'index') return (c.index ?? []).map((row, k) => ({ row, value: decodeNumber(values[k]) }));
  return values.map((v, row) => ({ row, value: decodeNumber(v) }));
}

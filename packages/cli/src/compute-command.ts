import { mkdir } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import type { CandleTable } from '@omega-ta/arrow-schemas';
import { selectBackend, type BackendChoice, type BackendInfo } from '@omega-ta/indicator-cache';
import type { Kernel } from '@omega-ta/kernel-interface';
import { computeIndicator } from './compute.js';
import { CliError, describeError } from './errors.js';
import { formatOf, outputPath, readCandleFile, writeCandleFile, type FileFormat } from './files.js';
import { parseIndicatorList, type IndicatorRequest } from './indicator-list.js';
import { expandInputs } from './inputs.js';
import { createProgress, type ProgressStream } from './progress.js';

/** The options of `omega-ta compute`. */
export interface ComputeOptions {
  readonly inputs: readonly string[];
  readonly indicators: string;
  readonly out?: string | undefined;
  readonly format?: FileFormat | undefined;
  readonly backend: BackendChoice;
  readonly cwd: string;
}

/** What a compute run did, for the summary. */
export interface ComputeSummary {
  readonly files: readonly { readonly input: string; readonly output: string; readonly rows: number }[];
  readonly rows: number;
  readonly indicators: readonly string[];
  readonly columns: number;
  readonly backend: BackendInfo;
  readonly seconds: number;
}

/** Reads every input, adds the indicator columns and writes the result (see the CLI's README). */
export async function computeFiles(options: ComputeOptions, progressStream: ProgressStream): Promise<ComputeSummary> {
  const started = performance.now();
  const requests = parseIndicatorList(options.indicators);
  const files = await expandInputs(options.inputs, options.cwd);
  const { kernel, info } = selectBackend(options.backend);
  const outDir = options.out === undefined ? undefined : resolve(options.cwd, options.out);
  if (outDir !== undefined) await mkdir(outDir, { recursive: true });
  const progress = createProgress(files.length * requests.length, progressStream);
  const written: { input: string; output: string; rows: number }[] = [];
  try {
    for (const file of files) {
      const name = relative(options.cwd, file) || file;
      const format = options.format ?? formatOf(file);
      const output = outputPath(file, format, outDir);
      if (output === file) throw new CliError(`${name}: the output would overwrite the input`);
      const table = await inFile(name, () => readCandleFile(file, name));
      const result = await inFile(name, () => addIndicators(table, requests, kernel, (label) => progress.advance(`${name} ${label}`)));
      await inFile(name, () => writeCandleFile(output, result, format));
      written.push({ input: name, output: relative(options.cwd, output) || output, rows: table.timestamp.length });
    }
  } finally {
    progress.stop();
  }
  return {
    files: written,
    rows: written.reduce((sum, f) => sum + f.rows, 0),
    indicators: requests.map((r) => r.label),
    columns: requests.reduce((sum, r) => sum + r.columns.length, 0),
    backend: info,
    seconds: (performance.now() - started) / 1000,
  };
}

/** The table with one extra column per indicator output (after any extra columns it had). */
export function addIndicators(table: CandleTable, requests: readonly IndicatorRequest[], kernel: Kernel, onDone: (label: string) => void = () => undefined): CandleTable {
  const extra: Record<string, Float64Array> = { ...table.extra };
  for (const request of requests) {
    Object.assign(extra, computeIndicator(table.columns, request, kernel));
    onDone(request.label);
  }
  return { ...table, extra };
}

/** Runs `body`, turning any error into a CliError that names the file. */
async function inFile<T>(name: string, body: () => T | Promise<T>): Promise<T> {
  try {
    return await body();
  } catch (error) {
    throw new CliError(describeError(error, name));
  }
}

/** The closing summary of a compute run, one line per written file then one totals line. */
export function formatComputeSummary(summary: ComputeSummary): string {
  const lines = summary.files.map((f) => `  ${f.input} -> ${f.output} (${f.rows} rows)`);
  lines.push(
    `omega-ta compute: ${summary.files.length} file(s), ${summary.rows} rows, ${summary.indicators.length} indicator(s) ` +
      `(${summary.indicators.join(', ')}) -> ${summary.columns} column(s), backend ${summary.backend.active} ` +
      `(${summary.backend.reason}), ${summary.seconds.toFixed(2)} s`,
  );
  return `${lines.join('\n')}\n`;
}

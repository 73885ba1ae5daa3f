import { mkdir, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join, relative, resolve } from 'node:path';
import { selectBackend, type BackendChoice, type BackendInfo } from '@omega-ta/indicator-cache';
import { chartLibrarySource } from './chart-library.js';
import { computeIndicator } from './compute.js';
import { CliError, describeError } from './errors.js';
import { readCandleFile } from './files.js';
import { parseIndicatorList } from './indicator-list.js';
import { renderReportHtml, type ReportLine } from './report-html.js';

/** The options of `omega-ta report`. */
export interface ReportOptions {
  readonly input: string;
  readonly indicators: string;
  /** The HTML file to write; default `<input name>.report.html` next to the input. */
  readonly out?: string | undefined;
  readonly backend: BackendChoice;
  readonly cwd: string;
}

/** What a report run wrote. */
export interface ReportSummary {
  readonly output: string;
  readonly rows: number;
  readonly lines: readonly string[];
  readonly backend: BackendInfo;
}

/**
 * Writes the chart page of one file: price-scaled indicators (those bounded by their input, e.g.
 * EMA, Bollinger) over the candles, each other indicator in a pane of its own.
 */
export async function writeReport(options: ReportOptions): Promise<ReportSummary> {
  const requests = parseIndicatorList(options.indicators);
  const file = resolve(options.cwd, options.input);
  const name = relative(options.cwd, file) || file;
  const { kernel, info } = selectBackend(options.backend);
  const lines: ReportLine[] = [];
  let table;
  try {
    table = await readCandleFile(file, name);
    let pane = 0;
    for (const request of requests) {
      const linePane = request.spec.bounds === 'input' ? 0 : (pane += 1);
      for (const [lineName, values] of Object.entries(computeIndicator(table.columns, request, kernel))) {
        lines.push({ name: lineName, values, pane: linePane });
      }
    }
  } catch (error) {
    throw new CliError(describeError(error, name));
  }
  const output = options.out === undefined ? join(dirname(file), `${basename(file, extname(file))}.report.html`) : resolve(options.cwd, options.out);
  const title = [table.meta.symbol, table.meta.timeframe, basename(file)].filter(Boolean).join(' · ');
  await mkdir(dirname(output), { recursive: true });
  await writeFile(output, renderReportHtml({ title, timestamp: table.timestamp, candles: table.columns, lines, chartLibrary: chartLibrarySource() }));
  return { output: relative(options.cwd, output) || output, rows: table.timestamp.length, lines: lines.map((l) => l.name), backend: info };
}

/** The closing line of a report run. */
export function formatReportSummary(summary: ReportSummary): string {
  return (
    `omega-ta report: ${summary.output} (${summary.rows} rows, candles + ${summary.lines.length} line(s): ` +
    `${summary.lines.join(', ')}; backend ${summary.backend.active})\n`
  );
}

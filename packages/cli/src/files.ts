import { readFile, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import {
  readCandlesCsv,
  readCandlesIpc,
  readCandlesParquet,
  writeCandlesCsv,
  writeCandlesIpc,
  writeCandlesParquet,
  type CandleTable,
} from '@omega-ta/arrow-schemas';
import { CliError } from './errors.js';

/** The file formats the CLI reads and writes. */
export type FileFormat = 'csv' | 'arrow' | 'parquet';

export const FILE_FORMATS: readonly FileFormat[] = ['csv', 'arrow', 'parquet'];

const EXTENSIONS: Readonly<Record<string, FileFormat>> = {
  '.csv': 'csv',
  '.arrow': 'arrow',
  '.arrows': 'arrow',
  '.ipc': 'arrow',
  '.feather': 'arrow',
  '.parquet': 'parquet',
  '.pq': 'parquet',
};

/** The format of a file by its extension (`.csv`, `.arrow`/`.ipc`/`.feather`, `.parquet`). */
export function formatOf(path: string): FileFormat {
  const format = EXTENSIONS[extname(path).toLowerCase()];
  if (format === undefined) throw new CliError(`${path}: unknown file type '${extname(path)}' (expected .csv, .arrow, .ipc, .feather or .parquet)`);
  return format;
}

/** Reads a CSV, Arrow IPC or Parquet OHLCV file; the readers' errors name it as `source`. */
export async function readCandleFile(path: string, source: string = path): Promise<CandleTable> {
  const format = formatOf(path);
  if (format === 'csv') return readCandlesCsv(await readFile(path, 'utf8'), { source });
  const bytes = new Uint8Array(await readFile(path));
  return format === 'arrow' ? readCandlesIpc(bytes, { source }) : readCandlesParquet(bytes, { source });
}

/** Writes the table (OHLCV and its extra columns) in the given format. */
export async function writeCandleFile(path: string, table: CandleTable, format: FileFormat): Promise<void> {
  const content = format === 'csv' ? writeCandlesCsv(table) : format === 'arrow' ? writeCandlesIpc(table, 'file') : await writeCandlesParquet(table);
  await writeFile(path, content);
}

/** `<dir>/<name>.omega-ta.<ext>`: next to the input, or in `outDir`; never the input itself. */
export function outputPath(input: string, format: FileFormat, outDir?: string): string {
  const name = basename(input, extname(input));
  return join(outDir ?? dirname(input), `${name}.omega-ta.${format === 'arrow' ? 'arrow' : format}`);
}

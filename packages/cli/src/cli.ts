import { parseArgs } from 'node:util';
import type { BackendChoice } from '@omega-ta/indicator-cache';
import { computeFiles, formatComputeSummary } from './compute-command.js';
import { CliError, describeError } from './errors.js';
import { FILE_FORMATS, type FileFormat } from './files.js';
import type { ProgressStream } from './progress.js';
import { formatReportSummary, writeReport } from './report-command.js';

/** Where the CLI reads its environment from and writes to (the process by default). */
export interface CliIo {
  readonly stdout: ProgressStream;
  readonly stderr: ProgressStream;
  readonly cwd: string;
}

export const USAGE = `usage:
  omega-ta compute <files or globs...> --indicators ema:20,rsi:14,macd:12:26:9
                   [--out dir] [--format arrow|csv|parquet] [--backend auto|ts|native]
  omega-ta report <file> --indicators ema:20,rsi:14 [--out report.html] [--backend auto|ts|native]

Inputs: CSV, Arrow IPC (.arrow/.ipc/.feather) or Parquet OHLCV files with a timestamp column.
compute writes <name>.omega-ta.<format> next to each input (or into --out): the OHLCV columns and
one column per indicator output. report writes a self-contained HTML chart.
`;

const BACKENDS: readonly BackendChoice[] = ['auto', 'ts', 'native'];

function oneOf<T extends string>(option: string, value: string | undefined, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) throw new CliError(`--${option}: '${value}' is not one of ${allowed.join(', ')}`);
  return value as T;
}

/**
 * Runs `omega-ta <args>`; resolves to the exit code (0, or 1 after printing one error line to
 * stderr, never a stack trace).
 */
export async function runCli(args: readonly string[], io: CliIo = { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd() }): Promise<number> {
  try {
    const [command, ...rest] = args;
    if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
      io.stdout.write(USAGE);
      return command === undefined ? 1 : 0;
    }
    if (command !== 'compute' && command !== 'report') throw new CliError(`unknown command '${command}'\n${USAGE}`);
    const { values, positionals } = parseOptions(rest);
    if (values.indicators === undefined) throw new CliError(`${command}: --indicators is required (e.g. --indicators ema:20,rsi:14)`);
    const backend = oneOf('backend', values.backend, BACKENDS) ?? 'auto';
    if (command === 'compute') {
      const format = oneOf<FileFormat>('format', values.format, FILE_FORMATS);
      const summary = await computeFiles({ inputs: positionals, indicators: values.indicators, out: values.out, format, backend, cwd: io.cwd }, io.stderr);
      io.stdout.write(formatComputeSummary(summary));
      return 0;
    }
    if (values.format !== undefined) throw new CliError('report: --format applies to compute only');
    if (positionals.length !== 1) throw new CliError(`report: expected one input file, got ${positionals.length}`);
    const summary = await writeReport({ input: positionals[0] as string, indicators: values.indicators, out: values.out, backend, cwd: io.cwd });
    io.stdout.write(formatReportSummary(summary));
    return 0;
  } catch (error) {
    io.stderr.write(`omega-ta: ${describeError(error)}\n`);
    return 1;
  }
}

function parseOptions(args: readonly string[]) {
  try {
    return parseArgs({
      args: [...args],
      allowPositionals: true,
      strict: true,
      options: {
        indicators: { type: 'string', short: 'i' },
        out: { type: 'string', short: 'o' },
        format: { type: 'string', short: 'f' },
        backend: { type: 'string', short: 'b' },
      },
    });
  } catch (error) {
    throw new CliError(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  }
}

// End to end through runCli (and once through the bin): the sample file, every output format,
// both backends, globs, the progress bar, the summary, and the one-line errors.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { readCandlesCsv, readCandlesIpc, readCandlesParquet, type CandleTable } from '@omega-ta/arrow-schemas';
import { decodeSeries, loadIndicatorCases, sameNumber } from '@omega-ta/golden';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../src/cli.js';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const sample = join(root, 'examples', 'sample-ttrc-3000.csv');

/** A fake terminal stream collecting what is written. */
function stream(isTTY = false) {
  const s = Object.assign(new PassThrough(), { isTTY, columns: 100, text: '' });
  s.on('data', (chunk: Buffer) => (s.text += chunk.toString()));
  return s;
}

async function run(args: string[], cwd: string, tty = false) {
  const stdout = stream();
  const stderr = stream(tty);
  const code = await runCli(args, { stdout, stderr, cwd });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

/** A series of the reference (computed by the original pandas implementation), all rows. */
function reference(id: string): Float64Array {
  const found = loadIndicatorCases('ttrc-3000').cases.find((c) => c.id === id);
  if (found === undefined || found.rows !== 'all' || !Array.isArray(found.values)) throw new Error(`reference case ${id} missing`);
  return decodeSeries(found.values);
}

const column = (table: CandleTable, name: string): Float64Array => {
  const values = table.extra?.[name];
  if (values === undefined) throw new Error(`no column ${name}`);
  return values;
};

describe('omega-ta compute', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'omega-ta-cli-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('adds the indicator columns to the sample, equal to the reference, and prints the summary', async () => {
    const { code, stdout, stderr } = await run(['compute', sample, '--indicators', 'ema:14,rsi:14', '--out', 'csv', '--backend', 'ts'], dir);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(/omega-ta compute: 1 file\(s\), 3000 rows, 2 indicator\(s\) \(ema_14, rsi_14\) -> 2 column\(s\), backend ts/);
    const table = readCandlesCsv(readFileSync(join(dir, 'csv', 'sample-ttrc-3000.omega-ta.csv'), 'utf8'));
    expect(Object.keys(table.extra ?? {})).toEqual(['ema_14', 'rsi_14']);
    expect(Array.from(column(table, 'ema_14'))).toEqual(Array.from(reference('ema|D1|bid|period=14')));
    const rsi = reference('rsi|D1|bid|');
    const mismatches = Array.from(column(table, 'rsi_14')).filter((v, i) => !sameNumber(v, rsi[i] as number, 0));
    expect(mismatches).toEqual([]);
  });

  it('writes Arrow IPC and Parquet with the same columns as CSV, with either backend', async () => {
    const args = ['compute', sample, '--indicators', 'macd:12:26:9,bollinger:20'];
    expect((await run([...args, '--out', 'csv-native', '--backend', 'native'], dir)).code).toBe(0);
    expect((await run([...args, '--out', 'csv-ts', '--backend', 'ts'], dir)).code).toBe(0);
    expect((await run([...args, '--out', 'arrow', '--format', 'arrow'], dir)).code).toBe(0);
    expect((await run([...args, '--out', 'parquet', '--format', 'parquet'], dir)).code).toBe(0);
    const csvNative = readCandlesCsv(readFileSync(join(dir, 'csv-native', 'sample-ttrc-3000.omega-ta.csv'), 'utf8'));
    const csvTs = readCandlesCsv(readFileSync(join(dir, 'csv-ts', 'sample-ttrc-3000.omega-ta.csv'), 'utf8'));
    const arrow = readCandlesIpc(new Uint8Array(readFileSync(join(dir, 'arrow', 'sample-ttrc-3000.omega-ta.arrow'))));
    const parquet = await readCandlesParquet(new Uint8Array(readFileSync(join(dir, 'parquet', 'sample-ttrc-3000.omega-ta.parquet'))));
    const names = ['macd_12_26_9_macd', 'macd_12_26_9_signal', 'macd_12_26_9_histogram', 'bollinger_20_upper', 'bollinger_20_mid', 'bollinger_20_lower'];
    for (const table of [csvTs, arrow, parquet]) {
      expect(Object.keys(table.extra ?? {})).toEqual(names);
      expect(Array.from(table.timestamp)).toEqual(Array.from(csvNative.timestamp));
      expect(Array.from(table.columns.close)).toEqual(Array.from(csvNative.columns.close));
      for (const name of names) expect(Array.from(column(table, name))).toEqual(Array.from(column(csvNative, name)));
    }
  });

  it('expands globs, writes next to each input, and draws a progress bar only on a TTY', async () => {
    const data = join(dir, 'many');
    mkdirSync(data);
    const lines = readFileSync(sample, 'utf8').split('\n');
    writeFileSync(join(data, 'a.csv'), lines.slice(0, 101).join('\n'));
    writeFileSync(join(data, 'b.csv'), lines.slice(0, 51).join('\n'));
    const quiet = await run(['compute', 'many/*.csv', '-i', 'sma:5,roc:3'], dir);
    expect(quiet.code).toBe(0);
    expect(quiet.stderr).toBe('');
    expect(quiet.stdout).toContain('2 file(s), 150 rows');
    expect(readCandlesCsv(readFileSync(join(data, 'a.omega-ta.csv'), 'utf8')).timestamp.length).toBe(100);
    const tty = await run(['compute', 'many/a.csv', 'many/b.csv', '-i', 'sma:5,roc:3', '-o', 'tty'], dir, true);
    expect(tty.code).toBe(0);
    expect(tty.stderr).toContain('omega-ta');
    expect(tty.stderr).toContain('4/4');
  });

  it.each([
    [['compute', 'nothing-*.csv', '-i', 'ema:20'], "no file matches 'nothing-*.csv'"],
    [['compute', 'SAMPLE', '-i', 'emma:20'], "unknown indicator 'emma'"],
    [['compute', 'SAMPLE', '-i', 'ema:0'], "'ema:0'"],
    [['compute', 'SAMPLE'], '--indicators is required'],
    [['compute', 'SAMPLE', '-i', 'ema:20', '--format', 'xlsx'], "--format: 'xlsx' is not one of csv, arrow, parquet"],
    [['compute', 'SAMPLE', '-i', 'ema:20', '--backend', 'gpu'], "--backend: 'gpu'"],
    [['compute', 'SAMPLE', '-i', 'ema:20', '--colour'], "Unknown option '--colour'"],
    [['frobnicate'], "unknown command 'frobnicate'"],
  ])('%j fails with exit code 1 and one message without a stack trace', async (args, message) => {
    const { code, stdout, stderr } = await run(args.map((a) => (a === 'SAMPLE' ? sample : a)), dir);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr.startsWith('omega-ta: ')).toBe(true);
    expect(stderr).toContain(message);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('names the file, column and row of bad data', async () => {
    const lines = readFileSync(sample, 'utf8').split('\n').slice(0, 10);
    lines[5] = '1985-01-09,3.1,3.2,3.0,abc,1000';
    writeFileSync(join(dir, 'bad.csv'), lines.join('\n'));
    const { code, stderr } = await run(['compute', 'bad.csv', '-i', 'ema:3'], dir);
    expect(code).toBe(1);
    expect(stderr).toContain('bad.csv');
    expect(stderr).toContain('close');
    expect(stderr).toMatch(/row 4\b/);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('omega-ta report and the bin', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'omega-ta-cli-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes a self-contained page: the chart library inlined, no external resource', async () => {
    const { code, stdout } = await run(['report', sample, '-i', 'ema:20,rsi:14', '--out', 'r/report.html'], dir);
    expect(code).toBe(0);
    expect(stdout).toContain('omega-ta report: r/report.html (3000 rows, candles + 2 line(s): ema_20, rsi_14');
    const html = readFileSync(join(dir, 'r', 'report.html'), 'utf8');
    expect(html).toContain('LightweightCharts');
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href=|https?:\/\/[^"'\s]*\.(js|css)\b/);
  });

  it('the omega-ta bin exits 1 with one line on an error and 0 with the usage on --help', () => {
    const bin = fileURLToPath(new URL('../bin/omega-ta.js', import.meta.url));
    const bad = spawnSync(process.execPath, [bin, 'compute', 'missing.csv', '-i', 'ema:20'], { cwd: dir, encoding: 'utf8' });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toBe("omega-ta: no file matches 'missing.csv'\n");
    const help = spawnSync(process.execPath, [bin, '--help'], { cwd: dir, encoding: 'utf8' });
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('omega-ta compute <files or globs...>');
  });
});

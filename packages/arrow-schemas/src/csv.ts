import { PRICE_FIELDS } from './model.js';
import { TIMESTAMP_COLUMN_NAMES, candleTable, dataError, emptyCandleColumns, type CandleTable } from './table.js';
import { parseTimestampField, type TimestampUnit } from './timestamp-text.js';

/** Options of {@link readCandlesCsv}. */
export interface ReadCandlesCsvOptions {
  /** File name (or other label) named in errors. */
  readonly source?: string;
  /** Unit of numeric timestamps; by default seconds when every one is below 1e11 in magnitude, else milliseconds. */
  readonly timestampUnit?: TimestampUnit;
}

/** One CSV record: its fields and the 1-based line it starts on. */
interface CsvRecord {
  readonly fields: string[];
  readonly line: number;
}

/** Splits CSV text into records (RFC 4180: `"` quoting with `""` escapes; LF, CRLF or CR), skipping blank lines. */
function parseRecords(text: string, source: string | undefined): CsvRecord[] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return body.includes('"') ? parseQuoted(body, source) : parseUnquoted(body);
}

/** Without quotes a record is a line and a field is what lies between commas (the fast path). */
function parseUnquoted(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  const lines = text.split(/\r\n|\n|\r/);
  for (let k = 0; k < lines.length; k += 1) {
    const line = lines[k] as string;
    if (line.trim() !== '') records.push({ fields: line.split(','), line: k + 1 });
  }
  return records;
}

/** The general tokenizer, one character at a time (quoted fields may hold commas and line breaks). */
function parseQuoted(text: string, source: string | undefined): CsvRecord[] {
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let i = 0;
  const n = text.length;
  const endRecord = (): void => {
    fields.push(field);
    if (fields.length > 1 || (fields[0] as string).trim() !== '') records.push({ fields, line: recordLine });
    fields = [];
    field = '';
  };
  while (i < n) {
    const c = text[i] as string;
    if (c === '"' && field.trim() === '') {
      field = '';
      i += 1;
      for (;;) {
        if (i >= n) throw dataError('WRONG_TYPE', `line ${recordLine}: unterminated quoted field`, { source, row: records.length });
        const q = text[i] as string;
        if (q === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i += 1;
          break;
        }
        if (q === '\n') line += 1;
        field += q;
        i += 1;
      }
      continue;
    }
    if (c === ',') {
      fields.push(field);
      field = '';
      i += 1;
    } else if (c === '\n' || c === '\r') {
      endRecord();
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line += 1;
      recordLine = line;
    } else {
      field += c;
      i += 1;
    }
  }
  if (field !== '' || fields.length > 0) endRecord();
  return records;
}

const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * The number a CSV price field holds: decimal or exponent notation, `NaN`/`nan`/empty for NaN,
 * `inf`/`infinity` (any case, optional sign) for infinities; undefined when it is none of these.
 */
function parseNumberField(raw: string): number | undefined {
  const s = raw.trim();
  if (DECIMAL.test(s)) return Number(s);
  const lower = s.toLowerCase();
  if (lower === '' || lower === 'nan') return Number.NaN;
  if (lower === 'inf' || lower === '+inf' || lower === 'infinity' || lower === '+infinity') return Number.POSITIVE_INFINITY;
  if (lower === '-inf' || lower === '-infinity') return Number.NEGATIVE_INFINITY;
  return undefined;
}

/**
 * Reads an OHLCV CSV file. The header names a time column (`timestamp`, `time`, `date` or
 * `datetime`) and `open`, `high`, `low`, `close`, `volume` (any case, any order); every other
 * column is read as a numeric extra column. Times are ISO-8601 (`2024-01-02T03:04:05.678Z`, a
 * space for `T`, an offset or none = UTC, a bare date) or epoch numbers (see
 * {@link ReadCandlesCsvOptions.timestampUnit}). Prices are decimal numbers, empty/`NaN` for NaN.
 * Throws DataError naming `source`, the column and the data row (the message also gives the
 * line): MISSING_COLUMN, WRONG_TYPE (a field that is not a number or time), LENGTH_MISMATCH (a
 * record with another field count), UNSORTED, INVALID_VALUE (high < low), INVALID_ARGUMENT.
 */
export function readCandlesCsv(text: string, options: ReadCandlesCsvOptions = {}): CandleTable {
  const { source } = options;
  if (typeof text !== 'string') throw dataError('WRONG_TYPE', 'CSV text must be a string', { source });
  const records = parseRecords(text, source);
  const header = records[0];
  if (header === undefined) throw dataError('MISSING_COLUMN', 'CSV has no header', { source, column: 'timestamp' });
  const names = header.fields.map((f) => f.trim());
  const lower = names.map((f) => f.toLowerCase());
  const seen = new Set<string>();
  for (const name of lower) {
    if (seen.has(name)) throw dataError('INVALID_ARGUMENT', `CSV header repeats column ${name}`, { source, column: name });
    seen.add(name);
  }
  const timeAt = lower.findIndex((f) => (TIMESTAMP_COLUMN_NAMES as readonly string[]).includes(f));
  if (timeAt < 0) {
    throw dataError('MISSING_COLUMN', `CSV header has no time column (${TIMESTAMP_COLUMN_NAMES.join(', ')})`, { source, column: 'timestamp' });
  }
  const priceAt = PRICE_FIELDS.map((f) => {
    const at = lower.indexOf(f);
    if (at < 0) throw dataError('MISSING_COLUMN', `CSV header has no ${f} column`, { source, column: f });
    return at;
  });
  const used = new Set<number>([timeAt, ...priceAt]);
  const extraAt = names.map((_, at) => at).filter((at) => !used.has(at));

  const n = records.length - 1;
  const timestamp = new Float64Array(n);
  const columns = emptyCandleColumns(timestamp);
  const extra: Record<string, Float64Array> = {};
  for (const at of extraAt) extra[names[at] as string] = new Float64Array(n);
  const times: string[] = new Array<string>(n);
  for (let row = 0; row < n; row += 1) {
    const { fields, line } = records[row + 1] as CsvRecord;
    if (fields.length !== names.length) {
      throw dataError('LENGTH_MISMATCH', `row ${row} (line ${line}) has ${fields.length} fields, the header ${names.length}`, { source, row });
    }
    times[row] = fields[timeAt] as string;
    const put = (target: Float64Array, at: number): void => {
      const v = parseNumberField(fields[at] as string);
      if (v === undefined) {
        const column = names[at] as string;
        throw dataError('WRONG_TYPE', `column ${column} row ${row} (line ${line}): "${fields[at]}" is not a number`, { source, column, row });
      }
      target[row] = v;
    };
    PRICE_FIELDS.forEach((f, k) => put(columns[f], priceAt[k] as number));
    for (const at of extraAt) put(extra[names[at] as string] as Float64Array, at);
  }
  parseTimestampColumn(times, timestamp, records, options);
  return candleTable({ timestamp, columns, ...(extraAt.length > 0 ? { extra } : {}) }, source === undefined ? {} : { source });
}

function parseTimestampColumn(
  times: readonly string[],
  out: Float64Array,
  records: readonly CsvRecord[],
  options: ReadCandlesCsvOptions,
): void {
  const { source } = options;
  let unit = options.timestampUnit;
  if (unit === undefined) {
    const big = times.some((t) => DECIMAL.test(t.trim()) && Math.abs(Number(t)) >= 1e11);
    unit = big ? 'ms' : 's';
  }
  for (let row = 0; row < times.length; row += 1) {
    const v = parseTimestampField(times[row] as string, unit);
    if (v === undefined) {
      const line = (records[row + 1] as CsvRecord).line;
      throw dataError('WRONG_TYPE', `column timestamp row ${row} (line ${line}): "${times[row]}" is not an ISO-8601 time or epoch number`, {
        source,
        column: 'timestamp',
        row,
      });
    }
    out[row] = v;
  }
}

/** The shortest text that reads back as exactly `v` (`-0`, `NaN`, `inf` and `-inf` included). */
function formatNumber(v: number): string {
  if (v !== v) return 'NaN';
  if (v === Number.POSITIVE_INFINITY) return 'inf';
  if (v === Number.NEGATIVE_INFINITY) return '-inf';
  if (v === 0 && 1 / v < 0) return '-0';
  return String(v);
}

function quoteName(name: string): string {
  return /[",\r\n]/.test(name) || name !== name.trim() ? `"${name.replaceAll('"', '""')}"` : name;
}

/**
 * Writes a candle table as CSV: header `timestamp,open,high,low,close,volume` then the extra
 * columns; times as ISO-8601 UTC with milliseconds, numbers in their shortest round-trip form
 * (`NaN`, `inf`, `-inf`, `-0`), LF line ends. {@link readCandlesCsv} reads every value back
 * bitwise (NaN payloads aside); the metadata is not written. Validates the table first.
 */
export function writeCandlesCsv(table: CandleTable): string {
  const t = candleTable(table);
  const extras = Object.entries(t.extra ?? {});
  const lines: string[] = [['timestamp', ...PRICE_FIELDS, ...extras.map(([name]) => quoteName(name))].join(',')];
  const n = t.timestamp.length;
  for (let i = 0; i < n; i += 1) {
    let line = new Date(t.timestamp[i] as number).toISOString();
    for (const f of PRICE_FIELDS) line += `,${formatNumber(t.columns[f][i] as number)}`;
    for (const [, values] of extras) line += `,${formatNumber(values[i] as number)}`;
    lines.push(line);
  }
  return `${lines.join('\n')}\n`;
}

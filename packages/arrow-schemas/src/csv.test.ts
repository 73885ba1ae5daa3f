import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readCandlesCsv, writeCandlesCsv } from './csv.js';
import { PRICE_FIELDS } from './model.js';
import { candleTableArb, rejection, tableDifferences } from './test-support.js';

const HEADER = 'timestamp,open,high,low,close,volume';

describe('readCandlesCsv / writeCandlesCsv', () => {
  it('round trip keeps every value bitwise (NaN, -0, infinities, extreme dates, extra columns)', () => {
    fc.assert(
      fc.property(candleTableArb(), (table) => {
        const back = readCandlesCsv(writeCandlesCsv(table));
        expect(tableDifferences(table, back)).toEqual([]);
        expect(back.meta).toEqual({});
      }),
      { numRuns: 300 },
    );
  });

  it('reads the same values through the quoted tokenizer as through the line splitter (LF, CRLF, CR)', () => {
    fc.assert(
      fc.property(candleTableArb({ maxRows: 12 }), fc.constantFrom('\n', '\r\n', '\r'), (table, eol) => {
        const text = writeCandlesCsv(table).replaceAll('\n', eol);
        const quoted = `"timestamp"${text.slice('timestamp'.length)}`;
        const a = readCandlesCsv(text);
        expect(tableDifferences(table, a)).toEqual([]);
        expect(tableDifferences(table, readCandlesCsv(quoted))).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });

  it('reads ISO-8601 times with offsets, a space separator or a bare date, header names in any case and order', () => {
    const csv = [
      'Close,DATE,open,High,low,Volume,signal',
      '1.5,2024-01-02,1,2,0.5,10,',
      '1.6,2024-01-02 01:00:00+00:30,1,2,0.5,10,NaN',
      '1.7,2024-01-02t00:45:00.250z,1,2,0.5,10,-3',
      '1.8,"2024-01-02T03:00:00-02:30",1,2,0.5,10,4',
    ].join('\r\n');
    const t = readCandlesCsv(csv);
    expect([...t.timestamp]).toEqual([
      Date.UTC(2024, 0, 2),
      Date.UTC(2024, 0, 2, 0, 30),
      Date.UTC(2024, 0, 2, 0, 45, 0, 250),
      Date.UTC(2024, 0, 2, 5, 30),
    ]);
    expect([...t.columns.close]).toEqual([1.5, 1.6, 1.7, 1.8]);
    expect([...(t.extra?.signal ?? [])]).toEqual([NaN, NaN, -3, 4]);
  });

  it('reads epoch seconds and epoch milliseconds, deciding the unit per file', () => {
    const seconds = readCandlesCsv(`time,open,high,low,close,volume\n1700000000,1,1,1,1,1\n1700000000.123,1,1,1,1,1\n`);
    expect([...seconds.timestamp]).toEqual([1_700_000_000_000, 1_700_000_000_123]);
    const ms = readCandlesCsv(`time,open,high,low,close,volume\n1700000000000,1,1,1,1,1\n1700000060000,1,1,1,1,1\n`);
    expect([...ms.timestamp]).toEqual([1_700_000_000_000, 1_700_000_060_000]);
    const forced = readCandlesCsv(`time,open,high,low,close,volume\n5,1,1,1,1,1\n`, { timestampUnit: 'ms' });
    expect([...forced.timestamp]).toEqual([5]);
  });

  it('names the source, column and row of a bad number', () => {
    fc.assert(
      fc.property(
        candleTableArb({ minRows: 1, maxRows: 12 }),
        fc.nat(),
        fc.constantFrom(...PRICE_FIELDS),
        fc.constantFrom('abc', '0x10', '1.2.3', '--1', '1e'),
        (table, r, field, junk) => {
          const lines = writeCandlesCsv(table).trimEnd().split('\n');
          const row = r % table.timestamp.length;
          const fields = (lines[row + 1] as string).split(',');
          fields[1 + PRICE_FIELDS.indexOf(field)] = junk;
          lines[row + 1] = fields.join(',');
          const e = rejection(() => readCandlesCsv(lines.join('\n'), { source: 'prices.csv' }));
          expect([e.code, e.source, e.column, e.row]).toEqual(['WRONG_TYPE', 'prices.csv', field, row]);
          expect(e.message).toContain(`prices.csv: column ${field} row ${row} (line ${row + 2})`);
        },
      ),
    );
  });

  it('rejects a missing column, naming it', () => {
    for (const missing of ['timestamp', ...PRICE_FIELDS]) {
      const header = HEADER.split(',').filter((f) => f !== missing).join(',');
      const e = rejection(() => readCandlesCsv(`${header}\n`, { source: 'x.csv' }));
      expect([e.code, e.column, e.source]).toEqual(['MISSING_COLUMN', missing, 'x.csv']);
    }
    expect(rejection(() => readCandlesCsv('')).code).toBe('MISSING_COLUMN');
  });

  it('rejects unsorted and duplicate timestamps at the first offending row', () => {
    fc.assert(
      fc.property(candleTableArb({ minRows: 2, maxRows: 12 }), fc.nat(), fc.boolean(), (table, r, duplicate) => {
        const lines = writeCandlesCsv(table).trimEnd().split('\n');
        const row = 1 + (r % (table.timestamp.length - 1));
        const prev = (lines[row] as string).split(',')[0] as string;
        const fields = (lines[row + 1] as string).split(',');
        fields[0] = duplicate ? prev : new Date((table.timestamp[row - 1] as number) - 1).toISOString();
        lines[row + 1] = fields.join(',');
        const e = rejection(() => readCandlesCsv(lines.join('\n')));
        expect([e.code, e.column, e.row]).toEqual(['UNSORTED', 'timestamp', row]);
        expect(e.message).toContain(duplicate ? 'duplicates' : 'is before');
      }),
    );
  });

  it('rejects high < low at the first offending row', () => {
    const e = rejection(() => readCandlesCsv(`${HEADER}\n1,1,2,1,1,1\n2,1,1,1.5,1,1\n`, { source: 's.csv' }));
    expect([e.code, e.column, e.row, e.source]).toEqual(['INVALID_VALUE', 'high', 1, 's.csv']);
    // NaN high or low is not compared.
    expect(readCandlesCsv(`${HEADER}\n1,1,NaN,1,1,1\n2,1,1,,1,1\n`).timestamp.length).toBe(2);
  });

  it('rejects ragged records, bad times, sub-millisecond times and repeated header names', () => {
    const ragged = rejection(() => readCandlesCsv(`${HEADER}\n1,1,1,1,1\n`));
    expect([ragged.code, ragged.row]).toEqual(['LENGTH_MISMATCH', 0]);
    for (const t of ['2024-13-01', '2024-02-30', 'yesterday', '', '2024-01-01T25:00']) {
      const e = rejection(() => readCandlesCsv(`${HEADER}\n${t},1,1,1,1,1\n`));
      expect([e.code, e.column, e.row]).toEqual(['WRONG_TYPE', 'timestamp', 0]);
    }
    const sub = rejection(() => readCandlesCsv(`${HEADER}\n2024-01-01T00:00:00.0005Z,1,1,1,1,1\n`));
    expect([sub.code, sub.row]).toEqual(['INVALID_ARGUMENT', 0]);
    expect(rejection(() => readCandlesCsv(`${HEADER},Open\n`)).code).toBe('INVALID_ARGUMENT');
    expect(rejection(() => readCandlesCsv(`${HEADER},date\n`)).code).toBe('INVALID_ARGUMENT');
  });

  it('writes the documented text: ISO times, shortest numbers, quoted names', () => {
    const timestamp = Float64Array.of(Date.UTC(2024, 0, 1));
    const text = writeCandlesCsv({
      timestamp,
      columns: { time: timestamp, open: Float64Array.of(0.1), high: Float64Array.of(Infinity), low: Float64Array.of(-0), close: Float64Array.of(NaN), volume: Float64Array.of(1e21) },
      meta: {},
      extra: { 'a,b': Float64Array.of(-Infinity) },
    });
    expect(text).toBe('timestamp,open,high,low,close,volume,"a,b"\n2024-01-01T00:00:00.000Z,0.1,inf,-0,NaN,1e+21,-inf\n');
  });

  it('rejects an invalid table on write and never mutates it', () => {
    const timestamp = Float64Array.of(2, 1);
    const cols = { time: timestamp, open: new Float64Array(2), high: new Float64Array(2), low: new Float64Array(2), close: new Float64Array(2), volume: new Float64Array(2) };
    expect(rejection(() => writeCandlesCsv({ timestamp, columns: cols, meta: {} })).code).toBe('UNSORTED');
    expect([...timestamp]).toEqual([2, 1]);
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readCandlesCsv } from './csv.js';
import { readCandlesParquet } from './parquet.js';
import type { CandleTable } from './table.js';

/** Files written by pandas 2.2.3 / pyarrow 22 (fixtures/make-pandas-fixtures.py), values restated here from that script. */
const fixture = (name: string): Buffer => readFileSync(new URL(`../fixtures/${name}`, import.meta.url));

function expectPandasFixture(t: CandleTable): void {
  const n = 6;
  const opens = Array.from({ length: n }, (_, i) => 1.1 + i / 100);
  expect([...t.timestamp]).toEqual(Array.from({ length: n }, (_, i) => Date.UTC(2024, 0, 1) + i * 300_000));
  expect([...t.columns.open]).toEqual(opens);
  expect([...t.columns.high]).toEqual(opens.map((o) => o + 0.05));
  expect([...t.columns.low]).toEqual(opens.map((o) => o - 0.05));
  expect([...t.columns.close]).toEqual(opens.map((o, i) => (i === 2 ? Number.NaN : o + 0.01)));
  expect([...t.columns.volume]).toEqual(opens.map((_, i) => 100 * i));
  expect(Object.keys(t.extra ?? {})).toEqual(['rsi']);
  expect([...(t.extra?.rsi ?? [])]).toEqual(opens.map((_, i) => 10 * i));
}

describe('files written by pandas / pyarrow', () => {
  it('reads a pyarrow Parquet file (ns UTC timestamp index column, int64 volume, null, snappy, two row groups)', async () => {
    expectPandasFixture(await readCandlesParquet(fixture('pandas-ohlcv.parquet'), { source: 'pandas-ohlcv.parquet' }));
  });

  it('reads a pandas to_csv file', () => {
    expectPandasFixture(readCandlesCsv(fixture('pandas-ohlcv.csv').toString('utf8'), { source: 'pandas-ohlcv.csv' }));
  });
});

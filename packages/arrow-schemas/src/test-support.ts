import fc from 'fast-check';
import { expect } from 'vitest';
import { DataError } from './errors.js';
import { PRICE_FIELDS } from './model.js';
import type { CandleTable } from './table.js';

/** Test support: random valid candle tables, a bitwise comparison of columns, the DataError a call throws. */

/** The DataError `fn` throws (the test fails when it throws something else or nothing). */
export function rejection(fn: () => unknown): DataError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(DataError);
    return error as DataError;
  }
  throw new Error('expected a DataError');
}

const anyDouble = fc.double();
const name = fc.constantFrom('sma_20', 'rsi', 'Z score', 'a,b', 'q"x', 'ema.9');

/** Random valid candle tables: 0..`maxRows` rows, any doubles (NaN, ±0, ±inf), high >= low, extras, meta. */
export function candleTableArb(options: { minRows?: number; maxRows?: number } = {}): fc.Arbitrary<CandleTable> {
  const { minRows = 0, maxRows = 30 } = options;
  return fc
    .record({
      times: fc.uniqueArray(fc.integer({ min: -8.64e15, max: 8.64e15 }), { minLength: minRows, maxLength: maxRows }),
      extraNames: fc.uniqueArray(name, { maxLength: 2 }),
      meta: fc.record(
        { symbol: fc.string({ maxLength: 8 }), timeframe: fc.constantFrom('M1', 'H4', 'D1'), priceType: fc.constantFrom('bid', 'ask', 'mid') },
        { requiredKeys: [] },
      ),
    })
    .chain(({ times, extraNames, meta }) => {
      const n = times.length;
      const col = fc.array(anyDouble, { minLength: n, maxLength: n });
      return fc
        .record({ open: col, high: col, low: col, close: col, volume: col, extras: fc.tuple(...extraNames.map(() => col)) })
        .map((raw): CandleTable => {
          const timestamp = Float64Array.from(times.sort((a, b) => a - b));
          const high = Float64Array.from(raw.high);
          const low = Float64Array.from(raw.low);
          for (let i = 0; i < n; i += 1) {
            if ((high[i] as number) < (low[i] as number)) [high[i], low[i]] = [low[i] as number, high[i] as number];
          }
          const extra = Object.fromEntries(extraNames.map((k, j) => [k, Float64Array.from(raw.extras[j] as number[])]));
          return {
            timestamp,
            columns: {
              time: timestamp,
              open: Float64Array.from(raw.open),
              high,
              low,
              close: Float64Array.from(raw.close),
              volume: Float64Array.from(raw.volume),
            },
            meta,
            ...(extraNames.length > 0 ? { extra } : {}),
          };
        });
    });
}

/** Index of the first element where `a` and `b` differ by Object.is (NaN equals NaN, -0 differs from 0), or -1. */
export function firstDifference(a: Float64Array, b: Float64Array): number {
  if (a.length !== b.length) return Math.min(a.length, b.length);
  for (let i = 0; i < a.length; i += 1) if (!Object.is(a[i], b[i])) return i;
  return -1;
}

/** Every value of `actual` equals `expected` bitwise (NaN payloads aside): a list of mismatches, empty when equal. */
export function tableDifferences(expected: CandleTable, actual: CandleTable): string[] {
  const out: string[] = [];
  const check = (label: string, a: Float64Array | undefined, b: Float64Array | undefined): void => {
    if (a === undefined || b === undefined) out.push(`${label}: missing`);
    else if (firstDifference(a, b) >= 0) out.push(`${label}: row ${firstDifference(a, b)}`);
  };
  check('timestamp', expected.timestamp, actual.timestamp);
  check('time', expected.columns.time, actual.columns.time);
  for (const f of PRICE_FIELDS) check(f, expected.columns[f], actual.columns[f]);
  const names = Object.keys(expected.extra ?? {});
  if (names.join('\n') !== Object.keys(actual.extra ?? {}).join('\n')) out.push('extra column names');
  for (const k of names) check(`extra ${k}`, expected.extra?.[k], actual.extra?.[k]);
  return out;
}

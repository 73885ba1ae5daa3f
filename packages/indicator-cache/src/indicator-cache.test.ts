import { afterEach, describe, expect, it } from 'vitest';
import { ErrorCode, isOmegaTaError } from '@omega-ta/kernel-interface';
import { expectedRows, listDatasets, loadDataset, loadIndicatorCases, sameNumber, type ReferenceCase } from '@omega-ta/golden';
import { BACKEND_ENV } from './backend.js';
import { IndicatorCache } from './indicator-cache.js';

const METHODS = ['get_closes', 'ema', 'sma'] as const;

function call(cache: IndicatorCache, c: ReferenceCase) {
  const tf = c.tf!;
  const side = c.side!;
  const period = c.params['period'] as number;
  switch (c.method) {
    case 'get_closes':
      return cache.getCloses(tf, side);
    case 'ema':
      return cache.ema(tf, side, period);
    default:
      return cache.sma(tf, side, period);
  }
}

describe.each(['ts', 'native'] as const)('reference replay with the %s backend', (backend) => {
  for (const entry of listDatasets()) {
    it(`${entry.name}: every get_closes/ema/sma case`, () => {
      const data = loadDataset(entry.name);
      const file = loadIndicatorCases(entry.name);
      const cache = new IndicatorCache(data, { backend });
      expect(cache.backendInfo().active).toBe(backend);
      const cases = file.cases.filter((c) => (METHODS as readonly string[]).includes(c.method));
      expect(cases.length).toBeGreaterThan(0);
      for (const c of cases) {
        if (c.kind === 'error') {
          let thrown: unknown;
          try {
            call(cache, c);
          } catch (error) {
            thrown = error;
          }
          expect(isOmegaTaError(thrown) && thrown.code === ErrorCode.INVALID_PARAM, `${c.id} should throw INVALID_PARAM`).toBe(true);
          continue;
        }
        const result = call(cache, c);
        expect(result.length, c.id).toBe(c.length);
        for (const { row, value } of expectedRows(c, c.values as unknown[], file.sampleRows)) {
          const actual = result[row]!;
          if (!sameNumber(actual, value, 1e-12)) expect.fail(`${c.id}[${row}]: got ${actual}, reference ${value}`);
        }
      }
    });
  }
});

describe('IndicatorCache', () => {
  const data = loadDataset('edge-short');

  afterEach(() => {
    delete process.env[BACKEND_ENV];
  });

  it('returns the same cached array for the same indicator, timeframe, side and parameters', () => {
    const cache = new IndicatorCache(data, { backend: 'ts' });
    const first = cache.ema('H1', 'bid', 14);
    expect(cache.ema('H1', 'bid', 14.0)).toBe(first);
    expect(cache.ema('H1', 'ask', 14)).not.toBe(first);
    expect(cache.sma('H1', 'bid', 14)).not.toBe(first);
    expect(cache.size).toBe(3);
    cache.clear();
    expect(cache.size).toBe(0);
    expect(cache.ema('H1', 'bid', 14)).not.toBe(first);
  });

  it('does not change its input data', () => {
    const close = Float64Array.from(data.timeframes['H1']!.bid!.close);
    const cache = new IndicatorCache(data);
    cache.ema('H1', 'bid', 3);
    cache.sma('H1', 'bid', 3);
    expect(data.timeframes['H1']!.bid!.close).toEqual(close);
  });

  it('types results read-only', () => {
    const result = new IndicatorCache(data).ema('H1', 'bid', 3);
    // @ts-expect-error results are shared between callers and must not be written
    const write = () => (result[0] = 1);
    expect(typeof write).toBe('function');
  });

  it('rejects a fractional period instead of truncating it like the original', () => {
    const cache = new IndicatorCache(data);
    expect(() => cache.sma('H1', 'bid', 14.7)).toThrow(/period must be an integer/);
    expect(() => cache.ema('H1', 'bid', 2.5)).toThrow(/period must be an integer/);
  });

  it('reproduces the all-NaN sma(period 0) of the original, or rejects it with strictParams', () => {
    expect(Array.from(new IndicatorCache(data).sma('H1', 'bid', 0)).every(Number.isNaN)).toBe(true);
    expect(() => new IndicatorCache(data, { strictParams: true }).sma('H1', 'bid', 0)).toThrow(/period must be an integer >= 1/);
  });

  it('lets OMEGA_TA_BACKEND override the option and rejects an unknown value', () => {
    process.env[BACKEND_ENV] = 'ts';
    const info = new IndicatorCache(data, { backend: 'native' }).backendInfo();
    expect(info).toMatchObject({ active: 'ts', requested: 'ts', requestedBy: 'env' });
    process.env[BACKEND_ENV] = 'fast';
    expect(() => new IndicatorCache(data)).toThrow(/OMEGA_TA_BACKEND must be one of auto, ts, native/);
  });

  it('uses native under auto when it loads', () => {
    expect(new IndicatorCache(data).backendInfo()).toMatchObject({ active: 'native', requested: 'auto', requestedBy: 'default' });
  });
});

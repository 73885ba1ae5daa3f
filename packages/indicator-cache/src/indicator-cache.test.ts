import { afterEach, describe, expect, it } from 'vitest';
import { ErrorCode, isOmegaTaError, type ReadonlyFloat64Array } from '@omega-ta/kernel-interface';
import { decodeNumber, expectedRows, listDatasets, loadDataset, loadIndicatorCases, sameNumber, type ReferenceCase } from '@omega-ta/golden';
import { BACKEND_ENV } from './backend.js';
import { IndicatorCache, type LocalWindow } from './indicator-cache.js';
import { callOriginal, ORIGINAL_METHODS, type OriginalResult } from './original-methods.js';

type Result = OriginalResult;
type Params = Readonly<Record<string, unknown>>;
const METHODS = new Set(ORIGINAL_METHODS);

/** The expected (output name, values) pairs of a case: one unnamed series or the named tuple. */
function expectedOutputs(c: ReferenceCase): [string, unknown[]][] {
  return Array.isArray(c.values) ? [['', c.values as unknown[]]] : Object.entries(c.values as Record<string, unknown[]>);
}

function isWindow(result: Result): result is LocalWindow {
  return typeof result === 'object' && result !== null && 'start' in result && 'values' in result;
}

/** The output as (values, first row): a window's values start at its row `start`, a series' at 0. */
function outputOf(result: Result, name: string): [ReadonlyFloat64Array, number] {
  if (isWindow(result)) return [result.values, result.start];
  return [name === '' ? (result as ReadonlyFloat64Array) : (result as Record<string, ReadonlyFloat64Array>)[name]!, 0];
}

describe.each(['ts', 'native'] as const)('reference replay with the %s backend', (backend) => {
  for (const entry of listDatasets()) {
    it(`${entry.name}: every case of ${ORIGINAL_METHODS.join('/')}`, () => {
      const data = loadDataset(entry.name);
      const file = loadIndicatorCases(entry.name);
      const cache = new IndicatorCache(data, { backend });
      expect(cache.backendInfo().active).toBe(backend);
      const cases = file.cases.filter((c) => METHODS.has(c.method));
      expect(cases.length).toBeGreaterThan(0);
      for (const c of cases) {
        if (c.kind === 'error') {
          let thrown: unknown;
          try {
            callOriginal(cache, c.method, c.tf!, c.side!, c.params);
          } catch (error) {
            thrown = error;
          }
          expect(isOmegaTaError(thrown) && thrown.code === ErrorCode.INVALID_PARAM, `${c.id} should throw INVALID_PARAM`).toBe(true);
          continue;
        }
        const result = callOriginal(cache, c.method, c.tf!, c.side!, c.params);
        if (c.kind === 'scalar') {
          const expected = c.value === null ? null : decodeNumber(c.value);
          if (expected === null || result === null) expect(result, c.id).toBe(expected);
          else if (!sameNumber(result as number, expected, 1e-12)) expect.fail(`${c.id}: got ${String(result)}, reference ${expected}`);
          continue;
        }
        for (const [name, values] of expectedOutputs(c)) {
          const [output, start] = outputOf(result, name);
          expect(output.length, `${c.id} ${name}`).toBe(c.length);
          // rows 'index': the window's row labels are exactly start, start + 1, …
          if (c.rows === 'index') expect(c.index, c.id).toEqual(Array.from(output, (_, k) => start + k));
          for (const { row, value } of expectedRows(c, values, file.sampleRows)) {
            const actual = output[row - start]!;
            if (!sameNumber(actual, value, 1e-12)) expect.fail(`${c.id} ${name}[${row}]: got ${actual}, reference ${value}`);
          }
        }
      }
    });
  }
});

describe.each(['ts', 'native'] as const)('reference `at` cases with the %s backend', (backend) => {
  for (const entry of listDatasets()) {
    it(`${entry.name}: every at(series, index) case`, () => {
      const file = loadIndicatorCases(entry.name);
      const cache = new IndicatorCache(loadDataset(entry.name), { backend });
      const cases = file.cases.filter((c) => c.method === 'at');
      expect(cases.length).toBeGreaterThan(0);
      for (const c of cases) {
        const { series, index, value } = c as unknown as {
          series: { method: string; tf: string; side: string; params: Params };
          index: number;
          value: unknown;
        };
        const result = callOriginal(cache, series.method, series.tf, series.side, series.params) as ReadonlyFloat64Array;
        const actual = cache.at(result, index);
        if (value === null) expect(actual, c.id).toBeNull();
        else expect(sameNumber(actual!, value as number, 0), `${c.id}: ${actual} vs ${String(value)}`).toBe(true);
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

  it('rejects the look-ahead roc(-k) and the degenerate roc(0) with strictParams', () => {
    const strict = new IndicatorCache(data, { strictParams: true });
    expect(() => strict.roc('H1', 'bid', -1)).toThrow(/period must be an integer >= 1/);
    expect(() => strict.roc('H1', 'bid', 0)).toThrow(/period must be an integer >= 1/);
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

  it('caches stepwise results under their own method name and parameters', () => {
    const cache = new IndicatorCache(data, { backend: 'ts' });
    const stepwise = cache.emaStepwise('H1', 'bid', 3);
    expect(cache.emaStepwise('H1', 'bid', 3)).toBe(stepwise);
    expect(cache.ema('H1', 'bid', 3)).not.toBe(stepwise);
    const bands = cache.bollingerStepwise('H1', 'bid', 3, 2);
    expect(cache.bollingerStepwise('H1', 'bid', 3, 2).mid).toBe(bands.mid);
    expect(cache.bollingerStepwise('H1', 'bid', 3, 2.5).mid).not.toBe(bands.mid);
    expect(cache.bollinger('H1', 'bid', 3, 2).mid).not.toBe(bands.mid);
  });

  it('advances a carried-forward higher timeframe once per bar (edge-stepwise-identity H4)', () => {
    const identity = loadDataset('edge-stepwise-identity');
    const cache = new IndicatorCache(identity, { backend: 'ts' });
    const close = identity.timeframes['H4']!.bid!.close;
    // period 1: the EMA is the close of the bar's first row, held over its repetitions and gaps.
    const step = cache.emaStepwise('H4', 'bid', 1);
    const time = identity.timeframes['H4']!.bid!.time;
    let last = Number.NaN;
    let prev = Number.NaN;
    for (let i = 0; i < close.length; i += 1) {
      if (!Number.isNaN(time[i]!) && time[i] !== prev) last = close[i]!;
      if (!Number.isNaN(time[i]!)) prev = time[i]!;
      expect(Object.is(step[i], last), `row ${i}`).toBe(true);
    }
  });

  it('answers empty or candle-less series before checking the period, as the original', () => {
    const empty = new IndicatorCache(loadDataset('edge-empty'));
    expect(empty.emaStepwise('H1', 'bid', 0)).toHaveLength(0);
    expect(empty.bollingerStepwise('H1', 'bid', -1).mid).toHaveLength(0);
    expect(() => new IndicatorCache(data).emaStepwise('H1', 'bid', 0)).toThrow(/period must be an integer > 0/);
    expect(() => new IndicatorCache(data).bollingerStepwise('H1', 'bid', -1)).toThrow(/period must be an integer >= 0/);
    expect(() => new IndicatorCache(data).emaStepwise('H1', 'bid', 2.5)).toThrow(/period must be an integer/);
  });

  it('rejects degenerate stepwise parameters with strictParams, even without data', () => {
    const strict = new IndicatorCache(loadDataset('edge-empty'), { strictParams: true });
    expect(() => strict.emaStepwise('H1', 'bid', 0)).toThrow(/period must be an integer > 0/);
    expect(() => strict.bollingerStepwise('H1', 'bid', 1)).toThrow(/period must be an integer >= 2/);
    expect(() => strict.bollingerStepwise('H1', 'bid', 20, -2)).toThrow(/std_factor must be a finite number >= 0/);
    expect(() => new IndicatorCache(data).bollingerStepwise('H1', 'bid', 20, Number.NaN)).toThrow(/std_factor must be a finite number/);
  });

  it("reproduces kalman_mean outside the contract: R = 0 follows the closes, R = Q = 0 raises like the original", () => {
    const cache = new IndicatorCache(data, { backend: 'ts' });
    const close = cache.getCloses('H1', 'bid');
    const copy = cache.kalmanMean('H1', 'bid', 0, 1);
    close.forEach((c, i) => (Number.isNaN(c) ? undefined : expect(copy[i]).toBeCloseTo(c, 9)));
    // _kalman_mean_from_series: 0/0 makes P NaN, then the Python floats R + Q + R = 0 divide by zero.
    expect(() => cache.kalmanMean('H1', 'bid', 0, 0)).toThrow(expect.objectContaining({ code: ErrorCode.INVALID_PARAM }));
    const strict = new IndicatorCache(data, { strictParams: true });
    expect(() => strict.kalmanMean('H1', 'bid', 0, 1)).toThrow(/R must be a number in \(0, 1e300\]/);
    expect(strict.kalmanMean('H1', 'bid')).toBe(strict.kalmanMean('H1', 'bid', 0.01, 1));
  });

  it('reproduces garch_volatility outside the contract, or rejects it with strictParams', () => {
    for (const backend of ['ts', 'native'] as const) {
      const cache = new IndicatorCache(data, { backend });
      // Printed by the original's garch_volatility (pandas 1.5.3 / numpy 1.24.2) on these closes:
      // alpha 1.2, beta -0.5, omega -5 (→ 0), pct_change, min_periods -3 (→ 0), sigma_floor -0.01.
      expect(Array.from(cache.garchVolatility('H1', 'bid', 1.2, -0.5, -5, false, 100, -3, -0.01))).toEqual([
        Number.NaN, 0.0001, 0.0001, 0.0026443059916330908, 0.001165639495706476, 0.0003242584511907244,
        0.0015701710070827727, 0.013158266267714915, 0.0001, 0.012968297968273883,
      ]);
      // scale 0: every return is 0 and sigma = sqrt(var) / 0.
      expect(Array.from(cache.garchVolatility('H1', 'bid', 0.05, 0.9, null, false, 0, 0))).toEqual([Number.NaN, ...Array<number>(9).fill(Infinity)]);
      expect(Array.from(cache.garchVolatility('H1', 'bid', 0.1, 0.9)).every(Number.isNaN)).toBe(true);
      expect(cache.kalmanGarchZscore('H1', 'bid', 0.01, 1, 1.2, -0.5, -5, false, 100, -3, -0.01).length).toBe(10);
    }
    const strict = new IndicatorCache(data, { strictParams: true });
    expect(() => strict.garchVolatility('H1', 'bid', 0.05, 0.9, -5)).toThrow(/omega must be null or a number >= 0/);
    expect(() => strict.garchVolatility('H1', 'bid', 0.05, 0.9, null, true, 100, -3)).toThrow(/min_periods/);
    expect(() => strict.garchVolatility('H1', 'bid', 0.1, 0.9)).toThrow(/alpha \+ beta must be < 1/);
    expect(() => strict.kalmanGarchZscore('H1', 'bid', 0.01, 1, 1.2)).toThrow(/alpha/);
    expect(strict.garchVolatility('H1', 'bid')).toBe(strict.garchVolatility('H1', 'bid', 0.05, 0.9, null, true, 100, 50, 1e-6));
  });

  it('resumes the Kalman filter after a gap only with kalmanResumeAfterGap (the original stays NaN)', () => {
    const gap = loadDataset('edge-none-run');
    const tf = Object.keys(gap.timeframes)[0]!;
    const close = new IndicatorCache(gap, { backend: 'ts' }).getCloses(tf, 'bid');
    const first = close.findIndex((c) => !Number.isNaN(c));
    const hole = close.findIndex((c, i) => i > first && Number.isNaN(c));
    const after = close.findIndex((c, i) => i > hole && !Number.isNaN(c));
    expect(hole).toBeGreaterThan(first);
    expect(after).toBeGreaterThan(hole);
    const original = new IndicatorCache(gap, { backend: 'ts' }).kalmanMean(tf, 'bid');
    expect(Number.isNaN(original[after]!)).toBe(true);
    const resumed = new IndicatorCache(gap, { backend: 'ts', kalmanResumeAfterGap: true });
    const mean = resumed.kalmanMean(tf, 'bid');
    expect(Array.from(mean.subarray(0, hole))).toEqual(Array.from(original.subarray(0, hole)));
    expect(Number.isNaN(mean[hole]!)).toBe(true);
    // P- = R + Q after the gap: K = 1.01 / 1.02, predicted from the last estimate before it.
    const last = mean[hole - 1]!;
    const k = (0.01 + 1) / (0.01 + 1 + 0.01);
    expect(mean[after]).toBe(last + k * (close[after]! - last));
    expect(resumed.kalmanMean(tf, 'bid')).toBe(mean);
    expect(resumed.kalmanZscore(tf, 'bid', 2).length).toBe(close.length);
  });

  it('computes the local GARCH methods from rows up to idx only (no look-ahead)', () => {
    const ttrc = loadDataset('ttrc-3000');
    const bid = ttrc.timeframes['D1']!.bid!;
    const idx = 1500;
    // The same data with every close after idx changed.
    const close = Float64Array.from(bid.close, (c, i) => (i > idx ? c * 3 + 1 : c));
    const changed = { ...ttrc, timeframes: { ...ttrc.timeframes, D1: { ...ttrc.timeframes['D1']!, bid: { ...bid, close } } } };
    for (const backend of ['ts', 'native'] as const) {
      const a = new IndicatorCache(ttrc, { backend });
      const b = new IndicatorCache(changed, { backend });
      const wa = a.garchVolatilityLocal('D1', 'bid', idx);
      expect(wa.start).toBe(idx - 399);
      expect(Array.from(b.garchVolatilityLocal('D1', 'bid', idx).values)).toEqual(Array.from(wa.values));
      expect(b.kalmanGarchZscoreLocal('D1', 'bid', idx)).toBe(a.kalmanGarchZscoreLocal('D1', 'bid', idx));
      expect(a.kalmanGarchZscoreLocal('D1', 'bid', idx)).not.toBeNull();
    }
  });

  it('clamps idx past the end for garchVolatilityLocal only, and rejects alpha + beta >= 1 with strictParams', () => {
    const cache = new IndicatorCache(data, { backend: 'ts' });
    const n = cache.getCloses('H1', 'bid').length;
    expect(cache.garchVolatilityLocal('H1', 'bid', n + 5, 3).start).toBe(n - 3);
    expect(cache.kalmanGarchZscoreLocal('H1', 'bid', n)).toBeNull();
    expect(cache.garchVolatilityLocal('H1', 'bid', -1).values).toHaveLength(0);
    expect(cache.garchVolatilityLocal('H1', 'bid', 5, 400, 0.1, 0.9).values).toHaveLength(0);
    expect(cache.garchVolatilityLocal('W1', 'bid', 5).values).toHaveLength(0);
    expect(cache.volClusterSeries('H1', 'bid', 5, ' ATR_Points ', 3, 400)).toEqual({ start: 0, values: cache.atr('H1', 'bid', 3) });
    const strict = new IndicatorCache(data, { strictParams: true });
    expect(() => strict.garchVolatilityLocal('H1', 'bid', 5, 400, 0.1, 0.9)).toThrow(/alpha \+ beta must be < 1/);
    expect(() => strict.kalmanGarchZscoreLocal('H1', 'bid', 5, 400, 0.01, 1, 0.1, 0.9)).toThrow(/alpha \+ beta must be < 1/);
    expect(() => strict.kalmanZscoreStepwise('H1', 'bid', 1)).toThrow(/window must be an integer >= 2/);
    expect(() => cache.garchVolatilityLocal('H1', 'bid', 2.5)).toThrow(/idx must be an integer/);
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

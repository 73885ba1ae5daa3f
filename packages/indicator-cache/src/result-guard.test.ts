import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadDataset } from '@omega-ta/golden';
import { IndicatorCache } from './indicator-cache.js';
import { GUARD_ENV, RESULT_MODIFIED_WARNING } from './result-guard.js';

const data = loadDataset('ttrc-3000');

afterEach(() => {
  delete process.env[GUARD_ENV];
  vi.restoreAllMocks();
});

/** A caller that ignores the read-only type and writes into a result. */
function vandalize(result: ArrayLike<number>): void {
  (result as Float64Array).fill(-1, 10, 20);
}

describe('shared results', () => {
  it('are one array for every caller by default (no copy), so writing to one is a contract violation', () => {
    const cache = new IndicatorCache(data, { backend: 'ts' });
    const first = cache.ema('D1', 'bid', 20);
    expect(cache.ema('D1', 'bid', 20)).toBe(first);
  });

  it('with guardResults, a caller that writes cannot change what the next caller gets', () => {
    const warn = vi.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
    const reference = new IndicatorCache(data, { backend: 'ts' });
    const cache = new IndicatorCache(data, { backend: 'ts', guardResults: true });
    const ema = cache.ema('D1', 'bid', 20);
    expect(cache.ema('D1', 'bid', 20)).toBe(ema); // untouched: still shared
    vandalize(ema);
    const next = cache.ema('D1', 'bid', 20);
    expect(next).not.toBe(ema);
    expect(next).toEqual(reference.ema('D1', 'bid', 20));
    const bands = cache.bollinger('D1', 'bid');
    vandalize(bands.lower);
    expect(cache.bollinger('D1', 'bid')).toEqual(reference.bollinger('D1', 'bid'));
    const step = cache.emaStepwise('D1', 'bid', 5);
    vandalize(step);
    expect(cache.emaStepwise('D1', 'bid', 5)).toEqual(reference.emaStepwise('D1', 'bid', 5));
    const garch = cache.garchVolatility('D1', 'bid');
    vandalize(garch);
    expect(cache.garchVolatility('D1', 'bid')).toEqual(reference.garchVolatility('D1', 'bid'));
    const warnings = warn.mock.calls.filter(([, options]) => (options as { code?: string } | undefined)?.code === RESULT_MODIFIED_WARNING);
    expect(warnings.length).toBeLessThanOrEqual(1);
  });

  it('turns the guard on with OMEGA_TA_GUARD_RESULTS=1 unless the option says otherwise', () => {
    vi.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
    process.env[GUARD_ENV] = '1';
    const guarded = new IndicatorCache(data, { backend: 'ts' });
    const rsi = guarded.rsi('D1', 'bid');
    vandalize(rsi);
    expect(guarded.rsi('D1', 'bid')[15]).not.toBe(-1);
    const unguarded = new IndicatorCache(data, { backend: 'ts', guardResults: false });
    vandalize(unguarded.rsi('D1', 'bid'));
    expect(unguarded.rsi('D1', 'bid')[15]).toBe(-1);
  });
});

import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ErrorCode, isOmegaTaError } from '@omega-ta/kernel-interface';
import { loadDataset } from '@omega-ta/golden';
import type { ComputeRequest, OriginalResult } from './index.js';

// The built package (typed by the source): its worker threads run dist/compute-worker.js, which
// Node can run (not the .ts source). Loaded at run time, so type checks do not need dist/.
const built = new URL('../dist/index.js', import.meta.url).href;
const { callOriginal, ComputePool, computeMany, IndicatorCache, shareAlignedData, shareResults } = (await import(built)) as typeof import('./index.js');

const ttrc = loadDataset('ttrc-3000');
const d1 = ttrc.timeframes['D1']!;

/** Symbol k: the reference closes (and bars) scaled by 1 + k / 97, a gap at row 500 + k for odd k. */
function symbol(k: number) {
  const scale = (column: Float64Array, gap: boolean) => Float64Array.from(column, (v, i) => (gap && i === 500 + k ? Number.NaN : v * (1 + k / 97)));
  const side = (c: typeof d1.bid) => ({ time: c!.time, open: scale(c!.open, false), high: scale(c!.high, false), low: scale(c!.low, false), close: scale(c!.close, k % 2 === 1), volume: c!.volume });
  return { primaryTimeframe: 'D1', timestamp: ttrc.timestamp, timeframes: { D1: { bid: side(d1.bid), ask: side(d1.ask) } } };
}

const INDICATORS: readonly Omit<ComputeRequest, 'data'>[] = [
  { method: 'ema', tf: 'D1', side: 'bid', params: { period: 20 } },
  { method: 'sma', tf: 'D1', side: 'ask', params: { period: 50 } },
  { method: 'rsi', tf: 'D1', side: 'bid' },
  { method: 'macd', tf: 'D1', side: 'bid' },
  { method: 'bollinger', tf: 'D1', side: 'bid', params: { period: 20, std_factor: 2.5 } },
  { method: 'atr', tf: 'D1', side: 'bid' },
  { method: 'dmi', tf: 'D1', side: 'ask' },
  { method: 'kalman_zscore', tf: 'D1', side: 'bid', params: { window: 50 } },
  { method: 'garch_volatility', tf: 'D1', side: 'bid' },
  { method: 'kalman_garch_zscore_local', tf: 'D1', side: 'bid', params: { idx: 2500 } },
];

/** Whether two results hold the same numbers bit for bit (same shape, same bytes, same scalars). */
function sameBits(a: OriginalResult | undefined, b: OriginalResult | undefined): boolean {
  if (b instanceof Float64Array) {
    if (!(a instanceof Float64Array) || a.length !== b.length) return false;
    return Buffer.compare(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), new Uint8Array(b.buffer, b.byteOffset, b.byteLength)) === 0;
  }
  if (typeof b === 'object' && b !== null) {
    if (typeof a !== 'object' || a === null) return false;
    const keys = Object.keys(b);
    return keys.join() === Object.keys(a).join() && keys.every((k) => sameBits((a as Record<string, OriginalResult>)[k], (b as Record<string, OriginalResult>)[k]!));
  }
  return Object.is(a, b);
}

describe('computeMany', () => {
  it('equals the sync API bitwise for 100 symbols × 10 indicators, on 2 threads', async () => {
    const symbols = Array.from({ length: 100 }, (_, k) => symbol(k));
    const requests = symbols.flatMap((data) => INDICATORS.map((r) => ({ ...r, data })));
    const results = await computeMany(requests, { threads: 2 });
    expect(results).toHaveLength(1000);
    const caches = new Map(symbols.map((data) => [data, new IndicatorCache(data)]));
    requests.forEach((r, i) => {
      const expected = callOriginal(caches.get(r.data)!, r.method, r.tf, r.side, r.params);
      if (!sameBits(results[i], expected)) expect.fail(`request ${i} (${r.method}) differs from the sync result`);
    });
    // The gap of odd symbols reaches the Kalman results: the data really differ per symbol.
    expect(sameBits(results[7], results[17])).toBe(false);
  }, 120_000);

  it('gives the same bits whatever the thread count, with shared columns and with the TS backend', async () => {
    const data = shareAlignedData(symbol(3));
    expect(data.timeframes['D1']!.bid!.close.buffer).toBeInstanceOf(SharedArrayBuffer);
    const requests = INDICATORS.map((r) => ({ ...r, data }));
    const one = await computeMany(requests, { threads: 1, backend: 'ts' });
    const three = await computeMany([...requests, ...INDICATORS.map((r) => ({ ...r, data: symbol(4) }))], { threads: 3, backend: 'ts' });
    one.forEach((result, i) => expect(sameBits(three[i], result), INDICATORS[i]!.method).toBe(true));
  }, 60_000);

  it("rejects with the failing request's typed error, and rejects bad options before starting threads", async () => {
    const data = symbol(0);
    const bad = [{ data, method: 'ema', tf: 'D1', side: 'bid', params: { period: 20 } }, { data, method: 'sma', tf: 'D1', side: 'bid', params: { period: -3 } }];
    const error: unknown = await computeMany(bad, { threads: 1 }).catch((e: unknown) => e);
    expect(isOmegaTaError(error) && error.code).toBe(ErrorCode.INVALID_PARAM);
    expect((error as Error).message).toMatch(/request 1 \(sma\): sma: period must be an integer >= 0/);
    // Two failing symbols on two threads: both jobs run, the lower request index is reported.
    const twoBad = [bad[0]!, { ...bad[1]!, data: symbol(1) }, bad[1]!];
    await expect(computeMany(twoBad, { threads: 2 })).rejects.toThrow(/^computeMany: request 1 \(sma\)/);
    await expect(computeMany([{ data, method: 'hull', tf: 'D1', side: 'bid' }])).rejects.toMatchObject({ code: ErrorCode.UNSUPPORTED });
    await expect(computeMany([], { threads: 0 })).rejects.toMatchObject({ code: ErrorCode.INVALID_PARAM });
    expect(await computeMany([])).toEqual([]);
  }, 60_000);

  it('keeps its threads for many batches in a ComputePool, and rejects after close', async () => {
    const pool = new ComputePool({ threads: 2 });
    const requests = [0, 1, 2].flatMap((k) => INDICATORS.slice(0, 4).map((r) => ({ ...r, data: symbol(k) })));
    const first = await pool.compute(requests);
    const second = await pool.compute(requests);
    second.forEach((result, i) => expect(sameBits(result, first[i]), `request ${i}`).toBe(true));
    const sync = new IndicatorCache(requests[5]!.data);
    expect(sameBits(first[5], callOriginal(sync, requests[5]!.method, 'D1', requests[5]!.side, requests[5]!.params))).toBe(true);
    await pool.close();
    await expect(pool.compute(requests)).rejects.toThrow(/closed/);
  }, 60_000);

  it('writes into caller-owned shared outputs, reused across batches, bitwise equal to the sync API', async () => {
    const pool = new ComputePool({ threads: 2 });
    const batch = (k0: number) => [k0, k0 + 1, k0 + 2].map((k) => shareAlignedData(symbol(k))).flatMap((data) => INDICATORS.map((r) => ({ ...r, data })));
    const first = batch(0);
    const outputs = shareResults(await pool.compute(first));
    // Series and named series get outputs; the window of kalman_garch_zscore_local does not.
    expect(outputs[0]).toBeInstanceOf(Float64Array);
    expect(Object.keys(outputs[4]!)).toEqual(['upper', 'mid', 'lower']);
    expect(outputs[9]).toBeUndefined();
    const series = outputs.flatMap((o) => (o === undefined ? [] : o instanceof Float64Array ? [o] : Object.values(o)));
    for (const requests of [first, batch(5)]) {
      for (const s of series) s.fill(-1);
      const results = await pool.compute(requests, { outputs });
      outputs.forEach((o, i) => o !== undefined && expect(results[i], `request ${i}`).toBe(o));
      const caches = new Map<unknown, InstanceType<typeof IndicatorCache>>();
      requests.forEach((r, i) => {
        const cache = caches.get(r.data) ?? new IndicatorCache(r.data);
        caches.set(r.data, cache);
        if (!sameBits(results[i], callOriginal(cache, r.method, r.tf, r.side, r.params))) expect.fail(`request ${i} (${r.method}) differs from the sync result`);
      });
    }
    await pool.close();
  }, 60_000);

  it('rejects bad outputs with typed errors, before writing anything', async () => {
    const data = shareAlignedData(symbol(0));
    const requests = [
      { data, method: 'ema', tf: 'D1', side: 'bid', params: { period: 20 } },
      { data, method: 'bollinger', tf: 'D1', side: 'bid' },
    ];
    const rows = data.timestamp.length;
    const shared = (n = rows) => new Float64Array(new SharedArrayBuffer(n * 8)).fill(7);
    const bands = () => ({ upper: shared(), mid: shared(), lower: shared() });
    const pool = new ComputePool({ threads: 1 });
    const rejects = async (outputs: unknown, code: string, message: RegExp) => {
      const error: unknown = await pool.compute(requests, { outputs: outputs as never }).catch((e: unknown) => e);
      expect(isOmegaTaError(error) && error.code, String(message)).toBe(code);
      expect((error as Error).message).toMatch(message);
    };
    const untouched = shared();
    await rejects([untouched], ErrorCode.LENGTH_MISMATCH, /1 outputs for 2 requests/);
    await rejects([new Float64Array(rows), undefined], ErrorCode.INVALID_INPUT, /output 0 must be backed by a SharedArrayBuffer/);
    await rejects([untouched, { upper: shared(), mid: shared(rows - 1), lower: shared() }], ErrorCode.LENGTH_MISMATCH, new RegExp(`output 1\\.mid has length ${rows - 1}, expected ${rows} \\(rows of D1/bid\\)`));
    await rejects([untouched, 'band'], ErrorCode.INVALID_INPUT, /output 1 must be a Float64Array or an object of Float64Arrays/);
    const whole = new SharedArrayBuffer(rows * 8 * 2);
    const overlapping = { upper: new Float64Array(whole, 8, rows), mid: shared(), lower: shared() };
    await rejects([new Float64Array(whole, 0, rows), overlapping], ErrorCode.ALIASED_OUTPUT, /output 1\.upper overlaps output 0/);
    await rejects([untouched, { ...bands(), lower: data.timeframes['D1']!.bid!.close }], ErrorCode.ALIASED_OUTPUT, /output 1\.lower overlaps an input column/);
    expect(untouched.every((v) => v === 7)).toBe(true);
    // The wrong kind of output for the result is found by the thread, before writing that request.
    const swapped = bands();
    await rejects([bands(), swapped], ErrorCode.INVALID_INPUT, /^computeMany: request 0 \(ema\): the output's series \(upper, mid, lower\) are not the result's/);
    await rejects([shared(), shared()], ErrorCode.INVALID_INPUT, /^computeMany: request 1 \(bollinger\): the output is a series, the result is not/);
    expect(swapped.upper.every((v) => v === 7)).toBe(true);
    await pool.close();
  }, 60_000);

  it('finds its worker from the CommonJS build too', () => {
    const cjs = fileURLToPath(new URL('../dist/index.cjs', import.meta.url));
    const script = `
      const { computeMany, IndicatorCache } = require(${JSON.stringify(cjs)});
      const t = Float64Array.from({ length: 50 }, (_, i) => i * 6e4);
      const c = Float64Array.from(t, (_, i) => 100 + Math.sin(i));
      const data = { primaryTimeframe: 'M1', timestamp: t, timeframes: { M1: { bid: { time: t, open: c, high: c, low: c, close: c, volume: c } } } };
      computeMany([{ data, method: 'sma', tf: 'M1', side: 'bid', params: { period: 5 } }]).then((r) => {
        console.log(Object.is(r[0][10], new IndicatorCache(data).sma('M1', 'bid', 5)[10]) ? 'same' : 'differs');
      });`;
    const run = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.stdout.trim()).toBe('same');
  }, 60_000);
});

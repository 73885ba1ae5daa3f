import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ErrorCode, isOmegaTaError } from '@omega-ta/kernel-interface';
import { loadDataset } from '@omega-ta/golden';
import type { ComputeRequest, OriginalResult } from './index.js';

// The built package (typed by the source): its worker threads run dist/compute-worker.js, which
// Node can run (not the .ts source). Loaded at run time, so type checks do not need dist/.
const built = new URL('../dist/index.js', import.meta.url).href;
const { callOriginal, ComputePool, computeMany, IndicatorCache, shareAlignedData } = (await import(built)) as typeof import('./index.js');

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

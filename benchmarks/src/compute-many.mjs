// computeMany / ComputePool on 1 vs 2 threads, and the sync loop, for S symbols × 10 indicators
// (not a test). `pnpm --filter @omega-ta/benchmarks bench:many [--symbols 100] [--bars 20000] [--shared] [--runs 7]`.
// Wall time per batch, median of the runs. ComputePool: both pools are started (start-up timed
// on its own) and warmed with one full batch first, then their runs alternate (1, 2, 1, 2, …) so
// that other load on the machine hits both alike; the ratio is 1-thread / 2-thread time.
// Each pool runs the batch with the results written into reused caller-owned outputs (`outputs`,
// made by shareResults from the warm-up), then, in a second phase, with fresh results sent back.
// One-shot computeMany includes its threads' start-up (they live for one call).
import { callOriginal, ComputePool, computeMany, IndicatorCache, shareAlignedData, shareResults } from '@omega-ta/indicator-cache';
import { randomWalk } from './data.mjs';

const arg = (name, fallback) => (process.argv.includes(name) ? Number(process.argv[process.argv.indexOf(name) + 1]) : fallback);
const symbols = arg('--symbols', 100);
const bars = arg('--bars', 20_000);
const runs = arg('--runs', 7);
const shared = process.argv.includes('--shared');

const time = Float64Array.from({ length: bars }, (_, i) => i * 60_000);
const data = Array.from({ length: symbols }, (_, k) => {
  const d = { primaryTimeframe: 'M1', timestamp: time, timeframes: { M1: { bid: { time, ...randomWalk(bars, k + 1) } } } };
  return shared ? shareAlignedData(d) : d;
});
const INDICATORS = [
  ['ema', { period: 20 }], ['sma', { period: 50 }], ['rsi', {}], ['macd', {}], ['bollinger', {}],
  ['atr', {}], ['dmi', {}], ['kalman_zscore', {}], ['garch_volatility', {}], ['zscore', { window: 50 }],
];
const requests = data.flatMap((d) => INDICATORS.map(([method, params]) => ({ data: d, method, tf: 'M1', side: 'bid', params })));

/** Wall time of `run` in ms; with `cpu`, its process CPU time (all threads, user + system) is pushed there. */
async function timed(run, cpu) {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  await run();
  const wall = performance.now() - t0;
  const c = process.cpuUsage(c0);
  cpu?.push((c.user + c.system) / 1000);
  return wall;
}
const median = (times) => [...times].sort((a, b) => a - b)[times.length >> 1];
const ms = (t) => `${t.toFixed(0)} ms`;

console.log(`${symbols} symbols × ${INDICATORS.length} indicators, ${bars} bars${shared ? ', SharedArrayBuffer columns' : ''}, median of ${runs}`);
const syncTimes = [];
for (let r = 0; r < runs; r += 1) {
  syncTimes.push(await timed(() => {
    for (const d of data) {
      const cache = new IndicatorCache(d);
      for (const [method, params] of INDICATORS) callOriginal(cache, method, 'M1', 'bid', params);
    }
  }));
}
console.log(`sync loop (main thread)   ${ms(median(syncTimes))}`);

const pools = new Map();
for (const threads of [1, 2]) {
  let pool;
  const startup = await timed(async () => {
    pool = new ComputePool({ threads });
    await pool.compute(data.slice(0, threads).map((d) => ({ data: d, method: 'ema', tf: 'M1', side: 'bid', params: { period: 2 } })));
  });
  console.log(`ComputePool, ${threads} thread${threads > 1 ? 's' : ' '} start-up   ${ms(startup)}`);
  const outputs = shareResults(await pool.compute(requests));
  await pool.compute(requests, { outputs });
  pools.set(threads, { pool, outputs, fresh: [], reused: [], freshCpu: [], reusedCpu: [] });
}
// Two phases, reused outputs first: the garbage a fresh-results batch leaves on the main thread
// (its transferred result arrays) would otherwise be collected during the next runs.
globalThis.gc?.();
for (let r = 0; r < runs; r += 1) for (const p of pools.values()) p.reused.push(await timed(() => p.pool.compute(requests, { outputs: p.outputs }), p.reusedCpu));
for (let r = 0; r < runs; r += 1) for (const p of pools.values()) p.fresh.push(await timed(() => p.pool.compute(requests), p.freshCpu));
// CPU time (all threads) shows the cost of running in parallel apart from other load on the machine.
for (const [mode, label] of [['reused', 'reused outputs'], ['fresh', 'fresh results']]) {
  for (const [threads, p] of pools) {
    console.log(`ComputePool, ${threads} thread${threads > 1 ? 's' : ' '}, ${label.padEnd(14)} ${ms(median(p[mode]))} (CPU ${ms(median(p[`${mode}Cpu`]))})`);
  }
  console.log(`ComputePool 1 / 2 threads, ${label}: ${(median(pools.get(1)[mode]) / median(pools.get(2)[mode])).toFixed(2)}x`);
}
for (const { pool } of pools.values()) await pool.close();

for (const threads of [1, 2]) {
  const times = [];
  for (let r = 0; r < runs; r += 1) times.push(await timed(() => computeMany(requests, { threads })));
  console.log(`computeMany, ${threads} thread${threads > 1 ? 's' : ' '}    ${ms(median(times))} (with thread start-up)`);
}

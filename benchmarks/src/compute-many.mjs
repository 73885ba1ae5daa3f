// computeMany on 1 vs 2 threads, and the sync loop, for S symbols × 10 indicators (not a test).
// `pnpm --filter @omega-ta/benchmarks bench:many [--symbols 100] [--bars 20000] [--shared]`.
// Wall time per batch, median of 5: computeMany includes thread start-up (its threads live for
// one call); ComputePool reuses its threads (started before the timing).
import { callOriginal, ComputePool, computeMany, IndicatorCache, shareAlignedData } from '@omega-ta/indicator-cache';
import { randomWalk } from './data.mjs';

const arg = (name, fallback) => (process.argv.includes(name) ? Number(process.argv[process.argv.indexOf(name) + 1]) : fallback);
const symbols = arg('--symbols', 100);
const bars = arg('--bars', 20_000);
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

async function median(run) {
  const times = [];
  for (let r = 0; r < 5; r += 1) {
    const t0 = performance.now();
    await run();
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b)[2];
}

console.log(`${symbols} symbols × ${INDICATORS.length} indicators, ${bars} bars${shared ? ', SharedArrayBuffer columns' : ''}`);
const sync = await median(() => {
  for (const d of data) {
    const cache = new IndicatorCache(d);
    for (const [method, params] of INDICATORS) callOriginal(cache, method, 'M1', 'bid', params);
  }
});
console.log(`sync loop (main thread)   ${sync.toFixed(0)} ms`);
for (const threads of [1, 2]) console.log(`computeMany, ${threads} thread${threads > 1 ? 's' : ' '}    ${(await median(() => computeMany(requests, { threads }))).toFixed(0)} ms`);
for (const threads of [1, 2]) {
  const pool = new ComputePool({ threads });
  await pool.compute(requests.slice(0, threads));
  console.log(`ComputePool, ${threads} thread${threads > 1 ? 's' : ' '}    ${(await median(() => pool.compute(requests))).toFixed(0)} ms`);
  await pool.close();
}

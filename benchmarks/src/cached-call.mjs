// Cached IndicatorCache calls in a tight loop (not a test): ns per call, median of 7 rounds of
// 1e6 calls each, per method shape. `pnpm --filter @omega-ta/benchmarks bench:cached [--backend ts]`.
import { IndicatorCache } from '@omega-ta/indicator-cache';
import { randomWalk } from './data.mjs';

const backend = process.argv.includes('--backend') ? process.argv[process.argv.indexOf('--backend') + 1] : 'auto';
const bars = 50_000;
const walk = randomWalk(bars);
const time = Float64Array.from({ length: bars }, (_, i) => i * 60_000);
const data = { primaryTimeframe: 'M1', timestamp: time, timeframes: { M1: { bid: { time, ...walk } } } };
const cache = new IndicatorCache(data, { backend });

const CALLS = {
  'ema(M1, bid, 20)': () => cache.ema('M1', 'bid', 20),
  'rsi(M1, bid) defaults': () => cache.rsi('M1', 'bid'),
  'bollinger(M1, bid, 20, 2)': () => cache.bollinger('M1', 'bid', 20, 2),
  'macd(M1, bid) defaults': () => cache.macd('M1', 'bid'),
  'garchVolatility(M1, bid) defaults': () => cache.garchVolatility('M1', 'bid'),
  // A strategy's bar loop asks for several results in turn: each call's key differs from the last.
  'mixed: ema 20/ema 50/sma 20/rsi (per call)': () =>
    cache.ema('M1', 'bid', 20) && cache.ema('M1', 'bid', 50) && cache.sma('M1', 'bid', 20) && cache.rsi('M1', 'bid'),
};
const PER_CALL = { 'mixed: ema 20/ema 50/sma 20/rsi (per call)': 4 };

const N = 1_000_000;
let sink = 0;
console.log(`backend ${cache.backendInfo().active}, ${bars} bars, ns per cached call (median of 7 × ${N})`);
for (const [name, call] of Object.entries(CALLS)) {
  call();
  const rounds = [];
  for (let r = 0; r < 7; r += 1) {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < N; i += 1) sink += call() === undefined ? 1 : 0;
    rounds.push(Number(process.hrtime.bigint() - t0) / N / (PER_CALL[name] ?? 1));
  }
  rounds.sort((a, b) => a - b);
  console.log(`${name.padEnd(44)} ${rounds[3].toFixed(1)} ns`);
}
if (sink !== 0) console.log(sink);

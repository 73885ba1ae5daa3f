// Backtest-loop benchmark of @omega-ta/slicer (never a test): 100,000 primary M1 bars aligned with
// M5, M15, H1 and H4 (5 timeframes, bid and ask), then a loop that moves the slice one bar at a
// time and calls `latest` and a 50-bar history for every timeframe. It prints the alignment time,
// ns per call, and the bytes the hot loop allocates per bar, measured as the growth of V8's heap
// over chunks of bars in which no GC ran (a GC observer marks those), minus the measurement's own
// cost. Run: pnpm --filter @omega-ta/benchmarks bench:slicer [--bars N] [--json out.json]
import { writeFileSync } from 'node:fs';
import { PerformanceObserver, performance } from 'node:perf_hooks';
import { getHeapStatistics } from 'node:v8';
import { alignTimeframes, alignedData } from '@omega-ta/arrow-schemas';
import { SymbolDataSlice } from '@omega-ta/slicer';
import { randomWalk } from './data.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at >= 0 && args[at + 1] !== undefined ? args[at + 1] : fallback;
};
const BARS = Number(option('--bars', '100000'));
const JSON_OUT = option('--json', undefined);
const HISTORY = 50;
const TIMEFRAMES = [
  ['M1', 1],
  ['M5', 5],
  ['M15', 15],
  ['H1', 60],
  ['H4', 240],
];
const gc = globalThis.gc;
if (typeof gc !== 'function') {
  console.error('run with node --expose-gc (pnpm bench:slicer does)');
  process.exit(2);
}

/** Raw bid/ask candle series per timeframe: the harness's seeded M1 random walk, higher timeframes aggregated from it. */
function rawInput(bars) {
  const start = Date.UTC(2024, 0, 1);
  const m1 = randomWalk(bars, 42);
  const input = {};
  for (const [tf, minutes] of TIMEFRAMES) {
    const bid = { timestamp: [], open: [], high: [], low: [], close: [], volume: [] };
    for (let s = 0; s < bars; s += minutes) {
      const e = Math.min(s + minutes, bars);
      bid.timestamp.push(start + s * 60_000);
      bid.open.push(m1.open[s]);
      bid.close.push(m1.close[e - 1]);
      let hi = -Infinity;
      let lo = Infinity;
      let vol = 0;
      for (let k = s; k < e; k += 1) {
        hi = Math.max(hi, m1.high[k]);
        lo = Math.min(lo, m1.low[k]);
        vol += m1.volume[k];
      }
      bid.high.push(hi);
      bid.low.push(lo);
      bid.volume.push(vol);
    }
    const spread = (v) => v.map((x) => x + 0.00012);
    const ask = { ...bid, open: spread(bid.open), high: spread(bid.high), low: spread(bid.low), close: spread(bid.close) };
    input[tf] = { bid, ask };
  }
  return input;
}

const names = TIMEFRAMES.map(([tf]) => tf);
let sink = 0;

// Loop bodies: one bar, every timeframe. Each is its own function so that its call sites stay
// monomorphic, as a strategy's are. Each returns a small integer: a double result, or a
// module-level `let` number, would box a heap number per bar and be counted as the slicer's.
const kept = new Array(names.length).fill(null);
const bodies = {
  'latest + history(50)': (slice) => {
    let acc = 0;
    for (let t = 0; t < names.length; t += 1) {
      const c = slice.latest(names[t], 'bid');
      if (c !== null && c.close > 0) acc += 1;
      acc += slice.history(names[t], 'bid', HISTORY).length;
    }
    return acc;
  },
  'latest + historyView(50)': (slice) => {
    let acc = 0;
    for (let t = 0; t < names.length; t += 1) {
      const c = slice.latest(names[t], 'bid');
      if (c !== null && c.close > 0) acc += 1;
      acc += slice.historyView(names[t], 'bid', HISTORY).length;
    }
    return acc;
  },
  'latest only': (slice) => {
    let acc = 0;
    for (let t = 0; t < names.length; t += 1) {
      const c = slice.latest(names[t], 'bid');
      if (c !== null && c.close > 0) acc += 1;
    }
    return acc;
  },
  'history(50) only': (slice) => {
    let acc = 0;
    for (let t = 0; t < names.length; t += 1) acc += slice.history(names[t], 'bid', HISTORY).length;
    return acc;
  },
  // The snapshot windows escape (kept until the next bar): what a snapshot costs when V8 cannot
  // remove it.
  'history(50) kept': (slice) => {
    for (let t = 0; t < names.length; t += 1) kept[t] = slice.history(names[t], 'bid', HISTORY);
    return kept.length;
  },
  'historyView(50) only': (slice) => {
    let acc = 0;
    for (let t = 0; t < names.length; t += 1) acc += slice.historyView(names[t], 'bid', HISTORY).length;
    return acc;
  },
  'setIndex only': () => 0,
};

// GC events (delivered asynchronously; matched to chunks afterwards by time).
const gcEvents = [];
const observer = new PerformanceObserver((list) => {
  for (const e of list.getEntries()) gcEvents.push({ start: e.startTime, end: e.startTime + e.duration });
});
observer.observe({ entryTypes: ['gc'] });
const flush = () => new Promise((resolve) => setImmediate(resolve));

/**
 * The same aligned data (the same arrays, no copy) under new column objects, so that a slice over
 * it starts cold: its candle objects are made anew (lazily, or up front with `preload`).
 */
function fresh(data) {
  const timeframes = {};
  for (const [tf, sides] of Object.entries(data.timeframes)) {
    timeframes[tf] = Object.fromEntries(Object.entries(sides).map(([side, cols]) => [side, { ...cols }]));
  }
  return alignedData({ primaryTimeframe: data.primaryTimeframe, timestamp: data.timestamp, timeframes });
}

/**
 * Walks a slice over fresh data (cold candles; `preload` makes them before the loop, untimed)
 * through every bar, timing it; the per-bar heap growth is sampled every `chunk` bars.
 */
async function runOnce(data, body, options) {
  const chunk = 1000;
  const slice = new SymbolDataSlice(fresh(data), 0, options);
  const samples = [];
  gc();
  await flush();
  const loopStart = performance.now();
  const t0 = process.hrtime.bigint();
  let acc = 0;
  for (let start = 0; start < BARS; start += chunk) {
    const end = Math.min(start + chunk, BARS);
    const w0 = performance.now();
    const h0 = getHeapStatistics().used_heap_size;
    for (let i = start; i < end; i += 1) {
      slice.setIndex(i);
      acc += body(slice);
    }
    const h1 = getHeapStatistics().used_heap_size;
    samples.push({ bars: end - start, bytes: h1 - h0, from: w0, to: performance.now() });
  }
  const ns = Number(process.hrtime.bigint() - t0);
  const loopEnd = performance.now();
  sink += acc;
  await flush();
  const gcs = gcEvents.filter((g) => g.start >= loopStart && g.start <= loopEnd).length;
  const clean = samples.filter((s) => !gcEvents.some((g) => g.start < s.to && g.end > s.from));
  const bytes = clean.reduce((k, s) => k + s.bytes, 0);
  const bars = clean.reduce((k, s) => k + s.bars, 0);
  return { nsPerBar: ns / BARS, bytesPerBar: bars === 0 ? Number.NaN : bytes / bars, gcs, chunks: samples.length, cleanChunks: clean.length };
}

const REPEATS = 3;
const median = (values) => [...values].sort((a, b) => a - b)[values.length >> 1];

/** {@link runOnce} REPEATS times: the median ns/bar and bytes/bar, the most GCs seen. */
async function run(data, body, options) {
  const runs = [];
  for (let k = 0; k < REPEATS; k += 1) runs.push(await runOnce(data, body, options));
  return {
    nsPerBar: median(runs.map((r) => r.nsPerBar)),
    bytesPerBar: median(runs.map((r) => r.bytesPerBar)),
    gcs: Math.max(...runs.map((r) => r.gcs)),
    cleanChunks: Math.min(...runs.map((r) => r.cleanChunks)),
  };
}

const input = rawInput(BARS);
gc();
const a0 = process.hrtime.bigint();
const { data } = alignTimeframes(input, 'M1', {});
const alignMs = Number(process.hrtime.bigint() - a0) / 1e6;
console.log(`slicer backtest loop: ${BARS} primary M1 bars x ${names.length} timeframes (${names.join(', ')}), bid, history ${HISTORY}`);
console.log(`alignment (alignTimeframes, bid+ask, 5 timeframes): ${alignMs.toFixed(1)} ms`);

// Warm-up: every body over every bar in both modes, so that JIT compilation (which grows the
// heap with code and feedback) is done before the measured runs.
for (const preload of [false, true]) {
  for (const body of Object.values(bodies)) {
    const slice = new SymbolDataSlice(fresh(data), 0, { preload });
    for (let i = 0; i < BARS; i += 1) {
      slice.setIndex(i);
      sink += body(slice);
    }
  }
}
// Cost of the measurement itself (getHeapStatistics result objects), per chunk.
const baseline = await run(data, bodies['setIndex only'], { preload: true });
const results = [];
for (const preload of [true, false]) {
  for (const [name, body] of Object.entries(bodies)) results.push({ name, preload, ...(await run(data, body, { preload })) });
}
console.log('');
console.log('loop body                   preload  ns/bar  ns/call  bytes/bar (net)  GCs in loop');
for (const r of results) {
  const calls = r.name.startsWith('latest + ') ? 2 * names.length : r.name === 'setIndex only' ? 1 : names.length;
  const setIndexNs = results.find((x) => x.name === 'setIndex only' && x.preload === r.preload).nsPerBar;
  const perCall = r.name === 'setIndex only' ? r.nsPerBar : (r.nsPerBar - setIndexNs) / calls;
  const net = r.bytesPerBar - baseline.bytesPerBar;
  r.nsPerCall = perCall;
  r.netBytesPerBar = net;
  console.log(
    `${r.name.padEnd(27)} ${String(r.preload).padEnd(7)} ${r.nsPerBar.toFixed(0).padStart(7)} ${perCall.toFixed(1).padStart(8)} ${net.toFixed(1).padStart(16)} ${String(r.gcs).padStart(12)}`,
  );
}
console.log('');
console.log(`measurement overhead: ${baseline.bytesPerBar.toFixed(1)} bytes/bar (getHeapStatistics once per ${1000} bars), subtracted above`);
console.log(`medians of ${REPEATS} runs; ns/call: (ns/bar - setIndex-only ns/bar of the same preload) / calls per bar;`);
console.log('bytes/bar: heap growth over 1000-bar chunks without a GC, on data whose candles start cold');
if (sink === 42) console.log('');
observer.disconnect();
if (JSON_OUT !== undefined) writeFileSync(JSON_OUT, JSON.stringify({ bars: BARS, timeframes: names, alignMs, results }, null, 2));

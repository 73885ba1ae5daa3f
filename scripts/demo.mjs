// The main job on the embedded sample: EMA and SMA through IndicatorCache with both backends on
// the TTR `ttrc` daily series shipped in golden-data/, a few values, and the kernels' timing on a
// seeded 1,000,000-bar random walk. Run with `pnpm demo` after the set-up.
import { IndicatorCache } from '@omega-ta/indicator-cache';
import { loadDataset } from '@omega-ta/golden';
import tsKernel from '@omega-ta/kernels-ts';
import { loadNativeKernel } from '@omega-ta/kernels-native';

const sample = loadDataset('ttrc-3000');
const rows = sample.timestamp.length;
console.log(`sample: ttrc-3000 (${rows} daily bars, ${sample.primaryTimeframe}, bid), from golden-data/reference`);

const caches = { ts: new IndicatorCache(sample, { backend: 'ts' }) };
const native = loadNativeKernel();
if (native.kernel) caches.native = new IndicatorCache(sample, { backend: 'native' });
else console.log(`native backend unavailable: ${native.reason}`);

const fmt = (v) => (Number.isNaN(v) ? 'NaN' : v.toFixed(6)).padStart(12);
const close = caches.ts.getCloses('D1', 'bid');
const header = ['row', 'date', 'close', ...Object.keys(caches).flatMap((b) => [`ema20 ${b}`, `sma20 ${b}`])];
console.log(header.map((h, i) => (i === 1 ? h.padEnd(10) : h.padStart(i === 0 ? 5 : 12))).join(' '));
for (const row of [0, 18, 19, 20, rows - 3, rows - 2, rows - 1]) {
  const date = new Date(sample.timestamp[row]).toISOString().slice(0, 10);
  const cells = Object.values(caches).flatMap((c) => [fmt(c.ema('D1', 'bid', 20)[row]), fmt(c.sma('D1', 'bid', 20)[row])]);
  console.log([String(row).padStart(5), date, fmt(close[row]), ...cells].join(' '));
}
for (const [backend, cache] of Object.entries(caches)) {
  console.log(`backend ${backend}: ${cache.backendInfo().reason}`);
}

// Timing: the bare kernels on a seeded geometric random walk, output buffer reused.
const n = 1_000_000;
const walk = new Float64Array(n);
let seed = 42;
let price = 100;
for (let i = 0; i < n; i += 1) {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  price *= 1 + (seed / 2147483648 - 0.5) * 0.002;
  walk[i] = price;
}
const out = new Float64Array(n);
const kernels = { ts: tsKernel, ...(native.kernel ? { native: native.kernel } : {}) };
console.log(`\ntiming on a ${n.toLocaleString('en-US')}-bar seeded random walk (median of 9 calls, output reused):`);
for (const name of ['ema', 'sma']) {
  const line = [];
  for (const [backend, kernel] of Object.entries(kernels)) {
    const times = [];
    for (let r = 0; r < 9; r += 1) {
      const t0 = process.hrtime.bigint();
      kernel[name](walk, { period: 20 }, out);
      times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
    times.sort((a, b) => a - b);
    line.push(`${backend} ${times[4].toFixed(2)} ms (${((times[4] * 1e6) / n).toFixed(2)} ns/bar)`);
  }
  console.log(`  ${name}(20): ${line.join(', ')}`);
}

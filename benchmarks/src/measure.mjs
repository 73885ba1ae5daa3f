import { readFileSync, writeFileSync } from 'node:fs';

// Sampling with the high-resolution clock after warm-up calls that let V8 optimise the thunk:
// a sample is one call when calls are slow (tens of µs and more, far above the clock's cost), or
// a batch of calls, divided out, when they are fast (a cached IndicatorCache call takes well
// under a µs, less than reading the clock).

function quantile(sorted, q) {
  const i = (sorted.length - 1) * q;
  const lo = Math.floor(i);
  const hi = Math.ceil(i);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (i - lo);
}

/** Nanoseconds from the high-resolution clock. */
function wallNs() {
  return Number(process.hrtime.bigint());
}

/** Nanoseconds of CPU time of this process (user + system): unaffected by waiting for a core. */
function cpuNs() {
  const { user, system } = process.cpuUsage();
  return (user + system) * 1000;
}

/**
 * Times `call` for about `budgetMs` of wall time (at least `minSamples`, at most `maxSamples`
 * samples) and returns the median, 25th and 75th percentile in ns, plus the peak extra memory of
 * one call (see {@link peakBytes}; null without `global.gc`). With `cpuTime`, a sample is the
 * process's CPU time instead of wall time (µs resolution, so a sample lasts at least ~2 ms): on a
 * machine shared with other work, time spent waiting for a core then does not count, though cache
 * and core sharing still do.
 */
export function measure(call, { budgetMs = 400, minSamples = 5, maxSamples = 200, warmup = 3, cpuTime = false } = {}) {
  for (let i = 0; i < warmup; i += 1) call();
  const clock = cpuTime ? cpuNs : wallNs;
  const batch = batchSize(call, clock, cpuTime ? 2_000_000 : 50_000);
  const samples = [];
  const deadline = wallNs() + budgetMs * 1e6;
  while (samples.length < maxSamples && (samples.length < minSamples || wallNs() < deadline)) {
    const t0 = clock();
    for (let i = 0; i < batch; i += 1) call();
    samples.push((clock() - t0) / batch);
  }
  samples.sort((a, b) => a - b);
  return { medianNs: quantile(samples, 0.5), p25Ns: quantile(samples, 0.25), p75Ns: quantile(samples, 0.75), peakBytes: peakBytes(call), samples: samples.length };
}

/** Calls per sample so that a sample lasts at least `minNs` on `clock`. */
function batchSize(call, clock, minNs) {
  const t0 = wallNs();
  call();
  const ns = wallNs() - t0;
  return ns >= minNs ? 1 : Math.min(100_000, Math.ceil(minNs / Math.max(ns, 1)));
}

/** VmRSS or VmHWM (peak resident set) of this process in bytes, from /proc/self/status. */
function residentBytes(field) {
  const match = readFileSync('/proc/self/status', 'utf8').match(new RegExp(`${field}:\\s+(\\d+) kB`));
  return match === null ? null : Number(match[1]) * 1024;
}

/**
 * True when the kernel lets this process reset its peak resident set (Linux: writing 5 to
 * /proc/self/clear_refs sets VmHWM to the current VmRSS), which makes the peak of one call visible.
 */
function canResetPeak() {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
    return residentBytes('VmHWM') !== null;
  } catch {
    return false;
  }
}

const peakResettable = canResetPeak();

function heapBytes() {
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

/**
 * Peak extra memory of one call after a GC: the larger of two lower bounds. (1) Where the peak
 * resident set can be reset (Linux), the growth of VmHWM over VmRSS before the call: the pages the
 * call touches beyond those the process already had, JavaScript heap, array buffers and native
 * (Rust) allocations alike; memory the allocator recycles from an earlier call is already
 * resident and does not count. (2) The growth of heap + array buffers (V8's own accounting, so
 * recycled memory counts) across the call, which misses native allocations and whatever a GC
 * frees during the call.
 */
function peakBytes(call) {
  if (typeof global.gc !== 'function') return null;
  global.gc();
  if (peakResettable) writeFileSync('/proc/self/clear_refs', '5');
  const rss = peakResettable ? residentBytes('VmRSS') : 0;
  const heap = heapBytes();
  const result = call();
  const heapGrowth = heapBytes() - heap;
  const rssGrowth = peakResettable ? residentBytes('VmHWM') - rss : 0;
  keep(result);
  return Math.max(0, heapGrowth, rssGrowth);
}

/** Keeps a call's result alive until after the measurement. */
function keep(result) {
  if (result === Symbol.for('never')) console.log(result);
}

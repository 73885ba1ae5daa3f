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

/**
 * Times `call` for about `budgetMs` (at least `minSamples`, at most `maxSamples` samples) and
 * returns the median, 25th and 75th percentile in ns, plus the peak extra memory of one call
 * (the growth of heap + array buffers across a single call after a GC, when `global.gc` exists).
 */
export function measure(call, { budgetMs = 400, minSamples = 5, maxSamples = 200, warmup = 3 } = {}) {
  for (let i = 0; i < warmup; i += 1) call();
  const batch = batchSize(call);
  const samples = [];
  const deadline = process.hrtime.bigint() + BigInt(Math.round(budgetMs * 1e6));
  while (samples.length < maxSamples && (samples.length < minSamples || process.hrtime.bigint() < deadline)) {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < batch; i += 1) call();
    samples.push(Number(process.hrtime.bigint() - t0) / batch);
  }
  samples.sort((a, b) => a - b);
  return { medianNs: quantile(samples, 0.5), p25Ns: quantile(samples, 0.25), p75Ns: quantile(samples, 0.75), peakBytes: peakBytes(call), samples: samples.length };
}

/** Calls per sample so that a sample lasts at least ~50 µs. */
function batchSize(call) {
  const t0 = process.hrtime.bigint();
  call();
  const ns = Number(process.hrtime.bigint() - t0);
  return ns >= 50_000 ? 1 : Math.min(100_000, Math.ceil(50_000 / Math.max(ns, 1)));
}

function used() {
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

function peakBytes(call) {
  if (typeof global.gc !== 'function') return null;
  global.gc();
  const before = used();
  const result = call();
  const after = used();
  // Keep the result alive until after the measurement.
  if (result === Symbol.for('never')) console.log(result);
  return Math.max(0, after - before);
}

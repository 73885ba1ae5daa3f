#!/usr/bin/env node
// Leak check of the native kernels (issue 3, item 6): calls every registry indicator of the built
// package a million times in total, synchronously and asynchronously, through the public kernels
// (`kernel`, `kernelAsync`) and the raw napi exports, on fresh buffers of mixed sizes (0, 1,
// small, a few thousand) and with good and bad arguments (bad ones must throw or reject). The
// calls run in phases; after each, the garbage collector runs and the resident set size (RSS) is
// sampled. Passes when the RSS stops growing: the lowest RSS of the last quarter of the phases is
// less than --max-growth-mb above the lowest of the quarter that ends the warm-up (the first half). Needs a built package; the script re-runs
// itself under `--expose-gc` and a fixed young-generation size.
//
//   node packages/kernels-native/scripts/leak-check.mjs [--calls 1000000] [--phases 10]
//        [--max-growth-mb 8] [--retain-every N]
//
// --retain-every N keeps every Nth output buffer reachable, a deliberate leak that the check must
// report (used by its own test). Ends with `leak check: passed` or `leak check: FAILED`.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { indicatorList } from '@omega-ta/kernel-interface';
import { kernel, kernelAsync } from '../dist/index.js';

const { values } = parseArgs({
  options: {
    calls: { type: 'string', default: '1000000' },
    phases: { type: 'string', default: '10' },
    'max-growth-mb': { type: 'string', default: '8' },
    'retain-every': { type: 'string', default: '0' },
  },
});
const totalCalls = Number(values.calls);
const phases = Number(values.phases);
const maxGrowth = Number(values['max-growth-mb']) * 2 ** 20;
const retainEvery = Number(values['retain-every']);
const gc = globalThis.gc;
if (typeof gc !== 'function') {
  // Re-run under the flags the measurement needs: an explicit GC, and a young generation of fixed
  // size (V8 otherwise grows it in 8-16 MB steps whenever it likes, which RSS would show).
  const flags = ['--expose-gc', '--min-semi-space-size=16', '--max-semi-space-size=16'];
  const child = spawnSync(process.execPath, [...flags, fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(child.status ?? 1);
}
const raw = createRequire(import.meta.url)('../binding.cjs');

const rand = Math.random;

/** 0 and 1 rows 10 % each, 2..64 rows 78 %, 1000..4000 rows 2 %. */
function size() {
  const r = rand();
  if (r < 0.1) return 0;
  if (r < 0.2) return 1;
  if (r < 0.98) return 2 + Math.floor(rand() * 63);
  return 1000 + Math.floor(rand() * 3001);
}

/** Price-like rows with a few NaN gaps; the inputs of the calls are fresh views into them. */
const prices = new Float64Array(8192);
for (let i = 0, p = 100; i < prices.length; i += 1) {
  p *= 1 + (rand() - 0.5) * 0.02;
  prices[i] = rand() < 0.02 ? Number.NaN : p;
}

/** A fresh `Float64Array` view of `n` price rows (inputs are only read, so views may share rows). */
function series(n) {
  const start = Math.floor(rand() * (prices.length - n));
  return prices.subarray(start, start + n);
}

/** Valid parameters: the registry default, else a small value in range. */
const validParams = new Map(
  indicatorList.map((spec) => [
    spec.name,
    Object.fromEntries(spec.params.map((p) => [p.name, p.default ?? Math.min(p.max, Math.max(p.min, 3))])),
  ]),
);

const retained = [];
let outputsMade = 0;
function outputsFor(spec, n) {
  return spec.outputs.map(() => {
    const out = new Float64Array(n);
    outputsMade += 1;
    if (retainEvery > 0 && outputsMade % retainEvery === 0) retained.push(out);
    return out;
  });
}

/**
 * One call's arguments: `kind` 0 is valid; 1 a NaN parameter, 2 an output one row short, 3 an
 * output that is the input (bad arguments, rejected in JS by the public kernels, in Rust by the
 * raw exports); 4 (raw exports only) a Float32Array output, refused by napi's argument conversion
 * after the earlier arguments were converted.
 */
function callArguments(spec, kind) {
  const n = kind === 3 ? Math.max(1, size()) : size();
  const inputs = spec.inputs.map(() => series(n));
  const params = { ...validParams.get(spec.name) };
  if (kind === 1) params[spec.params[0].name] = Number.NaN;
  const outputs = outputsFor(spec, n);
  if (kind === 2) outputs[0] = new Float64Array(n + 1);
  if (kind === 3) outputs[0] = inputs[0];
  if (kind === 4) outputs[outputs.length - 1] = new Float32Array(n);
  return { inputs, params, outputs, positional: spec.params.map((p) => params[p.name]) };
}

let thrown = 0;
let rejected = 0;
let resolved = 0;
const mustFail = (kind) => kind !== 0;

function syncCall(fn, args, kind) {
  try {
    fn(...args);
    if (mustFail(kind)) throw new Error(`a bad call (kind ${kind}) did not throw`);
  } catch (error) {
    if (!mustFail(kind)) throw error;
    thrown += 1;
  }
}

/** Starts an async call; bad arguments must reject (public kernel) or throw (raw export). */
function asyncCall(fn, args, kind) {
  let promise;
  try {
    promise = fn(...args);
  } catch (error) {
    if (!mustFail(kind)) throw error;
    thrown += 1;
    return undefined;
  }
  return promise.then(
    () => {
      if (mustFail(kind)) throw new Error(`a bad call (kind ${kind}) resolved`);
      resolved += 1;
    },
    (error) => {
      if (!mustFail(kind)) throw error;
      rejected += 1;
    },
  );
}

const IN_FLIGHT = 512;

/** `count` calls, cycling through the indicators and the four ways to call them. */
async function phase(count) {
  let pending = [];
  for (let i = 0; i < count; i += 1) {
    const spec = indicatorList[i % indicatorList.length];
    const way = Math.floor(i / indicatorList.length) % 4;
    const rawWay = way >= 2;
    const r = rand();
    const kind = r < 0.85 ? 0 : rawWay ? 1 + Math.floor(rand() * 4) : 1 + Math.floor(rand() * 3);
    const { inputs, params, outputs, positional } = callArguments(spec, kind);
    if (way === 0) syncCall(kernel[spec.name], [...inputs, params, ...outputs], kind);
    else if (way === 1) pending.push(asyncCall(kernelAsync[spec.name], [...inputs, params, ...outputs], kind));
    else if (way === 2) syncCall(raw[spec.name], [...inputs, ...positional, ...outputs], kind);
    else pending.push(asyncCall(raw[`${spec.name}_async`], [...inputs, ...positional, ...outputs], kind));
    if (pending.length >= IN_FLIGHT) {
      await Promise.all(pending);
      pending = [];
    }
  }
  await Promise.all(pending);
}

const mb = (bytes) => (bytes / 2 ** 20).toFixed(1);

function settle() {
  for (let k = 0; k < 3; k += 1) gc();
  return process.memoryUsage.rss();
}

const started = performance.now();
const perPhase = Math.ceil(totalCalls / phases);
const rss = [];
for (let p = 0; p < phases; p += 1) {
  await phase(perPhase);
  await new Promise((resolve) => setImmediate(resolve));
  rss.push(settle());
  const { heapUsed } = process.memoryUsage();
  console.log(
    `phase ${p + 1}/${phases}: ${(perPhase * (p + 1)).toLocaleString('en-US')} calls, RSS ${mb(rss[p])} MB (JS heap used ${mb(heapUsed)} MB)`,
  );
}
const seconds = (performance.now() - started) / 1000;
const calls = perPhase * phases;
// RSS wobbles by up to ~4 MB from phase to phase (malloc arenas of the pool threads; no trend
// over 3 million calls), a leak only grows: compare the lowest RSS of the last phases with the
// lowest of the phases that end the warm-up (the first half). 8 MB over 500,000 calls catches
// anything that leaks 17 bytes or more per call (a napi reference, an output buffer).
const span = Math.max(1, Math.floor(phases / 4));
const half = Math.floor(phases / 2);
const growth = Math.min(...rss.slice(phases - span)) - Math.min(...rss.slice(half - span, half));
console.log(
  `${calls.toLocaleString('en-US')} calls (${thrown.toLocaleString('en-US')} threw, ${rejected.toLocaleString('en-US')} rejected, ` +
    `${resolved.toLocaleString('en-US')} async resolved) of ${indicatorList.length} indicators in ${seconds.toFixed(1)} s; ` +
    `RSS growth from phases ${half - span + 1}-${half} to phases ${phases - span + 1}-${phases}: ${(growth / 2 ** 20).toFixed(2)} MB (limit ${mb(maxGrowth)} MB)`,
);
const ok = growth < maxGrowth && calls >= totalCalls;
console.log(`leak check: ${ok ? 'passed' : 'FAILED'}`);
process.exit(ok ? 0 : 1);

#!/usr/bin/env node
// pnpm bench [--bars 50000,1000000] [--ops ema,sma] [--quick] [--json <file>] [--scaling] [--cpu-time] [--in-process]
// Times every registry indicator for omega-ta's implementations and the installed peers on the
// same seeded bars in one run, prints per size a table with each implementation's speed-up over
// the fastest pure-JavaScript peer and over the fastest peer of all, and optionally writes the
// measurements as JSON: [{op, impl, bars, medianNs, p25Ns, p75Ns, peakBytes}].
// --scaling: the linear-scaling check instead, omega-ta's two kernels at 1,000,000 and
// 10,000,000 bars, ns/bar at each size and their ratio (1.00 = linear).
// --cpu-time: samples are the process's CPU time instead of wall time (for a shared machine).
// Each op at each size is measured in a child process of its own (this script with --child), so
// the heap and GC state a peer leaves behind cannot slow the next measurement; --in-process
// measures everything in this process instead (the old mode).
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { asArrays, randomWalk } from './data.mjs';
import { omegaImpls } from './impls/omega.mjs';
import { peerImpls, preparePeer } from './impls/peers.mjs';
import { measure } from './measure.mjs';
import { ops as allOps } from './ops.mjs';

const { values } = parseArgs({
  options: {
    bars: { type: 'string', default: '50000,1000000' },
    ops: { type: 'string' },
    json: { type: 'string' },
    quick: { type: 'boolean', default: false },
    scaling: { type: 'boolean', default: false },
    'cpu-time': { type: 'boolean', default: false },
    'in-process': { type: 'boolean', default: false },
    child: { type: 'boolean', default: false },
  },
});

const sizes = values.scaling ? [1_000_000, 10_000_000] : values.bars.split(',').map(Number);
const ops = values.ops === undefined ? allOps : allOps.filter((o) => values.ops.split(',').includes(o.op));
const budget = { budgetMs: values.quick ? 100 : 400, minSamples: values.quick ? 3 : 7, cpuTime: values['cpu-time'] };
const peers = values.scaling ? [] : await peerImpls();
const kernels = values.scaling ? omegaImpls.filter((impl) => impl.name.startsWith('@omega-ta/kernels-')) : omegaImpls;

if (!values.child) {
  for (const impl of [...kernels, ...peers]) {
    if (impl.unavailable) console.log(`unavailable: ${impl.name}: ${impl.unavailable}`);
  }
}

const results = [];
const fmt = (x, digits = 2) => (x === null || Number.isNaN(x) ? '—' : x.toFixed(digits));
const speedup = (x) => (x === null ? '—' : `${fmt(x)}x`);

/** Measures every available implementation of one op on `bars` rows in this process. */
function measureOp({ op, spec, params }, bars, table, arrays) {
  const rows = [];
  for (const impl of kernels) {
    if (impl.unavailable) continue;
    const call = impl.prepare({ op, spec, params }, table);
    if (call !== null) rows.push({ impl: impl.name, ours: true, ...measure(call, budget) });
  }
  for (const impl of peers) {
    if (impl.unavailable) continue;
    const call = preparePeer(impl, op, arrays, params);
    if (call !== null) rows.push({ impl: impl.name, pureJs: impl.pureJs, ...measure(call, budget) });
  }
  return rows;
}

/** The same measurement in a fresh node process (same node flags), its rows read from its stdout. */
function measureOpInChild(op, bars) {
  const flags = ['--child', '--ops', op, '--bars', String(bars)];
  if (values.quick) flags.push('--quick');
  if (values.scaling) flags.push('--scaling');
  if (values['cpu-time']) flags.push('--cpu-time');
  const child = spawnSync(process.execPath, [...process.execArgv, process.argv[1], ...flags], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 64 * 1024 * 1024,
  });
  if (child.status !== 0) throw new Error(`benchmark child for ${op} at ${bars} bars failed (exit ${child.status ?? child.signal})`);
  return JSON.parse(child.stdout);
}

/** Prints one op's rows with their speed-ups over the fastest peers and records them in `results`. */
function report(op, bars, rows) {
  const peerRows = rows.filter((r) => !r.ours);
  const fastest = (list) => (list.length === 0 ? null : Math.min(...list.map((r) => r.medianNs)));
  const fastestJs = fastest(peerRows.filter((r) => r.pureJs));
  const fastestAny = fastest(peerRows);
  for (const r of rows) {
    results.push({ op, impl: r.impl, bars, medianNs: r.medianNs, p25Ns: r.p25Ns, p75Ns: r.p75Ns, peakBytes: r.peakBytes });
    const vsJs = fastestJs === null ? null : fastestJs / r.medianNs;
    const vsAny = fastestAny === null ? null : fastestAny / r.medianNs;
    console.log(
      `${op.padEnd(20)}${r.impl.padEnd(42)}${fmt(r.medianNs / bars).padStart(10)}${`${fmt(r.p25Ns / bars)}–${fmt(r.p75Ns / bars)}`.padStart(18)}  ${speedup(vsJs).padStart(18)}  ${speedup(vsAny).padStart(14)}`,
    );
  }
}

if (values.child) {
  const [bars] = values.scaling ? [Number(values.bars)] : sizes;
  const table = randomWalk(bars);
  const arrays = peers.length === 0 ? null : asArrays(table);
  process.stdout.write(JSON.stringify(measureOp(ops[0], bars, table, arrays)));
  process.exit(0);
}

for (const bars of sizes) {
  const table = values['in-process'] ? randomWalk(bars) : null;
  const arrays = table === null || peers.length === 0 ? null : asArrays(table);
  console.log(`\n${bars.toLocaleString('en-US')} bars (ns/bar: median [p25–p75]; speed-up = peer time / this time)`);
  console.log(`${'op'.padEnd(20)}${'implementation'.padEnd(42)}${'ns/bar'.padStart(10)}${'p25–p75'.padStart(18)}  vs fastest JS peer  vs fastest peer`);
  for (const o of ops) {
    report(o.op, bars, table === null ? measureOpInChild(o.op, bars) : measureOp(o, bars, table, arrays));
  }
}

if (values.scaling) {
  console.log('\nlinear scaling (ns/bar at 10,000,000 bars / ns/bar at 1,000,000 bars; 1.00 = linear)');
  for (const { op } of ops) {
    for (const impl of kernels) {
      const at = (bars) => results.find((r) => r.op === op && r.impl === impl.name && r.bars === bars);
      const [small, large] = [at(sizes[0]), at(sizes[1])];
      if (small === undefined || large === undefined) continue;
      const ratio = large.medianNs / sizes[1] / (small.medianNs / sizes[0]);
      console.log(`${op.padEnd(20)}${impl.name.padEnd(28)}${fmt(ratio).padStart(8)}`);
    }
  }
}

if (values.json !== undefined) {
  // Relative to where `pnpm bench` was started (pnpm runs the script in benchmarks/).
  const file = resolve(process.env.INIT_CWD ?? process.cwd(), values.json);
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\nwrote ${results.length} measurements to ${file}`);
}

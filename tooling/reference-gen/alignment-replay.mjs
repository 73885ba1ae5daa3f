#!/usr/bin/env node
// Replays every alignment case (`expected/*.alignment.json`) of a reference directory through
// @omega-ta/arrow-schemas (build `packages/arrow-schemas` first) and prints, per case, the verdict
// of the project's own `replayAlignmentCase` and EVERY differing row: runs of rows with the
// expected and the computed index (or timestamp), or the expected and the thrown error. It also
// checks the applied data: every row's prices are those of the raw candle the expected index names
// (NaN for -1), and `time` is that candle's timestamp, minus the timeframe's length where the
// original reads the timeframe as close-stamped (`higher_tf_timestamps_mode[tf]`, lower-cased, is
// "close"; minutes as the original computes them from the upper-cased name).
//
// usage: node tooling/reference-gen/alignment-replay.mjs [reference dir]   (default golden-data/reference)
// exit code 1 when any case differs.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const dir = process.argv[2] ?? join(repo, 'golden-data/reference');
const { alignTimeframes, replayAlignmentCase } = await import(
  pathToFileURL(join(repo, 'packages/arrow-schemas/dist/index.js')).href
);

/** Runs of rows where `got` and `want` differ: "rows a..b: expected x..y, got u..v". */
function rowDiffs(label, got, want) {
  const out = [];
  if (got.length !== want.length) out.push(`${label}: ${got.length} rows, expected ${want.length}`);
  const n = Math.min(got.length, want.length);
  let start = -1;
  for (let i = 0; i <= n; i += 1) {
    const differs = i < n && got[i] !== want[i];
    if (differs && start < 0) start = i;
    if (!differs && start >= 0) {
      const span = (a) => (i - 1 === start ? `${a[start]}` : `${a.slice(start, i).join(',')}`);
      out.push(`${label} rows ${start}${i - 1 === start ? '' : `..${i - 1}`}: expected [${span(want)}], got [${span(Array.from(got))}]`);
      start = -1;
    }
  }
  return out;
}

/** The original's `_tf_minutes`. */
function tfMinutes(tf) {
  const t = tf.toUpperCase();
  const n = Number.parseInt(t.slice(1), 10);
  return t.startsWith('M') ? n : t.startsWith('H') ? n * 60 : n * 1440;
}

/** Rows of the applied data that do not hold the raw candle the expected plan names. */
function dataDiffs(c, data) {
  const out = [];
  const e = c.expected;
  const modes = c.timestamp_alignment.higher_tf_timestamps_mode ?? {};
  for (const [tf, sides] of Object.entries(c.input)) {
    const shift = tf !== c.primary_tf && String(modes[tf] ?? 'open').toLowerCase() === 'close' ? tfMinutes(tf) * 60_000 : 0;
    for (const side of ['bid', 'ask']) {
      const idx = tf === c.primary_tf ? e[`primary_${side}_idx`] : e.per_tf[tf][side];
      const got = data.timeframes[tf]?.[side];
      if (got === undefined) {
        out.push(`data.${tf}.${side}: missing`);
        continue;
      }
      for (const field of ['time', 'open', 'high', 'low', 'close', 'volume']) {
        const raw = field === 'time' ? sides[side].timestamp.map((t) => t - shift) : sides[side][field];
        const want = idx.map((j) => (j < 0 ? NaN : raw[j]));
        const bad = [];
        for (let k = 0; k < want.length; k += 1) if (!Object.is(got[field][k], want[k])) bad.push(k);
        if (bad.length > 0) out.push(`data.${tf}.${side}.${field}: ${bad.length} rows differ, first row ${bad[0]}: expected ${want[bad[0]]}, got ${got[field][bad[0]]}`);
      }
    }
  }
  return out;
}

let failed = 0;
const files = readdirSync(join(dir, 'expected')).filter((f) => f.endsWith('.alignment.json')).sort();
for (const f of files) {
  const c = JSON.parse(readFileSync(join(dir, 'expected', f), 'utf8'));
  const verdict = replayAlignmentCase(c).mismatches;
  const lines = [];
  let plan;
  let data;
  try {
    ({ plan, data } = alignTimeframes(c.input, c.primary_tf, c.timestamp_alignment));
  } catch (error) {
    if (c.expected.error === null) lines.push(`threw ${String(error)}; expected a plan of ${c.expected.common_timestamps.length} rows`);
  }
  if (plan !== undefined && c.expected.error !== null) {
    lines.push(`expected ${c.expected.error.type}: ${JSON.stringify(c.expected.error.message)}, got a plan of ${plan.commonTimestamps.length} rows`);
  } else if (plan !== undefined) {
    const e = c.expected;
    lines.push(...rowDiffs('common_timestamps', plan.commonTimestamps, e.common_timestamps));
    lines.push(...rowDiffs('primary_bid_idx', plan.primaryBidIdx, e.primary_bid_idx));
    lines.push(...rowDiffs('primary_ask_idx', plan.primaryAskIdx, e.primary_ask_idx));
    for (const [tf, sides] of Object.entries(e.per_tf)) {
      for (const side of ['bid', 'ask']) {
        const got = plan.perTf[tf]?.[side];
        if (got === undefined) lines.push(`per_tf.${tf}.${side}: missing`);
        else lines.push(...rowDiffs(`per_tf.${tf}.${side}`, got, sides[side]));
      }
    }
    const extra = Object.keys(plan.perTf).filter((tf) => !(tf in e.per_tf));
    if (extra.length > 0) lines.push(`per_tf has extra timeframes ${extra.join(',')}`);
    if (lines.length === 0) lines.push(...dataDiffs(c, data));
  }
  if (lines.length > 0 || verdict.length > 0) failed += 1;
  console.log(`${c.name}: ${lines.length === 0 && verdict.length === 0 ? 'ok' : 'MISMATCH'}`);
  for (const l of lines) console.log(`  ${l}`);
  if (verdict.length > 0) console.log(`  replayAlignmentCase: ${verdict.join(' | ')}`);
}
console.log(`${files.length - failed} passed, ${failed} failed`);
process.exitCode = failed === 0 ? 0 : 1;

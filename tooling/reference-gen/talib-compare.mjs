#!/usr/bin/env node
// Compares the ORIGINAL's reference values (a dataset's D1/bid cases stored with all rows) with
// TA-Lib (the `talib` binding that `pnpm --filter @omega-ta/benchmarks build:native-peers`
// builds) and prints a markdown table: first defined row of each, and the largest absolute and
// relative difference from TA-Lib's first row, 100 rows later and 500 rows later.
//
// usage: node tooling/reference-gen/talib-compare.mjs [reference dir] [dataset] [tf/side]
//        (defaults: golden-data/reference ttrc-3000 D1/bid)
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const [dir = join(repo, 'golden-data/reference'), name = 'ttrc-3000', target = 'D1/bid'] = process.argv.slice(2);
const [tf, side] = target.split('/');
const talib = createRequire(join(repo, 'benchmarks/package.json'))('talib');

const decode = (v) => (v === null ? NaN : v === 'Infinity' ? Infinity : v === '-Infinity' ? -Infinity : v);
const dataset = JSON.parse(readFileSync(join(dir, 'datasets', `${name}.json`), 'utf8'));
const cases = JSON.parse(readFileSync(join(dir, 'expected', `${name}.indicator_cache.json`), 'utf8')).cases;
// the binding wants plain arrays (a Float64Array is read as garbage)
const column = (k) => dataset.timeframes[tf][side][k].map(decode);
const [open, high, low, close, volume] = ['open', 'high', 'low', 'close', 'volume'].map(column);
const n = close.length;

function original(method, params, output) {
  const id = `${method}|${tf}|${side}|${params}`;
  const c = cases.find((x) => x.id === id);
  if (c === undefined || c.rows !== 'all') throw new Error(`${id}: no case with all rows in ${name}`);
  return (output === undefined ? c.values : c.values[output]).map(decode);
}

function ta(fn, opts, output = 'outReal') {
  const r = talib.execute({ name: fn, startIdx: 0, endIdx: n - 1, open, high, low, close, volume, inReal: close, ...opts });
  if (r.error) throw new Error(`${fn}: ${r.error}`);
  const full = new Array(n).fill(NaN);
  r.result[output].forEach((v, k) => (full[r.begIndex + k] = v));
  return { values: full, first: r.begIndex };
}

const firstDefined = (a) => a.findIndex((v) => Number.isFinite(v));
const fmt = (x) => (x === 0 ? '0' : x.toExponential(1));

function diffFrom(o, t, from) {
  let abs = 0;
  let rel = 0;
  for (let i = from; i < n; i++) {
    if (!Number.isFinite(o[i]) || !Number.isFinite(t[i])) continue;
    const d = Math.abs(o[i] - t[i]);
    abs = Math.max(abs, d);
    if (t[i] !== 0) rel = Math.max(rel, d / Math.abs(t[i]));
  }
  return `${fmt(abs)} / ${fmt(rel)}`;
}

const rows = [
  ['ema(14)', 'EMA(14)', original('ema', 'period=14'), ta('EMA', { optInTimePeriod: 14 })],
  ['sma(20)', 'SMA(20)', original('sma', 'period=20'), ta('SMA', { optInTimePeriod: 20 })],
  ['rsi(14)', 'RSI(14)', original('rsi', ''), ta('RSI', { optInTimePeriod: 14 })],
  ['roc(14)', 'ROC(14)', original('roc', ''), ta('ROC', { optInTimePeriod: 14 })],
  ...[['macd', 'outMACD'], ['signal', 'outMACDSignal']].map(([o, t]) => [
    `macd(12,26,9).${o}`, `MACD.${t}`, original('macd', '', o),
    ta('MACD', { optInFastPeriod: 12, optInSlowPeriod: 26, optInSignalPeriod: 9 }, t)]),
  ...[['upper', 'outRealUpperBand'], ['mid', 'outRealMiddleBand']].map(([o, t]) => [
    `bollinger(20,2).${o}`, `BBANDS(20,2,2,SMA).${t}`, original('bollinger', '', o),
    ta('BBANDS', { optInTimePeriod: 20, optInNbDevUp: 2, optInNbDevDn: 2, optInMAType: 0 }, t)]),
  ['atr(14)', 'ATR(14)', original('atr', ''), ta('ATR', { optInTimePeriod: 14 })],
  ['dmi(14).plus_di', 'PLUS_DI(14)', original('dmi', '', 'plus_di'), ta('PLUS_DI', { optInTimePeriod: 14 })],
  ['dmi(14).minus_di', 'MINUS_DI(14)', original('dmi', '', 'minus_di'), ta('MINUS_DI', { optInTimePeriod: 14 })],
  ['dmi(14).adx', 'ADX(14)', original('dmi', '', 'adx'), ta('ADX', { optInTimePeriod: 14 })],
];

console.log(`${name} ${target}, ${n} rows, TA-Lib binding ${talib.version}; max abs / max rel difference`);
console.log('| original | TA-Lib | first row (orig / TA-Lib) | from TA-Lib\'s first row | 100 rows later | 500 rows later |');
console.log('| --- | --- | --- | --- | --- | --- |');
for (const [o, t, orig, { values, first }] of rows) {
  const cells = [first, first + 100, first + 500].map((from) => diffFrom(orig, values, from));
  console.log(`| \`${o}\` | \`${t}\` | ${firstDefined(orig)} / ${first} | ${cells.join(' | ')} |`);
}
const upper = original('bollinger', '', 'upper');
const mid = original('bollinger', '', 'mid');
const bb = ta('BBANDS', { optInTimePeriod: 20, optInNbDevUp: 2, optInNbDevDn: 2, optInMAType: 0 }, 'outRealUpperBand');
const bbMid = ta('BBANDS', { optInTimePeriod: 20, optInNbDevUp: 2, optInNbDevDn: 2, optInMAType: 0 }, 'outRealMiddleBand');
let worst = 0;
for (let i = 19; i < n; i++) {
  const w = bb.values[i] - bbMid.values[i];
  if (w > 1e-9) worst = Math.max(worst, Math.abs((upper[i] - mid[i]) / w / Math.sqrt(20 / 19) - 1));
}
console.log(`\nbollinger half-width / BBANDS half-width = sqrt(20/19) within ${fmt(worst)} relative on every row with a width`);

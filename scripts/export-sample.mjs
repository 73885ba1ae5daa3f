// Writes examples/sample-ttrc-3000.csv from the reference dataset golden-data/reference/datasets/
// ttrc-3000.json (timeframe D1, side bid): one row per bar, ISO-8601 UTC dates, the numbers
// exactly as stored (JavaScript's shortest round-trip text). Input data only, no computed values.
// Run: node scripts/export-sample.mjs
import { readFileSync, writeFileSync } from 'node:fs';

const root = new URL('..', import.meta.url);
const dataset = JSON.parse(readFileSync(new URL('golden-data/reference/datasets/ttrc-3000.json', root), 'utf8'));
const bid = dataset.timeframes.D1.bid;
const cell = (v) => (v === null ? 'NaN' : String(v));
const lines = ['timestamp,open,high,low,close,volume'];
dataset.timestamp.forEach((t, i) => {
  lines.push([new Date(t).toISOString().slice(0, 10), ...['open', 'high', 'low', 'close', 'volume'].map((f) => cell(bid[f][i]))].join(','));
});
writeFileSync(new URL('examples/sample-ttrc-3000.csv', root), `${lines.join('\n')}\n`);
console.log(`examples/sample-ttrc-3000.csv: ${dataset.timestamp.length} rows`);

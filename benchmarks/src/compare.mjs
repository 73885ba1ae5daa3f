#!/usr/bin/env node
// pnpm bench:compare <old.json> <new.json>
// Flags a regression of more than 10 % for each omega-ta implementation, measured as its time
// relative to the fastest peer of the same op and size in the same run (machines are shared and
// noisy; ratios within one run are comparable, absolute times across runs are not).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const [oldFile, newFile] = process.argv.slice(2);
if (oldFile === undefined || newFile === undefined) {
  console.error('usage: pnpm bench:compare <old.json> <new.json>');
  process.exit(2);
}

/** For each (op, bars, impl) of omega-ta: its median divided by the fastest peer's median. */
function relativeTimes(file) {
  const rows = JSON.parse(readFileSync(resolve(process.env.INIT_CWD ?? process.cwd(), file), 'utf8'));
  const out = new Map();
  for (const r of rows.filter((x) => x.impl.startsWith('@omega-ta/'))) {
    const peers = rows.filter((x) => x.op === r.op && x.bars === r.bars && !x.impl.startsWith('@omega-ta/'));
    if (peers.length === 0) continue;
    const fastest = Math.min(...peers.map((p) => p.medianNs));
    out.set(`${r.op} ${r.bars} ${r.impl}`, r.medianNs / fastest);
  }
  return out;
}

const before = relativeTimes(oldFile);
const after = relativeTimes(newFile);
let regressions = 0;
for (const [key, ratio] of after) {
  const old = before.get(key);
  if (old === undefined) continue;
  const change = ratio / old - 1;
  const flag = change > 0.1 ? 'REGRESSION' : change < -0.1 ? 'faster' : '';
  if (flag === 'REGRESSION') regressions += 1;
  console.log(`${key.padEnd(60)} ${old.toFixed(3)} -> ${ratio.toFixed(3)} of the fastest peer (${(change * 100).toFixed(1)} %) ${flag}`);
}
console.log(`${regressions} regression(s) over 10 %`);
process.exit(regressions === 0 ? 0 : 1);

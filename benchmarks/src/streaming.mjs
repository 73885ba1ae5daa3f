// Streaming throughput of @omega-ta/kernels-ts (or `--kernel native`: @omega-ta/kernels-native): per-bar `update`, `update` + `replace` (a live
// bar revised once before it closes) and `updateMany`, against the batch kernel on the same bars.
// Usage: pnpm --filter @omega-ta/benchmarks run bench:streaming [--bars 1000000] [--kernel native]
import { parseArgs } from 'node:util';
import { callKernel, indicatorList } from '@omega-ta/kernel-interface';
import { randomWalk } from './data.mjs';

const { values } = parseArgs({
  options: { bars: { type: 'string', default: '1000000' }, kernel: { type: 'string', default: 'ts' } },
});
const { default: kernel } = await import(values.kernel === 'native' ? '@omega-ta/kernels-native' : '@omega-ta/kernels-ts');
const { createStream } = kernel;
const bars = Number(values.bars);
const table = randomWalk(bars);

/** The best of five runs of `fn`, in CPU ns per bar (CPU time, not wall time: robust on a shared machine). */
function nsPerBar(fn) {
  let best = Number.POSITIVE_INFINITY;
  for (let r = 0; r < 5; r += 1) {
    const t0 = process.cpuUsage();
    fn();
    const { user, system } = process.cpuUsage(t0);
    best = Math.min(best, (user + system) * 1000);
  }
  return best / bars;
}

console.log(`streaming (${kernel.info.name}), ${bars} bars, CPU ns per bar (best of 5)`);
console.log('indicator            batch   update  update+replace  updateMany');
for (const spec of indicatorList) {
  const params = Object.fromEntries(spec.params.map((p) => [p.name, p.default ?? p.min]));
  const inputs = spec.inputs.map((name) => table[name]);
  const outputs = spec.outputs.map(() => new Float64Array(bars));
  const [a, b = a, c = a] = inputs;
  const stream = createStream(spec.name, params);
  const batch = nsPerBar(() => callKernel(kernel, spec.name, inputs, params, outputs));
  const update = nsPerBar(() => {
    stream.reset();
    for (let i = 0; i < bars; i += 1) stream.update(a[i], b[i], c[i]);
  });
  const replace = nsPerBar(() => {
    stream.reset();
    for (let i = 0; i < bars; i += 1) {
      stream.update(a[i] * 1.001, b[i], c[i]);
      stream.replace(a[i], b[i], c[i]);
    }
  });
  const many = nsPerBar(() => {
    stream.reset();
    stream.updateMany(inputs, outputs);
  });
  const f = (x) => x.toFixed(1).padStart(8);
  console.log(`${spec.name.padEnd(20)}${f(batch)} ${f(update)} ${f(replace).padStart(15)} ${f(many).padStart(11)}`);
}

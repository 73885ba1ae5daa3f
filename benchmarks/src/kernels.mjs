// Kernel timing: every registry indicator at 50,000 and 1,000,000 bars of a seeded random walk,
// TypeScript vs native, output buffer reused; median of repeated calls. Never part of the tests.
// The comparison with peers (TA-Lib, tulind, technicalindicators, ...) is tracked separately.
import { indicatorList } from '@omega-ta/kernel-interface';
import tsKernel from '@omega-ta/kernels-ts';
import { loadNativeKernel } from '@omega-ta/kernels-native';

function randomWalk(n, seed) {
  const x = new Float64Array(n);
  let s = seed;
  let p = 100;
  for (let i = 0; i < n; i += 1) {
    s = (s * 1103515245 + 12345) % 2147483648;
    p *= 1 + (s / 2147483648 - 0.5) * 0.002;
    x[i] = p;
  }
  return x;
}

function medianNs(fn, repeats) {
  const times = [];
  for (let r = 0; r < repeats; r += 1) {
    const t0 = process.hrtime.bigint();
    fn();
    times.push(Number(process.hrtime.bigint() - t0));
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(repeats / 2)];
}

const native = loadNativeKernel();
const kernels = { ts: tsKernel, ...(native.kernel ? { native: native.kernel } : {}) };
if (!native.kernel) console.log(`native unavailable: ${native.reason}`);

console.log('op    bars       impl    ns/bar   native speed-up');
for (const bars of [50_000, 1_000_000]) {
  const close = randomWalk(bars, 7);
  for (const spec of indicatorList) {
    const params = Object.fromEntries(spec.params.map((p) => [p.name, p.default ?? 20]));
    const outs = spec.outputs.map(() => new Float64Array(bars));
    const ns = {};
    for (const [name, kernel] of Object.entries(kernels)) {
      const call = () => kernel[spec.name](...spec.inputs.map(() => close), params, ...outs);
      for (let w = 0; w < 5; w += 1) call();
      ns[name] = medianNs(call, bars > 100_000 ? 15 : 101) / bars;
    }
    for (const [name, perBar] of Object.entries(ns)) {
      const speedUp = name === 'native' ? `${(ns.ts / perBar).toFixed(2)}x` : '';
      console.log(`${spec.name.padEnd(5)} ${String(bars).padEnd(10)} ${name.padEnd(7)} ${perBar.toFixed(3).padStart(7)}   ${speedUp}`);
    }
  }
}

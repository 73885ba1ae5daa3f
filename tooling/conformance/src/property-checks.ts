import fc from 'fast-check';
import { callKernel, type IndicatorSpec, type Kernel } from '@omega-ta/kernel-interface';
import { expectThat, firstBitDifference, type Check } from './check.js';
import { inputsOf, outputsOf, paramsArbitrary, realisticOhlcv, seriesGenerators } from './series.js';

function run(kernel: Kernel, spec: IndicatorSpec, inputs: Float64Array[], params: Record<string, number>): Float64Array[] {
  const outputs = outputsOf(spec, inputs[0]!.length);
  callKernel(kernel, spec.name, inputs, params, outputs);
  return outputs;
}

function finiteRange(inputs: readonly Float64Array[]): [number, number] {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const x of inputs) {
    for (const v of x) {
      if (Number.isFinite(v)) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
    }
  }
  return [lo, hi];
}

/**
 * Registry-driven properties of every indicator, on every series generator: every output row is
 * written (two runs into differently pre-filled buffers agree bitwise), the call is deterministic,
 * inputs are not mutated, warm-up rows are NaN and later rows finite on gap-free data (NaN, never
 * ±Infinity, allowed in the outputs a spec lists in `nanAfterWarmup`), all-NaN input gives all-NaN
 * output, and finite outputs obey the declared bounds.
 */
export function propertyChecks(kernel: Kernel, spec: IndicatorSpec, numRuns: number): Check[] {
  const checks: Check[] = [];
  for (const gen of seriesGenerators) {
    checks.push({
      name: `properties › ${spec.name} › ${gen.name}: every row written, deterministic, inputs untouched`,
      run: () =>
        fc.assert(
          fc.property(gen.arbitrary, paramsArbitrary(spec), (table, params) => {
            const inputs = inputsOf(spec, table);
            const copies = inputs.map((x) => Float64Array.from(x));
            const first = run(kernel, spec, inputs, params);
            const second = spec.outputs.map(() => new Float64Array(inputs[0]!.length).fill(-7.25e300));
            callKernel(kernel, spec.name, inputs, params, second);
            first.forEach((out, k) => {
              const at = firstBitDifference(out, second[k]!);
              expectThat(at < 0, `${spec.outputs[k]}[${at}] differs between two identical calls`);
            });
            copies.forEach((copy, k) => expectThat(firstBitDifference(copy, inputs[k]!) < 0, `input ${spec.inputs[k]} was mutated`));
          }),
          { numRuns },
        ),
    });
    if (spec.bounds !== undefined) {
      const bounds = spec.bounds;
      checks.push({
        name: `properties › ${spec.name} › ${gen.name}: outputs within ${bounds === 'input' ? 'the input range' : `[${bounds.join(', ')}]`}`,
        run: () =>
          fc.assert(
            fc.property(gen.arbitrary, paramsArbitrary(spec), (table, params) => {
              const inputs = inputsOf(spec, table);
              const [lo, hi] = bounds === 'input' ? finiteRange(inputs) : bounds;
              const slack = bounds === 'input' ? 1e-12 * Math.max(Math.abs(lo), Math.abs(hi)) : 0;
              for (const out of run(kernel, spec, inputs, params)) {
                for (const v of out) {
                  if (Number.isFinite(v)) expectThat(v >= lo - slack && v <= hi + slack, `${v} outside [${lo}, ${hi}]`);
                }
              }
            }),
            { numRuns },
          ),
      });
    }
  }
  checks.push({
    name: `properties › ${spec.name}: warm-up rows NaN, then finite on gap-free data${spec.nanAfterWarmup ? ' (or NaN where declared)' : ''}`,
    run: () =>
      fc.assert(
        fc.property(realisticOhlcv, paramsArbitrary(spec), (table, params) => {
          const lookback = spec.lookback(params);
          const nanAllowed = spec.nanAfterWarmup?.outputs ?? [];
          const infAllowed = spec.nanAfterWarmup?.infinite !== undefined;
          run(kernel, spec, inputsOf(spec, table), params).forEach((out, k) => {
            // Declared 0/0 cases (spec.nanAfterWarmup) may be NaN after the warm-up, never infinite.
            // ±Infinity only where the spec declares why (nanAfterWarmup.infinite).
            const mayBeNaN = nanAllowed.includes(spec.outputs[k]!);
            const mayBeInfinite = mayBeNaN && infAllowed;
            out.forEach((v, i) =>
              expectThat(
                i < lookback
                  ? Number.isNaN(v)
                  : Number.isFinite(v) || (mayBeNaN && Number.isNaN(v)) || (mayBeInfinite && !Number.isNaN(v)),
                `${spec.outputs[k]} row ${i} is ${v} with lookback ${lookback}`,
              ),
            );
          });
        }),
        { numRuns },
      ),
  });
  checks.push({
    name: `properties › ${spec.name}: all-NaN input gives all-NaN output`,
    run: () =>
      fc.assert(
        fc.property(fc.nat(300), paramsArbitrary(spec), (n, params) => {
          const inputs = spec.inputs.map(() => new Float64Array(n).fill(Number.NaN));
          for (const out of run(kernel, spec, inputs, params)) {
            expectThat(out.every((v) => Number.isNaN(v)), 'a defined output from all-NaN input');
          }
        }),
        { numRuns },
      ),
  });
  return checks;
}

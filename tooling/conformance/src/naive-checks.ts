import fc from 'fast-check';
import { callKernel, type IndicatorSpec, type Kernel } from '@omega-ta/kernel-interface';
import { sameNumber } from '@omega-ta/golden';
import { expectThat, type Check } from './check.js';
import { naiveIndicators, naiveSlack } from './naive/index.js';
import { gappyOhlcv, inputsOf, outputsOf, paramsArbitrary, realisticOhlcv } from './series.js';

/** Relative tolerance against the naive definition: the kernels round differently, not wrongly. */
export const NAIVE_TOLERANCE = 1e-9;

/**
 * Plus an absolute slack of 1e-12 × the largest input magnitude, for outputs that are
 * differences of nearly equal price-scale terms (MACD, a flat window's deviation).
 */
const PRICE_SLACK = 1e-12;

function scaleOf(inputs: readonly Float64Array[]): number {
  let scale = 0;
  for (const x of inputs) for (const v of x) if (Number.isFinite(v)) scale = Math.max(scale, Math.abs(v));
  return scale;
}

function close(actual: number, expected: number, slack: number): boolean {
  if (Number.isNaN(actual) || Number.isNaN(expected) || !Number.isFinite(expected)) return sameNumber(actual, expected, 0);
  return Math.abs(actual - expected) <= NAIVE_TOLERANCE * Math.abs(expected) + slack;
}

/**
 * The kernel against the naive textbook implementation of `spec` on realistic prices with and
 * without gaps, within {@link NAIVE_TOLERANCE} relative (plus a price-scale slack). An indicator without a naive
 * implementation fails here: add one in `naive/`.
 */
export function naiveChecks(kernel: Kernel, spec: IndicatorSpec, numRuns: number): Check[] {
  const naive = naiveIndicators[spec.name];
  if (naive === undefined) {
    return [{ name: `naive › ${spec.name}: has a naive implementation`, run: () => expectThat(false, `add tooling/conformance/src/naive/${spec.name}.ts`) }];
  }
  return [
    { name: 'realistic', arbitrary: realisticOhlcv },
    { name: 'NaN gaps', arbitrary: gappyOhlcv },
  ].map((gen) => ({
    name: `naive › ${spec.name} › ${gen.name}: within ${NAIVE_TOLERANCE} of the textbook definition`,
    run: () =>
      fc.assert(
        fc.property(gen.arbitrary, paramsArbitrary(spec), (table, params) => {
          const inputs = inputsOf(spec, table);
          const outputs = outputsOf(spec, inputs[0]!.length);
          callKernel(kernel, spec.name, inputs, params, outputs);
          const expected = naive(table, params);
          const scale = scaleOf(inputs);
          const slack = PRICE_SLACK * scale + (naiveSlack[spec.name]?.(params, scale) ?? 0);
          spec.outputs.forEach((name, k) => {
            outputs[k]!.forEach((actual, i) => {
              const e = expected[k]![i];
              if (e === undefined) return; // ill-conditioned row, declared by the naive implementation
              expectThat(close(actual, e, slack), `${name}[${i}]: ${actual}, naive ${e}`);
            });
          });
        }),
        { numRuns },
      ),
  }));
}

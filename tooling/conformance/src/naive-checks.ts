import fc from 'fast-check';
import { callKernel, type IndicatorSpec, type Kernel } from '@omega-ta/kernel-interface';
import { sameNumber } from '@omega-ta/golden';
import { expectThat, type Check } from './check.js';
import { naiveIndicators } from './naive/index.js';
import { gappyOhlcv, inputsOf, outputsOf, paramsArbitrary, realisticOhlcv } from './series.js';

/** Tolerance against the naive definition: the kernels round differently, not wrongly. */
export const NAIVE_TOLERANCE = 1e-9;

/**
 * The kernel against the naive textbook implementation of `spec` on realistic prices with and
 * without gaps, within {@link NAIVE_TOLERANCE} relative. An indicator without a naive
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
          spec.outputs.forEach((name, k) => {
            outputs[k]!.forEach((actual, i) => {
              const e = expected[k]![i]!;
              expectThat(sameNumber(actual, e, NAIVE_TOLERANCE), `${name}[${i}]: ${actual}, naive ${e}`);
            });
          });
        }),
        { numRuns },
      ),
  }));
}

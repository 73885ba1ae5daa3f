import fc from 'fast-check';
import { callKernel, type IndicatorSpec, type Kernel } from '@omega-ta/kernel-interface';
import { relativeError, sameNumber } from '@omega-ta/golden';
import { sameBits, type Check } from './check.js';
import { inputsOf, outputsOf, paramsArbitrary, seriesGenerators } from './series.js';

/**
 * The kernel under test against the baseline (kernels-ts) on random series of every generator:
 * bitwise equal when `bitwise`, else within `tolerance` relative (NaN where NaN, same infinities
 * and zero signs).
 */
export function differentialChecks(
  kernel: Kernel,
  baseline: Kernel,
  spec: IndicatorSpec,
  options: { numRuns: number; bitwise: boolean; tolerance: number },
): Check[] {
  const mode = options.bitwise ? 'bitwise' : `within ${options.tolerance} relative`;
  return seriesGenerators.map((gen) => ({
    name: `differential › ${spec.name} › ${gen.name}: equal to ${baseline.info.name} ${mode}`,
    run: () =>
      fc.assert(
        fc.property(gen.arbitrary, paramsArbitrary(spec), (table, params) => {
          const inputs = inputsOf(spec, table);
          const n = inputs[0]!.length;
          const actual = outputsOf(spec, n);
          const expected = outputsOf(spec, n);
          callKernel(kernel, spec.name, inputs, params, actual);
          callKernel(baseline, spec.name, inputs, params, expected);
          spec.outputs.forEach((name, k) => {
            for (let i = 0; i < n; i += 1) {
              const a = actual[k]![i]!;
              const e = expected[k]![i]!;
              const equal = options.bitwise ? sameBits(a, e) : sameNumber(a, e, options.tolerance);
              if (!equal) {
                throw new Error(`${name}[${i}]: ${a} vs baseline ${e} (relative error ${relativeError(a, e)})`);
              }
            }
          });
        }),
        { numRuns: options.numRuns },
      ),
  }));
}

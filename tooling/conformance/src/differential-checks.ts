import fc from 'fast-check';
import { callKernel, type IndicatorSpec, type Kernel } from '@omega-ta/kernel-interface';
import { relativeError, sameNumber } from '@omega-ta/golden';
import { expectThat, sameBits, type Check } from './check.js';
import { differentialGenerators, inputsOf, outputsOf, paramsArbitrary } from './series.js';

/** How many random series the differential checks of one suite have found equal so far. */
export interface SeriesTally {
  compared: number;
}

/**
 * The kernel under test against the baseline (kernels-ts) on `numRuns` random series of every
 * generator: bitwise equal when `bitwise`, else within `tolerance` relative (NaN where NaN, same
 * infinities and zero signs). Each series found equal counts once in `tally`.
 */
export function differentialChecks(
  kernel: Kernel,
  baseline: Kernel,
  spec: IndicatorSpec,
  options: { numRuns: number; bitwise: boolean; tolerance: number; tally: SeriesTally },
): Check[] {
  const mode = options.bitwise ? 'bitwise' : `within ${options.tolerance} relative`;
  return differentialGenerators.map((gen) => ({
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
          options.tally.compared += 1;
        }),
        { numRuns: options.numRuns },
      ),
  }));
}

/**
 * The closing check of the differential group, run after every differential check: prints how
 * many random series were compared with the baseline and fails when that is fewer than `target`.
 */
export function differentialTotalCheck(baseline: Kernel, tally: SeriesTally, target: number): Check {
  return {
    name: `differential › total: at least ${target.toLocaleString('en-US')} random series equal to ${baseline.info.name}`,
    run: () => {
      console.log(`differential: ${tally.compared.toLocaleString('en-US')} random series compared with ${baseline.info.name}`);
      expectThat(tally.compared >= target, `only ${tally.compared} random series compared, expected at least ${target}`);
    },
  };
}

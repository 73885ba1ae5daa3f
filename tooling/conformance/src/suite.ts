import { indicatorList, type Kernel } from '@omega-ta/kernel-interface';
import baselineKernel from '@omega-ta/kernels-ts';
import type { Check } from './check.js';
import { differentialChecks, differentialTotalCheck, type SeriesTally } from './differential-checks.js';
import { errorChecks } from './error-checks.js';
import { naiveChecks } from './naive-checks.js';
import { propertyChecks } from './property-checks.js';
import { REFERENCE_TOLERANCE, referenceChecks } from './reference-checks.js';
import { differentialGenerators } from './series.js';
import { streamingChecks } from './streaming-checks.js';

/** Random series the differential check compares per suite run, by default (issue 3, item 5). */
export const DIFFERENTIAL_SERIES = 100_000;

export interface SuiteOptions {
  /** A directory in the reference format; default: golden-data/reference of this repository. */
  readonly referenceDir?: string;
  /** fast-check runs per property (and at least that many per differential generator). Default 200. */
  readonly numRuns?: number;
  /**
   * Random series the differential check compares in total, spread evenly over every indicator
   * and generator (each gets at least `numRuns`); a closing check asserts the total. Default
   * {@link DIFFERENTIAL_SERIES}.
   */
  readonly differentialSeries?: number;
  /** Require bitwise equality with kernels-ts (true for kernels-native). Default false: 1e-12 relative. */
  readonly bitwise?: boolean;
  /** The kernel to compare against; default @omega-ta/kernels-ts. */
  readonly baseline?: Kernel;
}

/**
 * Every check a kernel package must pass, driven by the registry: reference cases, properties,
 * the naive textbook implementation, errors, batch ≡ streaming (`createStream`)
 * and the differential check against kernels-ts.
 * Adding an indicator to the registry adds its checks here; only its naive implementation
 * (`naive/<name>.ts`) is written by hand.
 */
export function conformanceChecks(kernel: Kernel, options: SuiteOptions = {}): Check[] {
  const numRuns = options.numRuns ?? 200;
  const baseline = options.baseline ?? baselineKernel;
  const checks = referenceChecks(kernel, options.referenceDir);
  const differentialTarget = options.differentialSeries ?? DIFFERENTIAL_SERIES;
  const differentialRuns = Math.max(numRuns, Math.ceil(differentialTarget / (indicatorList.length * differentialGenerators.length)));
  const tally: SeriesTally = { compared: 0 };
  // Comparing the baseline with itself proves nothing.
  const differential = kernel.info.name !== baseline.info.name;
  for (const spec of indicatorList) {
    checks.push(...propertyChecks(kernel, spec, numRuns));
    checks.push(...naiveChecks(kernel, spec, numRuns));
    checks.push(...errorChecks(kernel, spec));
    checks.push(...streamingChecks(kernel, spec, numRuns));
    if (!differential) continue;
    checks.push(
      ...differentialChecks(kernel, baseline, spec, {
        numRuns: differentialRuns,
        bitwise: options.bitwise ?? false,
        tolerance: REFERENCE_TOLERANCE,
        tally,
      }),
    );
  }
  if (differential) checks.push(differentialTotalCheck(baseline, tally, differentialTarget));
  return checks;
}

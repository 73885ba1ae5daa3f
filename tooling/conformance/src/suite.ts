import { indicatorList, type Kernel } from '@omega-ta/kernel-interface';
import baselineKernel from '@omega-ta/kernels-ts';
import type { Check } from './check.js';
import { differentialChecks } from './differential-checks.js';
import { errorChecks } from './error-checks.js';
import { naiveChecks } from './naive-checks.js';
import { propertyChecks } from './property-checks.js';
import { REFERENCE_TOLERANCE, referenceChecks } from './reference-checks.js';
import { streamingChecks } from './streaming-checks.js';

export interface SuiteOptions {
  /** A directory in the reference format; default: golden-data/reference of this repository. */
  readonly referenceDir?: string;
  /** fast-check runs per property and per differential generator. Default 200. */
  readonly numRuns?: number;
  /** Require bitwise equality with kernels-ts (true for kernels-native). Default false: 1e-12 relative. */
  readonly bitwise?: boolean;
  /** The kernel to compare against; default @omega-ta/kernels-ts. */
  readonly baseline?: Kernel;
}

/**
 * Every check a kernel package must pass, driven by the registry: reference cases, properties,
 * the naive textbook implementation, errors, batch ≡ streaming (for kernels with `createStream`)
 * and the differential check against kernels-ts.
 * Adding an indicator to the registry adds its checks here; only its naive implementation
 * (`naive/<name>.ts`) is written by hand.
 */
export function conformanceChecks(kernel: Kernel, options: SuiteOptions = {}): Check[] {
  const numRuns = options.numRuns ?? 200;
  const baseline = options.baseline ?? baselineKernel;
  const checks = referenceChecks(kernel, options.referenceDir);
  for (const spec of indicatorList) {
    checks.push(...propertyChecks(kernel, spec, numRuns));
    checks.push(...naiveChecks(kernel, spec, numRuns));
    checks.push(...errorChecks(kernel, spec));
    checks.push(...streamingChecks(kernel, spec, numRuns));
    if (kernel.info.name === baseline.info.name) continue; // comparing the baseline with itself proves nothing
    checks.push(
      ...differentialChecks(kernel, baseline, spec, {
        numRuns,
        bitwise: options.bitwise ?? false,
        tolerance: REFERENCE_TOLERANCE,
      }),
    );
  }
  return checks;
}

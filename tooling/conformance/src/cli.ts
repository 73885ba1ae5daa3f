#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { loadKernel } from './load-kernel.js';
import { runChecks } from './run.js';
import { conformanceChecks, DIFFERENTIAL_SERIES } from './suite.js';

const usage = `usage: pnpm conformance --kernel <package name | path to module> [--reference <dir>] [--runs <n>] [--series <n>] [--bitwise]

Runs the omega-ta conformance suite against a kernel and ends with 'N passed, N failed'.
  --kernel     package name (e.g. @omega-ta/kernels-native) or path to a module whose default export implements the contract
  --reference  directory in the omega-indicator-reference/1 format (default: the repository's golden-data/reference)
  --runs       fast-check runs per property (default 200)
  --series     random series compared with @omega-ta/kernels-ts in total (default 100000)
  --bitwise    require bitwise equality with @omega-ta/kernels-ts (default for @omega-ta/kernels-native)`;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      kernel: { type: 'string' },
      reference: { type: 'string' },
      runs: { type: 'string' },
      series: { type: 'string' },
      bitwise: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help || values.kernel === undefined) {
    console.log(usage);
    return values.help ? 0 : 2;
  }
  const runs = values.runs === undefined ? 200 : Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) {
    console.error(`--runs must be a positive integer (got ${values.runs})`);
    return 2;
  }
  const series = values.series === undefined ? DIFFERENTIAL_SERIES : Number(values.series);
  if (!Number.isInteger(series) || series < 0) {
    console.error(`--series must be a non-negative integer (got ${values.series})`);
    return 2;
  }
  const kernel = await loadKernel(values.kernel);
  console.log(`conformance: ${kernel.info.name} ${kernel.info.version}`);
  const checks = conformanceChecks(kernel, {
    numRuns: runs,
    differentialSeries: series,
    bitwise: values.bitwise ?? kernel.info.name === '@omega-ta/kernels-native',
    ...(values.reference === undefined ? {} : { referenceDir: values.reference }),
  });
  const { passed, failed } = runChecks(checks, (line) => console.log(line));
  console.log(`${passed} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    console.log('0 passed, 1 failed');
    process.exitCode = 1;
  },
);

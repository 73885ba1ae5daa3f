import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { indicatorList } from '@omega-ta/kernel-interface';
import tsKernel from '@omega-ta/kernels-ts';
import { loadNativeKernel } from '@omega-ta/kernels-native';
import { differentialTotalCheck } from './differential-checks.js';
import { differentialGenerators } from './series.js';
import { streamingChecks } from './streaming-checks.js';
import { conformanceChecks, DIFFERENTIAL_SERIES } from './suite.js';

const RUNS = Number(process.env['OMEGA_TA_CONFORMANCE_RUNS'] ?? 200);

describe('@omega-ta/kernels-ts', () => {
  for (const check of conformanceChecks(tsKernel, { numRuns: RUNS })) it(check.name, check.run);
});

describe('@omega-ta/kernels-native', () => {
  const native = loadNativeKernel();
  it('loads (the native conformance tests below must run, not be skipped)', () => {
    expect(native.reason).toBeNull();
    expect(native.kernel?.info.name).toBe('@omega-ta/kernels-native');
  });
  if (native.kernel !== null) {
    for (const check of conformanceChecks(native.kernel, { numRuns: RUNS, bitwise: true })) it(check.name, check.run);
  }
});

describe('the differential total', () => {
  const native = loadNativeKernel().kernel;
  const checks = native === null ? [] : conformanceChecks(native, { numRuns: RUNS, bitwise: true });

  it('closes the native suite and asks for at least 100,000 random series per full run', () => {
    expect(DIFFERENTIAL_SERIES).toBeGreaterThanOrEqual(100_000);
    expect(checks.at(-1)?.name).toBe('differential › total: at least 100,000 random series equal to @omega-ta/kernels-ts');
  });

  it('draws series of realistic length (a median of 100+ rows of up to 400; gaps and extremes included)', () => {
    for (const gen of differentialGenerators) {
      const lengths = fc.sample(gen.arbitrary, { numRuns: 500, seed: 7 }).map((table) => table.close.length);
      lengths.sort((a, b) => a - b);
      expect(lengths[250], gen.name).toBeGreaterThanOrEqual(100);
      expect(lengths.at(-1), gen.name).toBeLessThanOrEqual(600);
    }
    const gappy = fc.sample(differentialGenerators[1]!.arbitrary, { numRuns: 200, seed: 7 });
    expect(gappy.some((table) => table.close.some(Number.isNaN))).toBe(true);
  });

  it('fails when fewer series were compared than asked for', () => {
    expect(() => differentialTotalCheck(tsKernel, { compared: 99_999 }, 100_000).run()).toThrow(
      'only 99999 random series compared, expected at least 100000',
    );
    expect(() => differentialTotalCheck(tsKernel, { compared: 100_000 }, 100_000).run()).not.toThrow();
  });
});

describe('the streaming checks', () => {
  it('fail a kernel without createStream (it is part of the contract)', () => {
    const { createStream: _omitted, ...withoutStreams } = tsKernel;
    const checks = streamingChecks(withoutStreams as unknown as typeof tsKernel, indicatorList[0]!, 1);
    expect(checks.map((c) => c.name)).toEqual([`streaming › ${indicatorList[0]!.name}: the kernel provides createStream`]);
    expect(() => checks[0]!.run()).toThrow('no createStream function');
  });
});

describe('the conformance runner', () => {
  const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
  const run = (kernel: string) => spawnSync(process.execPath, [cli, '--kernel', kernel, '--runs', '50', '--series', '0'], { encoding: 'utf8' });

  it('passes @omega-ta/kernels-ts and ends with the N passed, N failed line', () => {
    const result = run('@omega-ta/kernels-ts');
    expect(result.stdout.trim().split('\n').at(-1)).toMatch(/^[1-9]\d* passed, 0 failed$/);
    expect(result.status).toBe(0);
  });

  it('fails a kernel whose EMA is off by 1e-9 relative in one output', () => {
    const result = run(fileURLToPath(new URL('../fixtures/perturbed-ema-kernel.mjs', import.meta.url)));
    expect(result.stdout.trim().split('\n').at(-1)).toMatch(/^\d+ passed, [1-9]\d* failed$/);
    expect(result.stdout).toMatch(/FAIL reference › .* › ema\|/);
    expect(result.status).toBe(1);
  });

  it('fails with a readable message on a module that is not a kernel', () => {
    const result = run(fileURLToPath(new URL('../package.json', import.meta.url)));
    expect(result.status).not.toBe(0);
  });
});

import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultReferenceDir } from '@omega-ta/golden';
import { BITWISE_METHODS } from './indicator-replay.js';
import { referenceCheck } from './run.js';

const golden = defaultReferenceDir();
const dirs: string[] = [];

/** A reference directory holding only edge-short's dataset and IndicatorCache cases, `edit`ed. */
function edgeShortCopy(edit: (cases: { id: string; method: string; values?: unknown }[]) => void): string {
  const dir = mkdtempSync(join(tmpdir(), 'omega-ta-reference-'));
  dirs.push(dir);
  mkdirSync(join(dir, 'datasets'));
  mkdirSync(join(dir, 'expected'));
  copyFileSync(join(golden, 'datasets', 'edge-short.json'), join(dir, 'datasets', 'edge-short.json'));
  const file = JSON.parse(readFileSync(join(golden, 'expected', 'edge-short.indicator_cache.json'), 'utf8')) as { cases: { id: string; method: string; values?: unknown }[] };
  edit(file.cases);
  writeFileSync(join(dir, 'expected', 'edge-short.indicator_cache.json'), JSON.stringify(file));
  return dir;
}

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('referenceCheck', () => {
  it('passes an unmodified copy and counts every case once per backend', () => {
    const report = referenceCheck(edgeShortCopy(() => undefined), BITWISE_METHODS);
    expect(report.failed).toBe(0);
    expect(report.passed).toBeGreaterThan(100);
    expect(report.sections.map((s) => s.title)).toEqual([
      'IndicatorCache, ts backend (1 case files)',
      'IndicatorCache, native backend (1 case files)',
    ]);
  });

  it('fails an ema value off by one part in 1e15 (the ewm family is checked bitwise) and names the case', () => {
    const dir = edgeShortCopy((cases) => {
      const ema = cases.find((c) => c.method === 'ema' && Array.isArray(c.values) && typeof c.values[9] === 'number')!;
      (ema.values as number[])[9] = (ema.values as number[])[9]! * (1 + 1e-15);
    });
    const report = referenceCheck(dir, BITWISE_METHODS);
    expect(report.failed).toBe(2);
    expect(report.sections[0]!.lines.join('\n')).toMatch(/FAIL edge-short: ema\|.*\[9\]: got/);
  });

  it('fails a case of a method IndicatorCache does not have, and a directory without cases', () => {
    const dir = edgeShortCopy((cases) => {
      cases[0]!.method = 'hull_moving_average';
    });
    expect(referenceCheck(dir, BITWISE_METHODS).failed).toBe(2);
    const empty = mkdtempSync(join(tmpdir(), 'omega-ta-reference-'));
    dirs.push(empty);
    expect(referenceCheck(empty, BITWISE_METHODS)).toMatchObject({ passed: 0, failed: 1 });
  });
});

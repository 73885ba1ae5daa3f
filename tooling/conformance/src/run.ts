import type { Check } from './check.js';

/** Runs checks in order, reporting each failure and a per-group tally through `log`. */
export function runChecks(checks: readonly Check[], log: (line: string) => void): { passed: number; failed: number } {
  let passed = 0;
  let failed = 0;
  const groups = new Map<string, { passed: number; failed: number }>();
  for (const check of checks) {
    const group = check.name.split(' › ')[0] ?? check.name;
    const tally = groups.get(group) ?? { passed: 0, failed: 0 };
    groups.set(group, tally);
    try {
      check.run();
      passed += 1;
      tally.passed += 1;
    } catch (error) {
      failed += 1;
      tally.failed += 1;
      const message = error instanceof Error ? error.message : String(error);
      log(`FAIL ${check.name}\n     ${message.split('\n').slice(0, 6).join('\n     ')}`);
    }
  }
  for (const [group, tally] of groups) log(`  ${group}: ${tally.passed} passed, ${tally.failed} failed`);
  return { passed, failed };
}

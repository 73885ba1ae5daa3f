// The leak check itself (scripts/leak-check.mjs, a step of `pnpm test`) must be able to fail:
// with a deliberate leak it reports FAILED. Needs the built package, like dist.test.ts.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const script = fileURLToPath(new URL('../scripts/leak-check.mjs', import.meta.url));
const built = existsSync(fileURLToPath(new URL('../dist/index.js', import.meta.url)));

describe.skipIf(!built)('scripts/leak-check.mjs', () => {
  it('fails when every output buffer is kept alive (a deliberate leak)', () => {
    const result = spawnSync(process.execPath, [script, '--calls', '40000', '--phases', '4', '--retain-every', '1'], { encoding: 'utf8' });
    expect(result.stdout).toMatch(/40,000 calls .* RSS growth from phases 2-2 to phases 4-4: \d+\.\d\d MB \(limit 8\.0 MB\)/);
    expect(result.stdout.trim().split('\n').at(-1)).toBe('leak check: FAILED');
    expect(result.status).toBe(1);
  }, 60_000);
});

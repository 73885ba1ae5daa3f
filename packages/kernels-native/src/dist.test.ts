// The built package, as consumers get it: dist/ loaded from ESM and CJS, and the packed tarball.
// Skipped before `pnpm build` (turbo's test task does not depend on this package's own build).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const built = existsSync(join(root, 'dist/index.js')) && existsSync(join(root, 'binding.cjs'));

const probe = (load: string) => `${load}
const out = new Float64Array(3);
m.default.sma(new Float64Array([1, 2, 3]), { period: 2 }, out);
console.log(JSON.stringify({ available: m.isNativeAvailable(), reason: m.loadNativeKernel().reason, info: m.kernel.info, out: Array.from(out) }));`;

function runProbe(dir: string, format: 'esm' | 'cjs'): unknown {
  const script =
    format === 'esm'
      ? probe(`const m = await import(${JSON.stringify(join(dir, 'dist/index.js'))});`)
      : probe(`const m = require(${JSON.stringify(join(dir, 'dist/index.cjs'))});`);
  const args = format === 'esm' ? ['--input-type=module', '-e', script] : ['-e', script];
  return JSON.parse(execFileSync(process.execPath, args, { cwd: dir, encoding: 'utf8' }));
}

const expected = {
  available: true,
  reason: null,
  info: { name: '@omega-ta/kernels-native', version: expect.any(String) },
  out: [null, 1.5, 2.5], // JSON turns NaN into null
};

describe.skipIf(!built)('the built package', () => {
  it.each(['esm', 'cjs'] as const)('loads the native binary from the %s build', (format) => {
    expect(runProbe(root, format)).toEqual(expected);
  });

  it('packs the binary and the loader, and loads from the unpacked tarball (ESM and CJS)', () => {
    // Unpack under node_modules so that @omega-ta/kernel-interface resolves as it would for a user.
    const work = join(root, 'node_modules/.cache/kernels-native-pack-test');
    rmSync(work, { recursive: true, force: true });
    mkdirSync(work, { recursive: true });
    try {
      execFileSync('pnpm', ['pack', '--pack-destination', work], { cwd: root, stdio: 'pipe' });
      const tarball = readdirSync(work).find((f) => f.endsWith('.tgz'));
      expect(tarball).toBeDefined();
      const files = execFileSync('tar', ['-tzf', join(work, tarball!)], { encoding: 'utf8' }).split('\n').filter(Boolean);
      expect(files).toEqual(
        expect.arrayContaining([
          'package/package.json',
          'package/README.md',
          'package/binding.cjs',
          'package/binding.d.cts',
          'package/dist/index.js',
          'package/dist/index.cjs',
          'package/dist/index.d.ts',
          'package/dist/index.d.cts',
        ]),
      );
      expect(files.some((f) => /^package\/kernels-native\.[\w-]+\.node$/.test(f))).toBe(true);
      expect(files.filter((f) => /\.rs$|Cargo|\/src\/|\/target\//.test(f))).toEqual([]);
      execFileSync('tar', ['-xzf', join(work, tarball!), '-C', work]);
      const unpacked = join(work, 'package');
      expect(runProbe(unpacked, 'esm')).toEqual(expected);
      expect(runProbe(unpacked, 'cjs')).toEqual(expected);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});

#!/usr/bin/env node
// Builds the C peers (talib, tulind) on demand: pnpm does not run dependency install scripts
// unless allowed, and we do not allow them in the workspace so that `pnpm install` (and CI)
// never depends on compiling third-party C code. Needs a C toolchain and Python for node-gyp.
import { execFileSync } from 'node:child_process';
import { realpathSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
let failed = 0;
for (const name of ['talib', 'tulind']) {
  const dir = realpathSync(join(here, '..', 'node_modules', name));
  console.log(`==> building ${name} in ${dir}`);
  try {
    execFileSync('npm', ['run', 'install', '--foreground-scripts'], { cwd: dir, stdio: 'inherit' });
  } catch {
    console.error(`${name} did not build; the benchmarks will list it as unavailable`);
    failed += 1;
  }
}
process.exit(failed === 0 ? 0 : 1);

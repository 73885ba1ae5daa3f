// The release set-up, checked without publishing anything: `changeset version` in a throw-away
// copy of the repository (every changeset applies, each package it names gets a CHANGELOG.md,
// the fixed group ends at one version), and `napi create-npm-dirs` in a throw-away folder (the
// seven platform packages of @omega-ta/kernels-native, each at its version, for its os/cpu/libc),
// and the released shape of kernels-native on this machine: the main package without a binary
// plus the generated platform package of this host holding it, installed with plain npm.
// Ends with `release check: N passed, N failed`; exits non-zero on any failure.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { checkRunner } from './release/checks.mjs';
import { packAll, publicPackages, root } from './release/workspace.mjs';

/** The platform packages the napi config must produce (directory name under npm/). */
const PLATFORMS = ['linux-x64-gnu', 'linux-arm64-gnu', 'linux-x64-musl', 'linux-arm64-musl', 'darwin-x64', 'darwin-arm64', 'win32-x64-msvc'];

const { check, finish } = checkRunner('release check');
const work = mkdtempSync(join(tmpdir(), 'omega-ta-release-'));
const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));
const sh = (command, args, cwd) => execFileSync(command, args, { cwd, encoding: 'utf8', stdio: 'pipe' });

try {
  await check('changeset version (dry run in a copy): changelogs written, fixed group at one version', () => {
    const copy = join(work, 'repo');
    const files = sh('git', ['ls-files', '-co', '--exclude-standard'], root).split('\n').filter((f) => f && existsSync(join(root, f)));
    for (const file of files) {
      mkdirSync(dirname(join(copy, file)), { recursive: true });
      copyFileSync(join(root, file), join(copy, file));
    }
    symlinkSync(join(root, 'node_modules'), join(copy, 'node_modules'));
    const changesets = readdirSync(join(copy, '.changeset')).filter((f) => f.endsWith('.md') && f !== 'README.md');
    const named = new Set(changesets.flatMap((f) => [...readFileSync(join(copy, '.changeset', f), 'utf8').matchAll(/^["']?(@omega-ta\/[\w-]+)["']?\s*:/gm)].map((m) => m[1])));
    sh(join(root, 'node_modules', '.bin', 'changeset'), ['version'], copy);
    const packages = publicPackages().map((p) => ({ ...p, dir: p.dir.replace(root, `${copy}/`) }));
    const missing = packages.filter((p) => named.has(p.name) && !existsSync(join(p.dir, 'CHANGELOG.md'))).map((p) => p.name);
    if (missing.length > 0) throw new Error(`no CHANGELOG.md for ${missing.join(', ')}`);
    const config = readJson(join(copy, '.changeset', 'config.json'));
    for (const group of config.fixed) {
      const versions = new Set(group.map((name) => readJson(join(packages.find((p) => p.name === name).dir, 'package.json')).version));
      if (versions.size !== 1) throw new Error(`fixed group ${group.join(', ')} at versions ${[...versions].join(', ')}`);
    }
    const left = readdirSync(join(copy, '.changeset')).filter((f) => f.endsWith('.md') && f !== 'README.md');
    if (left.length > 0) throw new Error(`changesets left unapplied: ${left.join(', ')}`);
    return `${changesets.length} changesets, ${named.size} packages bumped`;
  });

  await check(`napi create-npm-dirs: ${PLATFORMS.length} platform packages of @omega-ta/kernels-native at its version`, () => {
    const native = join(root, 'packages', 'kernels-native');
    const dir = join(work, 'native');
    mkdirSync(dir);
    copyFileSync(join(native, 'package.json'), join(dir, 'package.json'));
    sh(join(native, 'node_modules', '.bin', 'napi'), ['create-npm-dirs'], dir);
    const { name, version } = readJson(join(dir, 'package.json'));
    const made = readdirSync(join(dir, 'npm')).sort();
    if (made.join() !== [...PLATFORMS].sort().join()) throw new Error(`platform dirs ${made.join(', ')}`);
    for (const platform of PLATFORMS) {
      const json = readJson(join(dir, 'npm', platform, 'package.json'));
      if (json.name !== `${name}-${platform}` || json.version !== version || !json.os || !json.cpu) throw new Error(`npm/${platform}: ${JSON.stringify(json)}`);
    }
    return made.join(', ');
  });

  await check('kernels-native as released: main package without a binary + the host platform package, installed with npm, loads native', () => {
    const native = join(root, 'packages', 'kernels-native');
    const binary = readdirSync(native).find((f) => /^kernels-native\.[\w-]+\.node$/.test(f));
    if (binary === undefined) throw new Error('no built kernels-native.<platform>.node (run pnpm build)');
    const platform = binary.split('.')[1];
    const dir = join(work, 'shape');
    mkdirSync(dir);
    const packed = packAll(publicPackages().filter((p) => ['@omega-ta/kernels-native', '@omega-ta/kernel-interface'].includes(p.name)), dir);
    sh('tar', ['-xzf', packed.get('@omega-ta/kernels-native'), '-C', dir], dir);
    const main = join(dir, 'package');
    for (const f of readdirSync(main).filter((f) => f.endsWith('.node'))) rmSync(join(main, f));
    // What `napi artifacts` and `napi pre-publish` do at release, for this host's platform only.
    sh(join(native, 'node_modules', '.bin', 'napi'), ['create-npm-dirs'], main);
    copyFileSync(join(native, binary), join(main, 'npm', platform, binary));
    const manifest = readJson(join(main, 'package.json'));
    const platformName = `${manifest.name}-${platform}`;
    writeFileSync(join(main, 'package.json'), JSON.stringify({ ...manifest, optionalDependencies: { [platformName]: manifest.version } }, null, 2));
    const mainTgz = join(dir, sh('npm', ['pack', '--pack-destination', dir, '--loglevel=error'], main).trim().split('\n').pop());
    const platformTgz = join(dir, sh('npm', ['pack', '--pack-destination', dir, '--loglevel=error'], join(main, 'npm', platform)).trim().split('\n').pop());
    const project = join(dir, 'project');
    mkdirSync(project);
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, version: '0.0.0' }));
    sh('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error', packed.get('@omega-ta/kernel-interface'), platformTgz, mainTgz], project);
    if (readdirSync(join(project, 'node_modules', '@omega-ta', 'kernels-native')).some((f) => f.endsWith('.node'))) throw new Error('main package has a binary');
    const probe = `const m = require('@omega-ta/kernels-native'); const r = m.loadNativeKernel(); if (r.kernel === null) throw new Error(r.reason); const out = new Float64Array(3); m.default.sma(new Float64Array([1, 2, 3]), { period: 2 }, out); if (out[2] !== 2.5) throw new Error('sma ' + out);`;
    sh('node', ['-e', probe], project);
    return `${platformName}@${manifest.version}`;
  });
} finally {
  rmSync(work, { recursive: true, force: true });
}

finish();

// The public workspace packages (packages/*, not private) with their workspace dependencies, and
// `pnpm pack` of each (pnpm turns `workspace:` ranges into the packed versions).
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const root = new URL('../..', import.meta.url).pathname;

/** @returns {{ name: string, version: string, dir: string, workspaceDeps: string[] }[]} */
export function publicPackages() {
  const dirs = readdirSync(join(root, 'packages')).map((d) => join(root, 'packages', d));
  const manifests = dirs.map((dir) => ({ dir, json: JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) }));
  const names = new Set(manifests.map((m) => m.json.name));
  return manifests
    .filter((m) => m.json.private !== true)
    .map(({ dir, json }) => ({
      name: json.name,
      version: json.version,
      dir,
      workspaceDeps: Object.keys(json.dependencies ?? {}).filter((d) => names.has(d)),
    }));
}

/** Packs every package into `destination`; returns a map package name -> tarball path. */
export function packAll(packages, destination) {
  const tarballs = new Map();
  for (const pkg of packages) {
    const out = execFileSync('pnpm', ['pack', '--pack-destination', destination], { cwd: pkg.dir, encoding: 'utf8' });
    const file = out.trim().split('\n').pop().trim();
    tarballs.set(pkg.name, file.startsWith('/') ? file : join(destination, file));
  }
  return tarballs;
}

/** The package and every workspace package it depends on, directly or not. */
export function withWorkspaceClosure(name, packages) {
  const byName = new Map(packages.map((p) => [p.name, p]));
  const seen = new Set();
  const visit = (n) => {
    if (seen.has(n)) return;
    seen.add(n);
    for (const d of byName.get(n)?.workspaceDeps ?? []) visit(d);
  };
  visit(name);
  return [...seen];
}

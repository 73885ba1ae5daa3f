import { createRequire } from 'node:module';
import { isAbsolute, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Kernel } from '@omega-ta/kernel-interface';

function isKernel(value: unknown): value is Kernel {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { info?: { name?: unknown } }).info?.name === 'string'
  );
}

function looksLikePath(spec: string): boolean {
  return spec.startsWith('.') || isAbsolute(spec) || /\.(c|m)?js$/.test(spec);
}

async function importSpecifier(spec: string, cwd: string): Promise<unknown> {
  if (looksLikePath(spec)) return import(pathToFileURL(resolve(cwd, spec)).href);
  try {
    // A package installed where the runner is called from.
    const fromCwd = createRequire(join(cwd, 'package.json')).resolve(spec);
    return await import(pathToFileURL(fromCwd).href);
  } catch {
    // A package this runner depends on (the workspace's kernels).
    return import(spec);
  }
}

/**
 * Loads the kernel named by `spec`: a package name or a path to a module whose default export
 * (or export `kernel`) implements the contract. Throws with a readable message otherwise.
 */
export async function loadKernel(spec: string, cwd: string = process.cwd()): Promise<Kernel> {
  const mod = (await importSpecifier(spec, cwd)) as Record<string, unknown>;
  const candidates = [mod['default'], (mod['default'] as Record<string, unknown> | undefined)?.['default'], mod['kernel']];
  const kernel = candidates.find(isKernel);
  if (kernel === undefined) {
    throw new Error(`${spec}: no kernel found (expected a default export with an 'info' object and one function per indicator)`);
  }
  return kernel;
}

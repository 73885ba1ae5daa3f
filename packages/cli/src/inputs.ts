import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { glob } from 'tinyglobby';
import { CliError } from './errors.js';

/**
 * The files named on the command line: an existing path as it is, anything else as a glob
 * (relative to `cwd`). Each argument must name at least one file; duplicates are dropped and the
 * order of the arguments kept (matches of one glob sorted).
 */
export async function expandInputs(args: readonly string[], cwd: string): Promise<readonly string[]> {
  if (args.length === 0) throw new CliError('no input files (give paths or globs, e.g. data/*.csv)');
  const files: string[] = [];
  for (const arg of args) {
    const path = resolve(cwd, arg);
    const matches = existsSync(path) ? [path] : (await glob(arg, { cwd, absolute: true, onlyFiles: true })).sort();
    if (matches.length === 0) throw new CliError(`no file matches '${arg}'`);
    for (const match of matches) if (!files.includes(match)) files.push(match);
  }
  return files;
}

import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultReferenceDir } from '@omega-ta/golden';
import { afterAll, describe, expect, it } from 'vitest';
import { replayReferenceDirectory } from './replay-node.js';

const reference = defaultReferenceDir();
const count = (suffix: string): number => readdirSync(join(reference, 'expected')).filter((f) => f.endsWith(suffix)).length;

describe('replayReferenceDirectory', () => {
  const work = mkdtempSync(join(tmpdir(), 'omega-ta-replay-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('replays every slice trace (both modes) and every alignment case of the reference directory', () => {
    const results = replayReferenceDirectory(reference);
    expect(results.filter((r) => r.kind === 'slice').length).toBe(2 * count('.symbol_data_slice.json'));
    expect(results.filter((r) => r.kind === 'alignment').length).toBe(count('.alignment.json'));
    expect(count('.alignment.json')).toBeGreaterThanOrEqual(5);
    expect(results.filter((r) => !r.ok)).toEqual([]);
  });

  it('reports a wrong expectation, a corrupt file and a missing dataset as failed cases, never skipped', () => {
    const dir = join(work, 'mutated');
    cpSync(reference, dir, { recursive: true });
    const expected = join(dir, 'expected');
    const alignment = readdirSync(expected).find((f) => f.endsWith('.alignment.json') && !f.includes('rejected')) as string;
    const c = JSON.parse(readFileSync(join(expected, alignment), 'utf8')) as { expected: { primary_bid_idx: number[] } };
    c.expected.primary_bid_idx[0] = (c.expected.primary_bid_idx[0] as number) + 1;
    writeFileSync(join(expected, alignment), JSON.stringify(c));
    writeFileSync(join(expected, 'broken.alignment.json'), '{ not json');
    const trace = readdirSync(expected).find((f) => f.endsWith('.symbol_data_slice.json')) as string;
    writeFileSync(join(expected, 'orphan.symbol_data_slice.json'), JSON.stringify({ dataset: 'no-such-dataset', steps: [] }));
    const results = replayReferenceDirectory(dir, ['original']);
    const failed = results.filter((r) => !r.ok).map((r) => `${r.kind}:${r.name}`).sort();
    expect(failed).toEqual(['alignment:broken', `alignment:${alignment.replace('.alignment.json', '')}`, 'slice:orphan'].sort());
    expect(results.find((r) => r.name === trace.replace('.symbol_data_slice.json', ''))?.ok).toBe(true);
    expect(results.find((r) => r.name === 'orphan')?.failures[0]).toMatch(/^cannot replay: /);
  });

  it('throws when the directory has no expected/ folder', () => {
    expect(() => replayReferenceDirectory(join(work, 'nothing-here'))).toThrow();
  });
});

/**
 * Replays every SymbolDataSlice / CandleSet trace of golden-data/reference (computed by the
 * original) through the package's trace runner: every step in compat mode, and the safe default
 * (look-ahead steps rejected). The runner itself is checked against deliberately wrong answers.
 */
import { alignedData } from '@omega-ta/arrow-schemas';
import { defaultReferenceDir, listDatasets, loadDataset, loadSliceTrace } from '@omega-ta/golden';
import { describe, expect, it } from 'vitest';
import { replaySliceTrace, type TraceInput } from './replay.js';
import { replaySliceTraces } from './replay-node.js';

const OPS = [
  'new',
  'set_index',
  'latest',
  'history',
  'history_view',
  'read_view',
  'get',
  'series_ref',
  'getitem',
  'candleset_new',
  'candleset_get_latest',
  'candleset_get_all',
];

function trace(name: string): TraceInput {
  return { name, data: alignedData(loadDataset(name)), steps: loadSliceTrace(name).steps };
}

const names = listDatasets().map((d) => d.name);

describe('SymbolDataSlice / CandleSet trace replay (golden-data/reference)', () => {
  it('covers every dataset and every op, including error steps', () => {
    expect(names.length).toBeGreaterThanOrEqual(14);
    const ops = new Set<string>();
    let errors = 0;
    for (const name of names) {
      for (const s of loadSliceTrace(name).steps) {
        ops.add(s.op);
        if (s.error !== undefined) errors += 1;
      }
    }
    expect([...ops].sort()).toEqual([...OPS].sort());
    expect(errors).toBeGreaterThan(10);
  });

  it.each(names)("%s: every step in compat mode ('original'), no skips", (name) => {
    const t = trace(name);
    const r = replaySliceTrace(t, 'original');
    expect(r.failures).toEqual([]);
    expect(r.failed).toBe(0);
    expect(r.skipped).toBe(0);
    expect(r.passed).toBe(t.steps.length);
  });

  it.each(names)('%s: the safe default, look-ahead steps rejected', (name) => {
    const t = trace(name);
    const r = replaySliceTrace(t, 'safe');
    expect(r.failures).toEqual([]);
    expect(r.failed).toBe(0);
    expect(r.rejected).toBeGreaterThanOrEqual(1);
    expect(r.passed).toBeGreaterThan(160);
    expect(r.passed + r.skipped).toBe(t.steps.length);
  });

  it('replaySliceTraces reads any directory in the reference format', () => {
    const results = replaySliceTraces(defaultReferenceDir());
    expect(results.length).toBe(2 * names.length);
    expect(results.reduce((n, r) => n + r.failed, 0)).toBe(0);
    const original = results.filter((r) => r.mode === 'original').reduce((n, r) => n + r.passed, 0);
    expect(original).toBe(names.reduce((n, name) => n + loadSliceTrace(name).steps.length, 0));
  });
});

describe('the trace runner detects wrong answers', () => {
  const t = trace('edge-stepwise-identity');
  const mutate = (i: number, change: (s: Record<string, unknown>) => void): TraceInput => ({
    ...t,
    steps: t.steps.map((s, k) => {
      if (k !== i) return s;
      const copy = structuredClone(s) as Record<string, unknown>;
      change(copy);
      return copy as TraceInput['steps'][number];
    }),
  });
  const first = (op: string, pred: (s: Record<string, unknown>) => boolean = () => true): number =>
    t.steps.findIndex((s) => s.op === op && pred(s as Record<string, unknown>));

  it.each([
    ['latest row', first('latest', (s) => typeof s.expect === 'number' && (s.expect as number) > 0), (s: Record<string, unknown>) => (s.expect = (s.expect as number) - 1)],
    ['history row', first('history', (s) => (s.expect as unknown[]).length > 1), (s: Record<string, unknown>) => (s.expect as unknown[]).pop()],
    ['get length', first('get'), (s: Record<string, unknown>) => ((s.expect as { length: number }).length -= 1)],
    ['candleset null', first('candleset_get_latest', (s) => typeof s.expect === 'number'), (s: Record<string, unknown>) => (s.expect = null)],
    ['error step', first('history', (s) => s.error !== undefined), (s: Record<string, unknown>) => (s.error = { type: 'IndexError', message: '' })],
  ])('%s', (_label, index, change) => {
    expect(index).toBeGreaterThanOrEqual(0);
    const r = replaySliceTrace(mutate(index, change), 'original');
    expect(r.failed).toBeGreaterThanOrEqual(1);
  });
});

import { alignedData, isDataError, type AlignedData, type CandleColumns, type Side } from '@omega-ta/arrow-schemas';
import { listDatasets, loadDataset, loadSliceTrace, type SliceStep } from '@omega-ta/golden';
import { describe, expect, it } from 'vitest';
import type { Candle } from './series.js';
import { SymbolDataSlice } from './slice.js';
import type { CandleWindow } from './window.js';

const REPLAYED = new Set(['new', 'set_index', 'latest', 'history', 'history_view', 'read_view']);
const FIELDS = ['time', 'open', 'high', 'low', 'close', 'volume'] as const;

function columnsOf(data: AlignedData, tf: string, side: unknown): CandleColumns {
  expect(side === 'bid' || side === 'ask', `served_side ${String(side)}`).toBe(true);
  const cols = data.timeframes[tf]?.[side as Side];
  expect(cols, `${tf}.${String(side)}`).toBeDefined();
  return cols as CandleColumns;
}

/** `candle` is the element at row `row` of the columns (values and time, bitwise), or both are null. */
function expectCandle(candle: Candle | null, row: number | null, cols: CandleColumns | null, where: string): void {
  if (row === null) {
    expect(candle, where).toBeNull();
    return;
  }
  expect(candle, where).not.toBeNull();
  const c = candle as Candle;
  const k = cols as CandleColumns;
  for (const f of FIELDS) expect(Object.is(c[f], k[f][row]), `${where} ${f}: ${c[f]} vs row ${row} ${k[f][row]}`).toBe(true);
  expect(c.row, where).toBeLessThanOrEqual(row);
}

function expectWindow(w: CandleWindow, step: SliceStep, data: AlignedData, where: string): void {
  const exp = step.expect as (number | null)[];
  expect(w.length, where).toBe(exp.length);
  if (exp.length === 0) return;
  // `served_side` is given whenever a candle is returned; an all-null window has none.
  if (step.served_side === undefined) expect(exp.every((r) => r === null), where).toBe(true);
  else expect(w.side, where).toBe(step.served_side);
  const cols = columnsOf(data, w.timeframe, w.side);
  const { start, end } = w.rows;
  expect(end - start, where).toBe(exp.length);
  exp.forEach((row, k) => {
    expectCandle(w.at(k), row, cols, `${where}[${k}]`);
    if (row !== null) expect(row, `${where}[${k}] row`).toBe(start + k);
    // The column views show the same rows.
    expect(Object.is(w.close[k], cols.close[start + k]), `${where}[${k}] close view`).toBe(true);
  });
}

function isNegative(step: SliceStep): boolean {
  return (typeof step.index === 'number' && step.index < 0) || (typeof step.length === 'number' && step.length < 0);
}

function rejects(run: () => unknown, where: string): void {
  let error: unknown = null;
  try {
    run();
  } catch (e) {
    error = e;
  }
  expect(isDataError(error), where).toBe(true);
  expect(['LOOKAHEAD', 'INVALID_ARGUMENT'], where).toContain((error as { code: string }).code);
}

/**
 * Replays the trace of `name`. The safe default rejects a negative index or length (the original
 * reads those from the end of the data): the replay asserts the DataError and then stops, or with
 * `resume`, skips ahead to the next `set_index` that jumps (which clears the original's cache, so
 * its state is again one we reproduce) and continues from a fresh slice there; steps with a
 * negative length are asserted rejected and skipped (they do not change the original's state).
 * Returns the number of steps replayed and whether a negative index or length occurred.
 */
function replay(name: string, resume: boolean): { replayed: number; rejected: number } {
  const data = alignedData(loadDataset(name));
  const { steps } = loadSliceTrace(name);
  let slice: SymbolDataSlice | null = null;
  const views = new Map<string, CandleWindow>();
  let replayed = 0;
  let rejected = 0;
  let suspendedAt: number | null = null; // the original's index while we cannot follow it
  for (const [i, step] of steps.entries()) {
    if (!REPLAYED.has(step.op)) continue;
    const where = `${name} step ${i} ${step.op}`;
    if (suspendedAt !== null) {
      if (step.op !== 'set_index' && step.op !== 'new') continue;
      const index = step.index as number;
      const jump = step.op === 'new' || (index >= 0 && index - suspendedAt !== 0 && index - suspendedAt !== 1);
      if (!jump || index < 0) {
        suspendedAt = index;
        continue;
      }
      suspendedAt = null;
      slice = new SymbolDataSlice(data, index);
      views.clear(); // handles taken before may have been changed by the original meanwhile
      replayed += 1;
      continue;
    }
    if (isNegative(step)) {
      const s = slice;
      rejects(() => {
        if (step.op === 'new') return new SymbolDataSlice(data, step.index as number);
        if (step.op === 'set_index') return s!.setIndex(step.index as number);
        if (step.op === 'history') return s!.history(step.tf as string, step.side as Side, step.length as number);
        if (step.op === 'history_view') return s!.historyView(step.tf as string, step.side as Side, step.length as number);
        throw new Error(`${where}: unexpected negative argument`);
      }, where);
      rejected += 1;
      if (!resume) break;
      if (step.op === 'new' || step.op === 'set_index') suspendedAt = step.index as number;
      continue;
    }
    expect(step.error, `${where}: unexpected error step`).toBeUndefined();
    replayed += 1;
    switch (step.op) {
      case 'new':
        slice = new SymbolDataSlice(data, step.index as number);
        break;
      case 'set_index':
        slice!.setIndex(step.index as number);
        expect(slice!.index).toBe(step.index);
        break;
      case 'latest': {
        const c = slice!.latest(step.tf as string, step.side as Side);
        const row = step.expect as number | null;
        expectCandle(c, row, row === null ? null : columnsOf(data, step.tf as string, step.served_side), where);
        break;
      }
      case 'history':
        expectWindow(slice!.history(step.tf as string, step.side as Side, step.length as number), step, data, where);
        break;
      case 'history_view': {
        const w = slice!.historyView(step.tf as string, step.side as Side, step.length as number);
        views.set(step.handle as string, w);
        expectWindow(w, step, data, where);
        break;
      }
      case 'read_view': {
        const w = views.get(step.handle as string);
        if (w !== undefined) expectWindow(w, step, data, where);
        else expect(resume, `${where}: unknown handle`).toBe(true);
        break;
      }
    }
  }
  return { replayed, rejected };
}

describe('SymbolDataSlice trace replay (golden-data/reference)', () => {
  const names = listDatasets().map((d) => d.name);

  it('covers every dataset', () => {
    expect(names.length).toBeGreaterThanOrEqual(14);
  });

  it.each(names)('%s: up to the first negative index or length, which is rejected', (name) => {
    const { replayed, rejected } = replay(name, false);
    expect(replayed).toBeGreaterThan(150);
    expect(rejected).toBe(1);
  });

  it.each(names)('%s: resumed after the next cache-clearing jump', (name) => {
    const { replayed, rejected } = replay(name, true);
    expect(replayed).toBeGreaterThan(160);
    expect(rejected).toBeGreaterThanOrEqual(1);
  });
});

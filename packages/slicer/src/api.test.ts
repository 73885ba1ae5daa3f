/**
 * get / seriesRef / timeframe, getSlice / getCandleAt / getLookback and CandleSet, in the safe
 * default and in compat mode. Expected rows follow from the original's source (lists indexed by
 * row, Python's negative indexing) on the 40-row edge-stepwise-identity dataset.
 */
import { alignedData, type AlignedData } from '@omega-ta/arrow-schemas';
import { loadDataset } from '@omega-ta/golden';
import { describe, expect, it } from 'vitest';
import { CandleSet } from './candle-set.js';
import { SymbolDataSlice } from './slice.js';
import { dataErrorCode } from './test-support.js';

const data: AlignedData = alignedData(loadDataset('edge-stepwise-identity'));
const H1 = data.timeframes.H1!.bid!;
const N = data.timestamp.length; // 40

describe('get / seriesRef / timeframe', () => {
  it('safe default: a view of rows 0..index, nothing after it', () => {
    const s = new SymbolDataSlice(data, 9);
    const w = s.get('H1');
    expect(w.rows).toEqual({ start: 0, end: 10 });
    expect(w.close.buffer).toBe(H1.close.buffer);
    expect(w.close.byteOffset).toBe(H1.close.byteOffset);
    expect(w.at(-1)).toBe(s.latest('H1'));
    expect(s.seriesRef('H1').rows).toEqual({ start: 0, end: 10 });
    expect(s.timeframe('H1').side).toBe('bid');
    expect(s.get('H4', 'mid' as never).side).toBe('ask');
    expect(s.get('W1').length).toBe(0);
    s.setIndex(60); // past the end: every row (none of them is after the index)
    expect(s.get('H1').length).toBe(N);
  });

  it("compat 'original': every row, future ones included", () => {
    const s = new SymbolDataSlice(data, 9, { compat: 'original' });
    expect(s.compat).toBe('original');
    expect(s.get('H1').rows).toEqual({ start: 0, end: N });
    expect(s.seriesRef('H1').close.buffer).toBe(H1.close.buffer);
    expect(s.timeframe('H1').length).toBe(N);
  });

  it('rejects an unknown compat value', () => {
    expect(dataErrorCode(() => new SymbolDataSlice(data, 0, { compat: 'yes' as never }))).toBe('INVALID_ARGUMENT');
    expect(dataErrorCode(() => new CandleSet(data, { compat: 'yes' as never }))).toBe('INVALID_ARGUMENT');
  });
});

describe('getSlice / getCandleAt / getLookback', () => {
  const s = new SymbolDataSlice(data, 9);

  it('return views and candles of rows up to the current one (primary timeframe by default)', () => {
    const w = s.getSlice(2, 10);
    expect(w.rows).toEqual({ start: 2, end: 10 });
    expect(w.timeframe).toBe('H1');
    expect(w.close.buffer).toBe(H1.close.buffer);
    expect(w.close.byteOffset).toBe(H1.close.byteOffset + 2 * 8);
    expect(s.getSlice(4, 4).length).toBe(0);
    expect(s.getCandleAt(9)).toBe(s.latest('H1'));
    expect(s.getCandleAt(5, { timeframe: 'H4', side: 'ask' })).toBe(s.history('H4', 'ask', 5).at(0));
    expect(s.getLookback(3).rows).toEqual({ start: 7, end: 10 });
    expect(s.getLookback(10).rows).toEqual({ start: 0, end: 10 });
    expect(s.getLookback(0).length).toBe(0);
  });

  it('throw LOOKAHEAD for any row after the current index or a negative one', () => {
    expect(dataErrorCode(() => s.getSlice(2, 11))).toBe('LOOKAHEAD');
    expect(dataErrorCode(() => s.getSlice(10, 12))).toBe('LOOKAHEAD');
    expect(dataErrorCode(() => s.getSlice(-3, 2))).toBe('LOOKAHEAD');
    expect(dataErrorCode(() => s.getCandleAt(10))).toBe('LOOKAHEAD');
    expect(dataErrorCode(() => s.getCandleAt(-1))).toBe('LOOKAHEAD');
    const compat = new SymbolDataSlice(data, 9, { compat: 'original' });
    expect(dataErrorCode(() => compat.getCandleAt(-1))).toBe('LOOKAHEAD'); // no original equivalent: safe in both modes
    expect(dataErrorCode(() => compat.getSlice(0, 11))).toBe('LOOKAHEAD');
  });

  it('throw OUT_OF_RANGE / INVALID_ARGUMENT / MISSING_COLUMN for the rest', () => {
    expect(dataErrorCode(() => s.getLookback(11))).toBe('OUT_OF_RANGE');
    expect(dataErrorCode(() => s.getLookback(-1))).toBe('INVALID_ARGUMENT');
    expect(dataErrorCode(() => s.getSlice(5, 3))).toBe('INVALID_ARGUMENT');
    expect(dataErrorCode(() => s.getSlice(0.5, 3))).toBe('INVALID_ARGUMENT');
    expect(dataErrorCode(() => s.getCandleAt(1, { timeframe: 'W1' }))).toBe('MISSING_COLUMN');
    expect(dataErrorCode(() => s.getCandleAt(1, { side: 'ask' }))).toBe('MISSING_COLUMN'); // H1 has no ask side
    const past = new SymbolDataSlice(data, 45);
    expect(dataErrorCode(() => past.getCandleAt(41))).toBe('OUT_OF_RANGE');
    expect(dataErrorCode(() => past.getLookback(3))).toBe('OUT_OF_RANGE');
  });
});

describe("compat 'original': negative indices as in Python", () => {
  it('latest reads from the end; before the first row it throws OUT_OF_RANGE (IndexError)', () => {
    const s = new SymbolDataSlice(data, -1, { compat: 'original' });
    expect(s.latest('H1')!.row).toBe(N - 1);
    s.setIndex(-N);
    expect(s.latest('H1')!.row).toBe(0);
    s.setIndex(-N - 1);
    expect(dataErrorCode(() => s.latest('H1'))).toBe('OUT_OF_RANGE');
    expect(s.latest('W1')).toBeNull();
  });

  it('history at a negative index: series[0 : index + 1], then +1 steps append seq[index] (wrapping to row 0)', () => {
    const s = new SymbolDataSlice(data, -3, { compat: 'original' });
    const v = s.historyView('H1', 'bid', 4);
    expect(v.rows).toEqual({ start: N - 6, end: N - 2 }); // series[0:-2][-4:]
    s.setIndex(-2);
    s.setIndex(-1);
    expect(v.rows).toEqual({ start: N - 4, end: N });
    expect(v.contiguous).toBe(true);
    s.setIndex(0); // appends seq[0]: the deque is rows N-3, N-2, N-1, 0
    expect(v.contiguous).toBe(false);
    expect([0, 1, 2, 3].map((k) => v.rowAt(k))).toEqual([N - 3, N - 2, N - 1, 0]);
    expect([...v.close]).toEqual([N - 3, N - 2, N - 1, 0].map((r) => H1.close[r]));
    expect(v.at(-1)).toBe(s.latest('H1'));
    const snap = s.history('H1', 'bid', 4);
    s.setIndex(1);
    expect([0, 1, 2, 3].map((k) => snap.rowAt(k))).toEqual([N - 3, N - 2, N - 1, 0]);
    expect([0, 1, 2, 3].map((k) => v.rowAt(k))).toEqual([N - 2, N - 1, 0, 1]);
    expect(s.history('H1', 'bid', 1).rows).toEqual({ start: 1, end: 2 });
    // At -1 the original's slice is series[0:0]: empty.
    const t = new SymbolDataSlice(data, -1, { compat: 'original' });
    expect(t.history('H1', 'bid', 5).length).toBe(0);
  });

  it('maxlen errors: a negative length throws INVALID_ARGUMENT unless history() has no series', () => {
    const s = new SymbolDataSlice(data, 5, { compat: 'original' });
    expect(dataErrorCode(() => s.history('H1', 'bid', -1))).toBe('INVALID_ARGUMENT');
    expect(s.history('W1', 'bid', -1).length).toBe(0);
    expect(dataErrorCode(() => s.historyView('W1', 'bid', -1))).toBe('INVALID_ARGUMENT');
    expect(dataErrorCode(() => s.history('H1', 'bid', 1.5))).toBe('INVALID_ARGUMENT');
  });

  it('set_index past the start throws OUT_OF_RANGE and keeps the index (IndexError)', () => {
    const s = new SymbolDataSlice(data, -N - 2, { compat: 'original' });
    s.history('H1', 'bid', 3);
    expect(dataErrorCode(() => s.setIndex(-N - 1))).toBe('OUT_OF_RANGE');
    expect(s.index).toBe(-N - 2);
  });
});

describe('CandleSet', () => {
  it('from a slice (safe): horizon = the slice index, followed live', () => {
    const s = new SymbolDataSlice(data, 9);
    const set = CandleSet.fromSlice(s);
    expect(set.horizon).toBe(9);
    expect(set.getLatest('H1', 9)).toBe(s.latest('H1'));
    expect(set.getLatest('W1', 3)).toBeNull();
    expect(set.getLatest('H1', 3, 'ask')).toBeNull();
    expect(dataErrorCode(() => set.getLatest('H1', 10))).toBe('LOOKAHEAD');
    expect(dataErrorCode(() => set.getLatest('H1', -1))).toBe('LOOKAHEAD');
    expect(set.getAll('H1').rows).toEqual({ start: 0, end: 10 });
    s.setIndex(10);
    expect(set.getLatest('H1', 10)!.row).toBe(10);
    expect(set.getAll('H4', 'ask').rows).toEqual({ start: 0, end: 11 });
  });

  it('from data: a fixed horizon, or none (a dataset accessor, as the original)', () => {
    const fixed = new CandleSet(data, { horizon: 4 });
    expect(dataErrorCode(() => fixed.getLatest('H1', 5))).toBe('LOOKAHEAD');
    expect(fixed.getAll('H1').length).toBe(5);
    expect(dataErrorCode(() => new CandleSet(data, { horizon: -1 }))).toBe('LOOKAHEAD');
    const all = new CandleSet(data);
    expect(all.horizon).toBe(Number.POSITIVE_INFINITY);
    expect(all.getAll('H1').length).toBe(N);
    expect(all.getLatest('H1', N)).toBeNull();
    expect(dataErrorCode(() => all.getLatest('H1', -1))).toBe('LOOKAHEAD');
    expect(dataErrorCode(() => all.getLatest('H1', 1.5))).toBe('INVALID_ARGUMENT');
  });

  it("compat 'original': negative indices from the end, every row, IndexError as OUT_OF_RANGE", () => {
    const set = CandleSet.fromSlice(new SymbolDataSlice(data, 3, { compat: 'original' }));
    expect(set.compat).toBe('original');
    expect(set.getLatest('H1', -1)!.row).toBe(N - 1);
    expect(set.getLatest('H1', 30)!.row).toBe(30);
    expect(set.getLatest('H1', N)).toBeNull();
    expect(dataErrorCode(() => set.getLatest('H1', -N - 1))).toBe('OUT_OF_RANGE');
    expect(set.getAll('H1').length).toBe(N);
    expect(new CandleSet(data, { compat: 'original' }).getAll('H4', 'mid' as never).side).toBe('ask');
  });
});

import { alignedData, alignedFromCandles, type AlignedData } from '@omega-ta/arrow-schemas';
import { loadDataset } from '@omega-ta/golden';
import { describe, expect, it } from 'vitest';
import { SymbolDataSlice } from './slice.js';
import { dataErrorCode } from './test-support.js';

const stepwise: AlignedData = alignedData(loadDataset('edge-stepwise-identity'));

describe('latest', () => {
  it('returns one frozen object per source bar run (same object when carried forward, also after a gap)', () => {
    const s = new SymbolDataSlice(stepwise, 3);
    const first = s.latest('H4');
    expect(first).not.toBeNull();
    expect(Object.isFrozen(first)).toBe(true);
    expect(first!.row).toBe(3);
    for (const i of [4, 5, 6]) {
      s.setIndex(i);
      expect(s.latest('H4')).toBe(first);
    }
    s.setIndex(14);
    const bar = s.latest('H4');
    s.setIndex(15);
    expect(s.latest('H4')).toBeNull();
    s.setIndex(17); // the same object again after the None rows 15-16
    expect(s.latest('H4')).toBe(bar);
    s.setIndex(10);
    const a = s.latest('H4');
    s.setIndex(11); // equal values, another bar (another bar_timestamp)
    const b = s.latest('H4');
    expect(b).not.toBe(a);
    expect(b!.close).toBe(a!.close);
    expect(b!.time).not.toBe(a!.time);
  });

  it('reads ask for any side other than exactly "bid", null for absent timeframe/side or past the end', () => {
    const s = new SymbolDataSlice(stepwise, 5);
    expect(s.latest('H4', 'ask')!.close).toBe(stepwise.timeframes.H4!.ask!.close[5]);
    expect(s.latest('H4', 'mid' as never)).toBe(s.latest('H4', 'ask'));
    expect(s.latest('H4', 'BID' as never)).toBe(s.latest('H4', 'ask'));
    expect(s.latest('H1', 'ask')).toBeNull();
    expect(s.latest('W1')).toBeNull();
    expect(s.latest('toString')).toBeNull();
    s.setIndex(40);
    expect(s.latest('H1')).toBeNull();
  });
});

describe('history', () => {
  it('returns column views (no copy) of the last rows up to the current one', () => {
    const s = new SymbolDataSlice(stepwise, 9);
    const w = s.history('H1', 'bid', 4);
    const cols = stepwise.timeframes.H1!.bid!;
    expect(w.rows).toEqual({ start: 6, end: 10 });
    expect(w.length).toBe(4);
    expect(w.maxLength).toBe(4);
    expect(w.close.buffer).toBe(cols.close.buffer);
    expect(w.close.byteOffset).toBe(cols.close.byteOffset + 6 * 8);
    expect([...w.close]).toEqual([...cols.close.subarray(6, 10)]);
    expect(w.at(-1)).toBe(s.latest('H1'));
    expect(w.at(0)!.row).toBe(6);
    expect(w.toArray()).toEqual([...w]);
    expect(dataErrorCode(() => w.at(4))).toBe('OUT_OF_RANGE');
    expect(dataErrorCode(() => w.at(-5))).toBe('OUT_OF_RANGE');
    expect(dataErrorCode(() => w.at(0.5))).toBe('OUT_OF_RANGE');
  });

  it('is shorter at the start, empty for length 0 or an absent timeframe, and never reaches past the index', () => {
    const s = new SymbolDataSlice(stepwise, 2);
    expect(s.history('H1', 'bid', 20).rows).toEqual({ start: 0, end: 3 });
    expect(s.history('H1', 'bid', 0).length).toBe(0);
    const missing = s.history('W1');
    expect(missing.length).toBe(0);
    expect(missing.close.length).toBe(0);
    expect(missing.toArray()).toEqual([]);
  });

  it('snapshots do not change; views follow setIndex(+1) and detach on a jump', () => {
    const s = new SymbolDataSlice(stepwise, 5);
    const snap = s.history('H1', 'bid', 3);
    const view = s.historyView('H1', 'bid', 3);
    expect(view.live).toBe(true);
    s.setIndex(6);
    s.setIndex(7);
    expect(snap.rows).toEqual({ start: 3, end: 6 });
    expect(view.rows).toEqual({ start: 5, end: 8 });
    expect(view.at(-1)).toBe(s.latest('H1'));
    expect(s.history('H1', 'bid', 3).rows).toEqual({ start: 5, end: 8 });
    s.setIndex(7); // no move: nothing changes
    expect(view.rows).toEqual({ start: 5, end: 8 });
    s.setIndex(20); // a jump clears the cache; the old view keeps its contents
    expect(view.rows).toEqual({ start: 5, end: 8 });
    s.setIndex(21);
    expect(view.rows).toEqual({ start: 5, end: 8 });
    const fresh = s.historyView('H1', 'bid', 3);
    expect(fresh).not.toBe(view);
    expect(fresh.rows).toEqual({ start: 19, end: 22 });
  });

  it('keeps a cached history when stepping past the end of the data (as the original)', () => {
    const s = new SymbolDataSlice(stepwise, 38);
    s.history('H1', 'bid', 5);
    for (let i = 39; i <= 45; i += 1) s.setIndex(i);
    expect(s.history('H1', 'bid', 5).rows).toEqual({ start: 35, end: 40 });
    expect(s.history('H1', 'bid', 4).rows).toEqual({ start: 40, end: 40 }); // fresh at 45: rows 42..45 do not exist
  });

  it('returns an empty window that never grows for empty data', () => {
    const empty = alignedFromCandles('H1', [], { H1: { bid: [] } });
    const s = new SymbolDataSlice(empty, 0);
    const v = s.historyView('H1', 'bid', 3);
    expect(v.length).toBe(0);
    expect(v.live).toBe(false);
    s.setIndex(1);
    expect(v.length).toBe(0);
    expect(s.latest('H1')).toBeNull();
  });
});

describe('rejected arguments (never future data)', () => {
  it('rejects a negative index (LOOKAHEAD) and a non-integer one (INVALID_ARGUMENT), keeping the state', () => {
    expect(dataErrorCode(() => new SymbolDataSlice(stepwise, -1))).toBe('LOOKAHEAD');
    expect(dataErrorCode(() => new SymbolDataSlice(stepwise, 1.5))).toBe('INVALID_ARGUMENT');
    expect(dataErrorCode(() => new SymbolDataSlice(stepwise, Number.NaN))).toBe('INVALID_ARGUMENT');
    const s = new SymbolDataSlice(stepwise, 4);
    const v = s.historyView('H1', 'bid', 3);
    expect(dataErrorCode(() => s.setIndex(-1))).toBe('LOOKAHEAD');
    expect(dataErrorCode(() => s.setIndex(Number.POSITIVE_INFINITY))).toBe('INVALID_ARGUMENT');
    expect(s.index).toBe(4);
    s.setIndex(5); // the cache survived the rejected calls
    expect(v.rows).toEqual({ start: 3, end: 6 });
  });

  it('rejects a negative or non-integer length (INVALID_ARGUMENT), also for an absent timeframe', () => {
    const s = new SymbolDataSlice(stepwise, 4);
    expect(dataErrorCode(() => s.history('H1', 'bid', -1))).toBe('INVALID_ARGUMENT');
    expect(dataErrorCode(() => s.historyView('H1', 'bid', -1))).toBe('INVALID_ARGUMENT');
    expect(dataErrorCode(() => s.history('W1', 'bid', -1))).toBe('INVALID_ARGUMENT');
    expect(dataErrorCode(() => s.history('H1', 'bid', 2.5))).toBe('INVALID_ARGUMENT');
  });
});

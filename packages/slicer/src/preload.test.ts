import { alignedData, type AlignedData } from '@omega-ta/arrow-schemas';
import { listDatasets, loadDataset } from '@omega-ta/golden';
import { describe, expect, it } from 'vitest';
import type { Candle } from './series.js';
import { SymbolDataSlice } from './slice.js';

/** The same arrays under new column objects: a slice over it makes its own candle objects. */
function fresh(data: AlignedData): AlignedData {
  const timeframes = Object.fromEntries(
    Object.entries(data.timeframes).map(([tf, sides]) => [tf, Object.fromEntries(Object.entries(sides).map(([s, c]) => [s, { ...c }]))]),
  );
  return alignedData({ primaryTimeframe: data.primaryTimeframe, timestamp: data.timestamp, timeframes });
}

describe('preload and allocation-free access', () => {
  it('preload gives the same candles, with the same identity pattern, as lazy candles', () => {
    for (const { name } of listDatasets()) {
      const data = alignedData(loadDataset(name));
      const lazy = new SymbolDataSlice(fresh(data), 0);
      const eager = new SymbolDataSlice(fresh(data), 0, { preload: true });
      for (const [tf, sides] of Object.entries(data.timeframes)) {
        for (const side of ['bid', 'ask'] as const) {
          if (sides[side] === undefined) continue;
          const seenLazy = new Map<Candle, number>();
          const seenEager = new Map<Candle, number>();
          for (let i = 0; i < data.timestamp.length; i += 1) {
            lazy.setIndex(i);
            eager.setIndex(i);
            const a = lazy.latest(tf, side);
            const b = eager.latest(tf, side);
            expect(b, `${name} ${tf} ${side} ${i}`).toEqual(a);
            if (a !== null && b !== null) {
              if (!seenLazy.has(a)) seenLazy.set(a, i);
              if (!seenEager.has(b)) seenEager.set(b, i);
              expect(seenEager.get(b)).toBe(seenLazy.get(a));
            }
          }
          lazy.setIndex(0);
          eager.setIndex(0);
        }
      }
    }
  });

  it('historyView returns one window object per cached (timeframe, side, length) until a jump', () => {
    const data = alignedData(loadDataset('synthetic-mtf-A'));
    const tf = Object.keys(data.timeframes)[1] as string;
    const s = new SymbolDataSlice(data, 10);
    const v = s.historyView(tf, 'bid', 5);
    expect(s.historyView(tf, 'bid', 5)).toBe(v);
    s.setIndex(11);
    expect(s.historyView(tf, 'bid', 5)).toBe(v);
    expect(s.historyView(tf, 'bid', 6)).not.toBe(v);
    expect(s.historyView(tf, 'ask', 5)).not.toBe(v);
    const rows = v.rows;
    s.setIndex(20);
    const after = s.historyView(tf, 'bid', 5);
    expect(after).not.toBe(v);
    expect(v.rows).toEqual(rows);
    expect(after.rows).toEqual({ start: 16, end: 21 });
  });
});

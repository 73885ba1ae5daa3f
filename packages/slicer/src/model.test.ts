/**
 * Model-based test: random candle-object data and random operation sequences, run against a
 * line-by-line port of the original Python SymbolDataSlice (lists of objects, deques as arrays)
 * and against SymbolDataSlice over the columnar data built by alignedFromCandles.
 */
import { alignedFromCandles, isDataError, type CandleInput, type Side } from '@omega-ta/arrow-schemas';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Candle } from './series.js';
import { SymbolDataSlice } from './slice.js';
import type { CandleWindow } from './window.js';

type Obj = CandleInput | null;
type Lists = Record<string, Obj[]>;

class PyIndexError extends Error {}

/** Python's `seq[i]`: negative from the end, IndexError outside. */
function pyAt<T>(seq: readonly T[], i: number): T {
  const k = i < 0 ? i + seq.length : i;
  if (k < 0 || k >= seq.length) throw new PyIndexError('list index out of range');
  return seq[k] as T;
}

/**
 * The original, transcribed: `deque(maxlen)` is an array trimmed from the left, `seq[i]` is
 * pyAt, and JS `Array.slice` clips negative bounds exactly as Python's slicing does.
 */
class PythonSlice {
  index: number;
  readonly cache = new Map<string, { tf: string; side: string; dq: Obj[]; maxlen: number }>();
  constructor(
    readonly bid: Lists,
    readonly ask: Lists,
    index: number,
  ) {
    this.index = index;
  }
  private data(side: string): Lists {
    return side === 'bid' ? this.bid : this.ask;
  }
  setIndex(i: number): void {
    const step = i - this.index;
    if (step === 1 && this.cache.size > 0) {
      for (const e of this.cache.values()) {
        const seq = this.data(e.side)[e.tf] ?? [];
        if (i < seq.length) {
          e.dq.push(pyAt(seq, i));
          if (e.dq.length > e.maxlen) e.dq.shift();
        }
      }
    } else if (step !== 0) this.cache.clear();
    this.index = i;
  }
  latest(tf: string, side: string): Obj {
    const data = this.data(side);
    if (!Object.hasOwn(data, tf) || this.index >= (data[tf] as Obj[]).length) return null;
    return pyAt(data[tf] as Obj[], this.index);
  }
  historyView(tf: string, side: string, length: number): { dq: Obj[] } {
    const key = `${tf}|${side}|${length}`;
    let e = this.cache.get(key);
    if (e === undefined) {
      const series = this.data(side)[tf] ?? [];
      if (series.length === 0) return { dq: [] };
      const start = Math.max(0, this.index - length + 1);
      const end = Math.min(this.index + 1, series.length);
      const items = series.slice(start, end);
      e = { tf, side, dq: items.slice(Math.max(0, items.length - length)), maxlen: length };
      this.cache.set(key, e);
    }
    return e;
  }
  history(tf: string, side: string, length: number): Obj[] {
    return [...this.historyView(tf, side, length).dq];
  }
}

const FIELDS = ['open', 'high', 'low', 'close', 'volume'] as const;

function expectSame(actual: Candle | null, expected: Obj, where: string): void {
  if (expected === null) {
    expect(actual, where).toBeNull();
    return;
  }
  expect(actual, where).not.toBeNull();
  for (const f of FIELDS) {
    const v = expected[f];
    expect(Object.is((actual as Candle)[f], v === null || v === undefined ? Number.NaN : v), `${where} ${f}`).toBe(true);
  }
}

/** Values equal, and consecutive candles (nulls skipped) are one object iff the originals are. */
function expectSameList(actual: CandleWindow, expected: readonly Obj[], where: string): void {
  const got = actual.toArray();
  expect(got.length, where).toBe(expected.length);
  expected.forEach((o, k) => expectSame(got[k] ?? null, o, `${where}[${k}]`));
  let prev = -1;
  for (let k = 0; k < expected.length; k += 1) {
    if (expected[k] === null) continue;
    // Identity follows the bar run; compare it where the rows are in order (compat mode can wrap
    // from the last row to the first, where the original's identity is that of its input objects).
    if (prev >= 0 && actual.rowAt(k) > actual.rowAt(prev)) {
      expect(got[k] === got[prev], `${where} identity ${prev}/${k}`).toBe(expected[k] === expected[prev]);
    }
    prev = k;
  }
}

const value = fc.constantFrom(1, 2, 1.5, 0, -0, -3);
const candleArb = fc.record(
  { open: fc.option(value), high: fc.option(value), low: fc.option(value), close: fc.option(value), volume: fc.option(value) },
  { requiredKeys: ['close'] },
);
const action = fc.tuple(fc.constantFrom('null', 'repeat', 'repeat', 'new', 'new', 'old'), candleArb, fc.nat(20));

function buildList(actions: readonly [string, CandleInput, number][]): Obj[] {
  const out: Obj[] = [];
  const pool: CandleInput[] = [];
  let last: Obj = null;
  for (const [kind, candle, k] of actions) {
    let c: Obj;
    if (kind === 'null') c = null;
    else if (kind === 'repeat' && last !== null) c = last;
    else if (kind === 'old' && pool.length > 0) c = pool[k % pool.length] as CandleInput;
    else {
      c = { ...candle };
      pool.push(c);
    }
    if (c !== null) last = c;
    out.push(c);
  }
  return out;
}

const dataArb = fc.integer({ min: 0, max: 30 }).chain((n) => {
  const list = fc.array(action, { minLength: n, maxLength: n }).map(buildList);
  const maybe = fc.option(list, { nil: undefined });
  return fc.record({ n: fc.constant(n), aBid: list, aAsk: maybe, bBid: maybe, bAsk: maybe });
});

const tf = fc.constantFrom('A', 'B', 'C');
const side = fc.constantFrom('bid', 'ask', 'mid');
const len = fc.integer({ min: 0, max: 8 });
const handle = fc.integer({ min: 0, max: 2 });
const opArb = (n: number) => fc.oneof(
  { arbitrary: fc.record({ op: fc.constant('step' as const) }), weight: 6 },
  { arbitrary: fc.record({ op: fc.constant('set' as const), index: fc.nat(n + 2) }), weight: 1 },
  { arbitrary: fc.record({ op: fc.constant('bad' as const), index: fc.integer({ min: -5, max: -1 }) }), weight: 1 },
  { arbitrary: fc.record({ op: fc.constant('latest' as const), tf, side }), weight: 3 },
  { arbitrary: fc.record({ op: fc.constant('history' as const), tf, side, len }), weight: 3 },
  { arbitrary: fc.record({ op: fc.constant('view' as const), tf, side, len, handle }), weight: 2 },
  { arbitrary: fc.record({ op: fc.constant('read' as const), handle }), weight: 3 },
);

/**
 * Runs the original's call and ours: both succeed, or the original raises IndexError and ours
 * throws DataError OUT_OF_RANGE (in set_index after extending the histories before the failing
 * one, leaving the index where it was).
 */
function sameOutcome(py: () => void, ours: () => void, where: string): void {
  let pyErr = false;
  try {
    py();
  } catch (e) {
    if (!(e instanceof PyIndexError)) throw e;
    pyErr = true;
  }
  let ourErr: unknown = null;
  try {
    ours();
  } catch (e) {
    ourErr = e;
  }
  expect(ourErr === null ? null : isDataError(ourErr) && ourErr.code, where).toBe(pyErr ? 'OUT_OF_RANGE' : null);
}

function agrees(compat: boolean): void {
    fc.assert(
      fc.property(
        dataArb.chain((d) =>
          fc.tuple(fc.constant(d), fc.nat(d.n + 1), fc.array(opArb(d.n), { minLength: 10, maxLength: 80, size: 'max' })),
        ),
        ([d, start, ops]) => {
        const bid: Lists = { A: d.aBid };
        const ask: Lists = {};
        if (d.aAsk) ask.A = d.aAsk;
        if (d.bBid) bid.B = d.bBid;
        if (d.bAsk) ask.B = d.bAsk;
        const lists: Record<string, { bid?: Obj[]; ask?: Obj[] }> = {};
        for (const t of ['A', 'B']) {
          const entry: { bid?: Obj[]; ask?: Obj[] } = {};
          if (bid[t]) entry.bid = bid[t];
          if (ask[t]) entry.ask = ask[t];
          if (entry.bid || entry.ask) lists[t] = entry;
        }
        const timestamp = Array.from({ length: d.n }, (_, i) => i * 3_600_000);
        const data = alignedFromCandles('A', timestamp, lists);
        const py = new PythonSlice(bid, ask, start);
        const ours = new SymbolDataSlice(data, start, compat ? { compat: 'original' } : {});
        const pyViews: { dq: Obj[] }[] = [];
        const ourViews: CandleWindow[] = [];
        for (const [i, op] of ops.entries()) {
          const where = `op ${i} ${JSON.stringify(op)}`;
          switch (op.op) {
            case 'step':
              sameOutcome(() => py.setIndex(py.index + 1), () => ours.setIndex(ours.index + 1), where);
              break;
            case 'set':
              sameOutcome(() => py.setIndex(op.index), () => ours.setIndex(op.index), where);
              break;
            case 'bad': {
              if (compat) {
                sameOutcome(() => py.setIndex(op.index), () => ours.setIndex(op.index), where);
                break;
              }
              let err: unknown;
              try {
                ours.setIndex(op.index);
              } catch (e) {
                err = e;
              }
              expect(isDataError(err) && err.code === 'LOOKAHEAD', where).toBe(true);
              break;
            }
            case 'latest': {
              let expected: Obj;
              try {
                expected = py.latest(op.tf, op.side);
              } catch (e) {
                if (!(e instanceof PyIndexError)) throw e;
                let err: unknown;
                try {
                  ours.latest(op.tf, op.side as Side);
                } catch (x) {
                  err = x;
                }
                expect(isDataError(err) && err.code, where).toBe('OUT_OF_RANGE');
                break;
              }
              expectSame(ours.latest(op.tf, op.side as Side), expected, where);
              break;
            }
            case 'history':
              expectSameList(ours.history(op.tf, op.side as Side, op.len), py.history(op.tf, op.side, op.len), where);
              break;
            case 'view':
              pyViews[op.handle] = py.historyView(op.tf, op.side, op.len);
              ourViews[op.handle] = ours.historyView(op.tf, op.side as Side, op.len);
              expectSameList(ourViews[op.handle]!, pyViews[op.handle]!.dq, where);
              break;
            case 'read':
              if (ourViews[op.handle]) expectSameList(ourViews[op.handle]!, pyViews[op.handle]!.dq, where);
              break;
          }
          expect(ours.index).toBe(py.index);
        }
        },
      ),
      { numRuns: 400 },
    );
}

describe('SymbolDataSlice against a transcription of the original', () => {
  it('agrees on random data and operation sequences (safe default: negative indices rejected)', () => {
    agrees(false);
  });

  it("agrees in compat mode ('original'), negative indices read from the end included", () => {
    agrees(true);
  });
});

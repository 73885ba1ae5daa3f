import { isDataError, type AlignedData, type CandleColumns, type Side } from '@omega-ta/arrow-schemas';
import { CandleSet } from './candle-set.js';
import { candleSeries, type Candle } from './series.js';
import { SymbolDataSlice } from './slice.js';
import type { CandleWindow } from './window.js';

/**
 * How a trace is replayed. `'original'`: every step on a `{ compat: 'original' }` slice, which
 * must reproduce each one. `'safe'`: on a default slice; steps that read future data (a negative
 * index or length, CandleSet rows after the slice's index) must throw, `get`-like results must be
 * the expected rows up to the current index, and after a rejected negative index the replay skips
 * to the next `set_index` that clears the original's cache (whose state is then ours again).
 */
export type ReplayMode = 'original' | 'safe';

/** One trace: the dataset as AlignedData and its steps (`expected/<name>.symbol_data_slice.json`). */
export interface TraceInput {
  readonly name: string;
  readonly data: AlignedData;
  readonly steps: readonly { readonly op: string; readonly [key: string]: unknown }[];
}

/** Steps checked, failed (with messages), and skipped (safe mode only). */
export interface ReplayResult {
  readonly name: string;
  readonly mode: ReplayMode;
  passed: number;
  failed: number;
  skipped: number;
  /** Steps the safe default rejected as expected (counted in `passed`). */
  rejected: number;
  readonly failures: string[];
}

type Step = TraceInput['steps'][number];

const FIELDS = ['time', 'open', 'high', 'low', 'close', 'volume'] as const;

/** The error code omega-ta throws where the original raised this Python exception. */
const ERROR_CODE: Readonly<Record<string, string>> = { IndexError: 'OUT_OF_RANGE', ValueError: 'INVALID_ARGUMENT' };

class Mismatch extends Error {}

function check(ok: boolean, what: string): void {
  if (!ok) throw new Mismatch(what);
}

function columnsOf(data: AlignedData, tf: string, side: unknown): CandleColumns {
  check(side === 'bid' || side === 'ask', `served_side ${String(side)}`);
  const cols = data.timeframes[tf]?.[side as Side];
  check(cols !== undefined, `${tf}.${String(side)} absent`);
  return cols as CandleColumns;
}

/** `candle` is the candle of row `row` of `cols` (the same object, same values bitwise), or both null. */
function checkCandle(candle: Candle | null, row: number | null, cols: CandleColumns | null, what: string): void {
  if (row === null) {
    check(candle === null, `${what}: expected no candle, got row ${candle?.row}`);
    return;
  }
  check(candle !== null, `${what}: expected row ${row}, got null`);
  const c = candle as Candle;
  const k = cols as CandleColumns;
  for (const f of FIELDS) check(Object.is(c[f], k[f][row]), `${what}: ${f} ${c[f]} vs row ${row} ${k[f][row]}`);
  check(candleSeries(k).candleAt(row) === c, `${what}: not the candle object of row ${row}`);
}

/** A history / deque result: `expect` is the list of rows (or null). */
function checkList(w: CandleWindow, step: Step, data: AlignedData, what: string): void {
  const exp = step.expect as (number | null)[];
  check(w.length === exp.length, `${what}: length ${w.length} vs ${exp.length}`);
  if (exp.length === 0) return;
  if (step.served_side === undefined) check(exp.every((r) => r === null), `${what}: no served_side`);
  else check(w.side === step.served_side, `${what}: side ${w.side} vs ${String(step.served_side)}`);
  const cols = columnsOf(data, w.timeframe, w.side);
  const close = w.close;
  exp.forEach((row, k) => {
    checkCandle(w.at(k), row, cols, `${what}[${k}]`);
    if (row !== null) check(w.rowAt(k) === row, `${what}[${k}]: row ${w.rowAt(k)} vs ${row}`);
    check(Object.is(close[k], cols.close[w.rowAt(k)]), `${what}[${k}]: close column`);
  });
}

/**
 * A `get`-like result: `expect` is `{length, rows}` or `{length, first_rows, last_rows}` for the
 * whole list; `upTo` (safe mode) is the number of leading rows we return.
 */
function checkFull(w: CandleWindow, step: Step, data: AlignedData, what: string, upTo = Number.POSITIVE_INFINITY): void {
  const exp = step.expect as { length: number; rows?: (number | null)[]; first_rows?: (number | null)[]; last_rows?: (number | null)[] };
  const n = Math.min(exp.length, upTo);
  check(w.length === n, `${what}: length ${w.length} vs ${n}`);
  check(w.contiguous && (n === 0 || w.rows.start === 0), `${what}: not rows 0..${n}`);
  const known = new Map<number, number | null>();
  if (exp.rows !== undefined) exp.rows.forEach((r, i) => known.set(i, r));
  (exp.first_rows ?? []).forEach((r, i) => known.set(i, r));
  (exp.last_rows ?? []).forEach((r, i, a) => known.set(exp.length - a.length + i, r));
  if (n === 0) return;
  const side = step.served_side ?? w.side;
  check(w.side === side, `${what}: side ${w.side} vs ${String(side)}`);
  const cols = columnsOf(data, w.timeframe, w.side);
  check(w.close.buffer === cols.close.buffer, `${what}: close is not a view`);
  for (const [i, r] of known) {
    if (i >= n) continue;
    check(r === null || r === i, `${what}: expected row ${String(r)} at position ${i}`);
    checkCandle(w.at(i), r, cols, `${what}[${i}]`);
  }
}

/** Runs `call`, which must throw a DataError with one of `codes`. */
function checkThrows(call: () => unknown, codes: readonly string[], what: string): void {
  let error: unknown = null;
  try {
    call();
  } catch (e) {
    error = e;
  }
  check(isDataError(error), `${what}: expected a DataError (${codes.join('/')}), got ${error === null ? 'no error' : String(error)}`);
  const code = (error as { code: string }).code;
  check(codes.includes(code), `${what}: code ${code}, expected ${codes.join('/')}`);
}

function isNegative(step: Step): boolean {
  return (typeof step.index === 'number' && step.index < 0) || (typeof step.length === 'number' && step.length < 0);
}

/** Replays one trace; never throws for a mismatch (it is counted and described in `failures`). */
export function replaySliceTrace(trace: TraceInput, mode: ReplayMode): ReplayResult {
  const { data, steps } = trace;
  const result: ReplayResult = { name: trace.name, mode, passed: 0, failed: 0, skipped: 0, rejected: 0, failures: [] };
  const compat = mode === 'original' ? ({ compat: 'original' } as const) : {};
  let slice: SymbolDataSlice | null = null;
  let set: CandleSet | null = null;
  const views = new Map<string, CandleWindow>();
  // Safe mode after a rejected negative index: the original's index, until a cache-clearing jump.
  let suspendedAt: number | null = null;

  for (const [i, step] of steps.entries()) {
    const what = `${trace.name} step ${i} ${step.op}`;
    const tf = step.tf as string;
    const side = step.side as Side;
    try {
      if (suspendedAt !== null) {
        if (step.op !== 'set_index' && step.op !== 'new') {
          result.skipped += 1;
          continue;
        }
        const index = step.index as number;
        const jump = step.op === 'new' || (index >= 0 && index - suspendedAt !== 0 && index - suspendedAt !== 1);
        if (!jump || index < 0) {
          suspendedAt = index;
          result.skipped += 1;
          continue;
        }
        suspendedAt = null;
        slice = new SymbolDataSlice(data, index);
        // The original's CandleSet does not depend on the slice's state; ours follows the new slice.
        if (set !== null) set = CandleSet.fromSlice(slice);
        views.clear(); // handles taken before may have been changed by the original meanwhile
        result.passed += 1;
        continue;
      }
      const s = slice as SymbolDataSlice;
      if (mode === 'safe' && step.op !== 'candleset_get_latest' && isNegative(step)) {
        checkThrows(
          () => {
            if (step.op === 'new') return new SymbolDataSlice(data, step.index as number);
            if (step.op === 'set_index') return s.setIndex(step.index as number);
            if (step.op === 'history') return s.history(tf, side, step.length as number);
            if (step.op === 'history_view') return s.historyView(tf, side, step.length as number);
            throw new Mismatch(`unexpected negative argument`);
          },
          ['LOOKAHEAD', 'INVALID_ARGUMENT'],
          what,
        );
        result.passed += 1;
        result.rejected += 1;
        if (step.op === 'new' || step.op === 'set_index') suspendedAt = step.index as number;
        continue;
      }
      if (mode === 'safe' && step.op === 'candleset_get_latest') {
        const index = step.index as number;
        if (index < 0 || index > s.index) {
          checkThrows(() => (set as CandleSet).getLatest(tf, index, side), ['LOOKAHEAD'], what);
          result.passed += 1;
          result.rejected += 1;
          continue;
        }
      }
      const error = step.error as { type: string; message: string } | undefined;
      if (error !== undefined) {
        const code = ERROR_CODE[error.type];
        check(code !== undefined, `${what}: no error code for ${error.type}`);
        checkThrows(() => run(step), [code as string], what);
        result.passed += 1;
        continue;
      }
      if (run(step)) result.passed += 1;
      else result.skipped += 1;
    } catch (e) {
      result.failed += 1;
      result.failures.push(e instanceof Mismatch ? e.message : `${what}: ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`);
    }

    /** Runs and checks one step; false when it could not be checked (safe mode: a view lost on resuming). */
    function run(st: Step): boolean {
      const sl = slice as SymbolDataSlice;
      switch (st.op) {
        case 'new':
          slice = new SymbolDataSlice(data, st.index as number, compat);
          set = null;
          views.clear();
          return true;
        case 'set_index':
          sl.setIndex(st.index as number);
          check(sl.index === st.index, `${what}: index ${sl.index}`);
          return true;
        case 'latest': {
          const row = st.expect as number | null;
          checkCandle(sl.latest(tf, side), row, row === null ? null : columnsOf(data, tf, st.served_side), what);
          return true;
        }
        case 'history':
          checkList(sl.history(tf, side, st.length as number), st, data, what);
          return true;
        case 'history_view': {
          const w = sl.historyView(tf, side, st.length as number);
          views.set(st.handle as string, w);
          checkList(w, st, data, what);
          return true;
        }
        case 'read_view': {
          const w = views.get(st.handle as string);
          check(w !== undefined || mode === 'safe', `${what}: unknown handle ${String(st.handle)}`);
          if (w === undefined) return false;
          checkList(w, st, data, what);
          return true;
        }
        case 'get':
        case 'series_ref':
        case 'getitem': {
          const w = st.op === 'get' ? sl.get(tf, side) : st.op === 'series_ref' ? sl.seriesRef(tf, side) : sl.timeframe(tf);
          checkFull(w, st, data, what, mode === 'safe' ? sl.index + 1 : Number.POSITIVE_INFINITY);
          return true;
        }
        case 'candleset_new':
          set = CandleSet.fromSlice(sl);
          return true;
        case 'candleset_get_latest': {
          const row = st.expect as number | null;
          const c = (set as CandleSet).getLatest(tf, st.index as number, side);
          checkCandle(c, row, row === null ? null : columnsOf(data, tf, st.served_side), what);
          return true;
        }
        case 'candleset_get_all':
          checkFull((set as CandleSet).getAll(tf, side), st, data, what, mode === 'safe' ? sl.index + 1 : Number.POSITIVE_INFINITY);
          return true;
        default:
          throw new Mismatch(`${what}: unknown op`);
      }
    }
  }
  return result;
}

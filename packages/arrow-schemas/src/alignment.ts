/**
 * Multi-timeframe alignment: the port of the original engine's alignment plan (runner
 * `_build_alignment_plan` + `_apply_alignment_plan`, reimplemented). Raw candle series per
 * timeframe and side go in; out comes a plan (the common primary timestamps and, per row, one
 * index into every raw series, -1 for none) and, applied, an {@link AlignedData}.
 *
 * The algorithm, as the original does it:
 *
 * 1. Config (absent keys take the defaults in {@link ALIGNMENT_DEFAULTS}): `stale_bar_limit_bars`
 *    is truncated to an integer (Python `int()`), `additional_tfs_mode` must be exactly
 *    `carry_forward` or `strict` (both give the same plan; the value is otherwise unused).
 * 2. Timeframe minutes: the name upper-cased, `M<n>` = n, `H<n>` = 60 n, `D<n>` = 1440 n.
 * 3. Rows: the sorted intersection of the primary bid and ask timestamp sets (error when empty).
 *    Primary indices: for each row the position of that timestamp in the bid / ask list; a
 *    timestamp that occurs twice maps to its LAST position (Python dict comprehension).
 * 4. `max_missing_ratio`: the original checks the bid/ask overlap of the two aligned primary
 *    lists, which by construction carry the same timestamps, so the missing ratio is always 0 and
 *    the check only fails (with `overlap=1.000`) when `max_missing_ratio` is negative.
 * 5. Every other timeframe, per side, with `lookup` = timestamp -> last position in its list:
 *    - `use_previous_completed_higher_tf` false: a row whose timestamp is in `lookup` takes that
 *      candle (and becomes the last seen row); other rows keep the last candle.
 *    - true (default): walking the rows in order, every candle (ascending distinct timestamps)
 *      whose bar end is `<=` the row's decision time is taken in turn (the last taken wins, the
 *      row becomes the last seen row). Bar end = timestamp + timeframe length, or the timestamp
 *      itself when `higher_tf_timestamps_mode[tf]` is `close` (case-insensitive). Decision time =
 *      row timestamp, plus one primary bar when `entry_timestamp_mode` is `close`.
 *    - Either way the row gets the current candle only if `row - lastSeenRow <= staleLimit`, else
 *      -1. `staleLimit` = `stale_bar_limit_bars` when > 0, else `max(1, 2 * max(1, tfMinutes //
 *      max(1, primaryMinutes)))`.
 *
 * Errors are {@link DataError}s; where the original raises, the message ends with the original's
 * exception in parentheses (`(original: ValueError: ...)`), so its meaning is kept verbatim.
 */
import { alignedData } from './columns.js';
import { DataError, type DataErrorCode } from './errors.js';
import { PRICE_FIELDS, zeroCandleColumns, type AlignedData, type CandleColumns, type Side } from './model.js';

/** One raw candle series (one timeframe, one side) in list order: epoch ms timestamps + OHLCV. */
export interface RawCandleSeries {
  /** The candle's own timestamp, epoch ms UTC: its open time, or its close time for a timeframe marked `close`. */
  readonly timestamp: ArrayLike<number>;
  readonly open: ArrayLike<number>;
  readonly high: ArrayLike<number>;
  readonly low: ArrayLike<number>;
  readonly close: ArrayLike<number>;
  readonly volume: ArrayLike<number>;
}

/** Raw input per timeframe (in this order; the primary is one of them) and side. */
export type RawTimeframes = Readonly<Record<string, { readonly bid: RawCandleSeries; readonly ask: RawCandleSeries }>>;

/** The original's `timestamp_alignment` config (its key names). Absent keys take {@link ALIGNMENT_DEFAULTS}. */
export interface TimestampAlignmentConfig {
  readonly additional_tfs_mode?: string;
  readonly stale_bar_limit_bars?: number;
  readonly use_previous_completed_higher_tf?: boolean;
  readonly entry_timestamp_mode?: string;
  readonly max_missing_ratio?: number;
  readonly higher_tf_timestamps_mode?: Readonly<Record<string, string>> | null;
}

/** The values the original uses for absent config keys (reference manifest `provenance.alignment.defaults_when_absent`). */
export const ALIGNMENT_DEFAULTS = Object.freeze({
  additional_tfs_mode: 'carry_forward',
  stale_bar_limit_bars: 0,
  use_previous_completed_higher_tf: true,
  entry_timestamp_mode: 'open',
  max_missing_ratio: 0,
  higher_tf_timestamps_mode: Object.freeze({}) as Readonly<Record<string, string>>,
});

/** Plan entry of one non-primary timeframe. */
export interface TimeframePlan {
  /** Per row the index into the raw bid / ask series, -1 for no candle. */
  readonly bid: Int32Array;
  readonly ask: Int32Array;
  /** Length of one bar of this timeframe in ms. */
  readonly barMs: number;
  /** True when this timeframe's timestamps are bar close times (`higher_tf_timestamps_mode` = close). */
  readonly closeStamped: boolean;
}

/** The alignment plan: indices and timestamps only. */
export interface AlignmentPlan {
  readonly primaryTimeframe: string;
  /** Timestamp (epoch ms) of each result row, ascending. */
  readonly commonTimestamps: Float64Array;
  /** Per row the index into the raw primary bid / ask series. */
  readonly primaryBidIdx: Int32Array;
  readonly primaryAskIdx: Int32Array;
  /** Every other timeframe of the input, in input order. */
  readonly perTf: Readonly<Record<string, TimeframePlan>>;
}

const SIDES: readonly Side[] = ['bid', 'ask'];

function fail(code: DataErrorCode, message: string, original: string | undefined, column?: string): never {
  const text = original === undefined ? message : `${message} (original: ${original})`;
  throw new DataError(code, text, column === undefined ? {} : { column });
}

/** Python `int(str)` for the decimal literals it accepts (surrounding whitespace, sign, `_` between digits). */
function pyInt(text: string): number | undefined {
  const s = text.trim();
  if (!/^[+-]?\d+(?:_\d+)*$/.test(s)) return undefined;
  return Number(s.replace(/_/g, ''));
}

/** Python `repr(str)` for the common case (single quotes unless the text holds one and no double quote). */
function pyRepr(text: string): string {
  const q = text.includes("'") && !text.includes('"') ? '"' : "'";
  return q + text.replace(/\\/g, '\\\\').replace(new RegExp(q, 'g'), `\\${q}`) + q;
}

/** The original's `_tf_minutes`: `M<n>`, `H<n>`, `D<n>` (case-insensitive) in minutes. */
export function timeframeMinutes(tf: string): number {
  const u = tf.toUpperCase();
  const unit = u.startsWith('M') ? 1 : u.startsWith('H') ? 60 : u.startsWith('D') ? 1440 : 0;
  if (unit === 0) fail('INVALID_ARGUMENT', `unknown timeframe ${JSON.stringify(tf)}`, `ValueError: Unbekannter TF: ${u}`, tf);
  const n = pyInt(u.slice(1));
  if (n === undefined) {
    fail(
      'INVALID_ARGUMENT',
      `unknown timeframe ${JSON.stringify(tf)}`,
      `ValueError: invalid literal for int() with base 10: ${pyRepr(u.slice(1))}`,
      tf,
    );
  }
  return n * unit;
}

/** Python `format(x, '.3f')`: round half to even on the exact binary value. */
function pyFixed3(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  const exact = Math.abs(x).toFixed(100);
  const dot = exact.indexOf('.');
  const rest = exact.slice(dot + 4);
  let s = Math.abs(x).toFixed(3);
  // toFixed rounds an exact tie away from zero; Python rounds it to even.
  if (/^50*$/.test(rest)) {
    const lastDigit = Number(exact[dot + 3]);
    if (lastDigit % 2 === 0) s = exact.slice(0, dot + 4);
  }
  const negative = x < 0 || Object.is(x, -0);
  return negative ? `-${s}` : s;
}

interface CheckedSeries {
  readonly timestamp: ArrayLike<number>;
  readonly length: number;
}

function checkSeries(input: RawTimeframes, tf: string, side: Side): CheckedSeries {
  const entry = input[tf];
  const column = `${tf}.${side}`;
  if (entry === undefined) fail('MISSING_COLUMN', `timeframe ${tf} is missing from the input`, `KeyError: ${pyRepr(tf)}`, tf);
  const s = entry[side];
  if (s === undefined || s === null) fail('MISSING_COLUMN', `${column} is missing`, `KeyError: '${side}'`, column);
  const ts = s.timestamp;
  if (ts === undefined || ts === null || typeof ts.length !== 'number') {
    fail('MISSING_COLUMN', `column ${column}.timestamp is missing`, undefined, `${column}.timestamp`);
  }
  const n = ts.length;
  for (let i = 0; i < n; i += 1) {
    const t = ts[i];
    if (typeof t !== 'number' || !Number.isFinite(t)) {
      throw new DataError('INVALID_ARGUMENT', `${column}.timestamp row ${i}: ${String(t)} is not a finite epoch-ms number`, {
        column: `${column}.timestamp`,
        row: i,
      });
    }
  }
  return { timestamp: ts, length: n };
}

/** timestamp -> LAST position in the list (Python `{c.timestamp: idx for idx, c in enumerate(seq)}`). */
/**
 * The distinct timestamps of a series in increasing order (`times`) and the LAST position each has
 * in the series (`positions`; null when the series is strictly increasing, so position = index).
 * The original's `{ts: i for i, ts in enumerate(...)}` dict, sorted.
 */
interface TimeIndex {
  readonly times: ArrayLike<number>;
  readonly positions: Int32Array | null;
}

function timeIndex(ts: ArrayLike<number>): TimeIndex {
  let increasing = true;
  for (let i = 1; i < ts.length && increasing; i += 1) increasing = (ts[i] as number) > (ts[i - 1] as number);
  if (increasing) return { times: ts, positions: null };
  const last = new Map<number, number>();
  for (let i = 0; i < ts.length; i += 1) last.set(ts[i] as number, i);
  const times = Float64Array.from(last.keys()).sort();
  return { times, positions: Int32Array.from(times, (t) => last.get(t) as number) };
}

function positionOf(index: TimeIndex, k: number): number {
  return index.positions === null ? k : (index.positions[k] as number);
}

interface ResolvedConfig {
  readonly entryClose: boolean;
  readonly usePrevCompleted: boolean;
  readonly staleLimit: number;
  readonly maxMissing: number;
  readonly tsModes: Readonly<Record<string, unknown>>;
}

function resolveConfig(config: TimestampAlignmentConfig): ResolvedConfig {
  const entry = config.entry_timestamp_mode === undefined ? ALIGNMENT_DEFAULTS.entry_timestamp_mode : config.entry_timestamp_mode;
  const usePrev =
    config.use_previous_completed_higher_tf === undefined
      ? ALIGNMENT_DEFAULTS.use_previous_completed_higher_tf
      : Boolean(config.use_previous_completed_higher_tf);
  const additional = config.additional_tfs_mode === undefined ? ALIGNMENT_DEFAULTS.additional_tfs_mode : config.additional_tfs_mode;
  const staleRaw = config.stale_bar_limit_bars === undefined ? ALIGNMENT_DEFAULTS.stale_bar_limit_bars : config.stale_bar_limit_bars;
  if (typeof staleRaw !== 'number') {
    fail('WRONG_TYPE', 'timestamp_alignment.stale_bar_limit_bars must be a number', undefined, 'timestamp_alignment.stale_bar_limit_bars');
  }
  if (!Number.isFinite(staleRaw)) {
    fail(
      'INVALID_ARGUMENT',
      `timestamp_alignment.stale_bar_limit_bars must be finite, got ${staleRaw}`,
      Number.isNaN(staleRaw)
        ? 'ValueError: cannot convert float NaN to integer'
        : 'OverflowError: cannot convert float infinity to integer',
      'timestamp_alignment.stale_bar_limit_bars',
    );
  }
  const staleLimit = Math.trunc(staleRaw) + 0;
  if (staleLimit >= 1e9) {
    // The original's "last seen" sentinel is -10**9: such a limit lets rows before the first
    // candle through with `None`, a plan its own apply step rejects (TypeError). Rejected here.
    fail(
      'INVALID_ARGUMENT',
      `timestamp_alignment.stale_bar_limit_bars must be < 1e9, got ${staleRaw}`,
      undefined,
      'timestamp_alignment.stale_bar_limit_bars',
    );
  }
  const maxMissing = config.max_missing_ratio === undefined ? ALIGNMENT_DEFAULTS.max_missing_ratio : config.max_missing_ratio;
  if (typeof maxMissing !== 'number') {
    fail('WRONG_TYPE', 'timestamp_alignment.max_missing_ratio must be a number', undefined, 'timestamp_alignment.max_missing_ratio');
  }
  const tsModes = config.higher_tf_timestamps_mode ?? {};
  if (additional !== 'carry_forward' && additional !== 'strict') {
    fail(
      'INVALID_ARGUMENT',
      `timestamp_alignment.additional_tfs_mode must be "carry_forward" or "strict", got ${JSON.stringify(additional)}`,
      "ValueError: timestamp_alignment.additional_tfs_mode muss 'carry_forward' oder 'strict' sein",
      'timestamp_alignment.additional_tfs_mode',
    );
  }
  return {
    entryClose: String(entry).toLowerCase() === 'close',
    usePrevCompleted: usePrev,
    staleLimit,
    maxMissing,
    tsModes,
  };
}

/**
 * Builds the alignment plan of `input` onto the rows of `primaryTimeframe` (the original's
 * `_build_alignment_plan`; algorithm in the module comment). Throws a {@link DataError}.
 */
export function buildAlignmentPlan(
  input: RawTimeframes,
  primaryTimeframe: string,
  config: TimestampAlignmentConfig = {},
): AlignmentPlan {
  if (typeof input !== 'object' || input === null) fail('WRONG_TYPE', 'alignment input must be an object', undefined);
  const cfg = resolveConfig(config);
  const primaryMinutes = timeframeMinutes(primaryTimeframe);
  const primaryBid = checkSeries(input, primaryTimeframe, 'bid');
  const primaryAsk = checkSeries(input, primaryTimeframe, 'ask');
  const bidIndex = timeIndex(primaryBid.timestamp);
  const askIndex = timeIndex(primaryAsk.timestamp);
  // Sorted intersection of the two sorted distinct timestamp lists (a merge).
  const common: number[] = [];
  const bidPos: number[] = [];
  const askPos: number[] = [];
  for (let a = 0, b = 0; a < bidIndex.times.length && b < askIndex.times.length; ) {
    const ta = bidIndex.times[a] as number;
    const tb = askIndex.times[b] as number;
    if (ta < tb) a += 1;
    else if (tb < ta) b += 1;
    else {
      common.push(ta);
      bidPos.push(positionOf(bidIndex, a));
      askPos.push(positionOf(askIndex, b));
      a += 1;
      b += 1;
    }
  }
  if (common.length === 0) {
    fail(
      'OUT_OF_RANGE',
      `no timestamp common to ${primaryTimeframe} bid and ask`,
      'ValueError: Kein gemeinsamer Timestamp zwischen Bid/Ask im Zeitraum.',
      primaryTimeframe,
    );
  }
  const n = common.length;
  const commonTimestamps = Float64Array.from(common);
  const primaryBidIdx = Int32Array.from(bidPos);
  const primaryAskIdx = Int32Array.from(askPos);
  // The aligned bid and ask lists carry the same timestamps: overlap 1, missing ratio 0.
  if (0 > cfg.maxMissing) {
    fail(
      'INVALID_ARGUMENT',
      `timestamp_alignment.max_missing_ratio must be >= 0, got ${cfg.maxMissing}`,
      `ValueError: \u274c Striktes Alignment fehlgeschlagen in TF=${primaryTimeframe}: overlap=1.000 ` +
        `(max_missing_ratio=${pyFixed3(cfg.maxMissing)})\n   BID nur: []\n   ASK nur: []`,
      'timestamp_alignment.max_missing_ratio',
    );
  }
  const shift = cfg.entryClose ? primaryMinutes * 60_000 : 0;
  const perTf: Record<string, TimeframePlan> = {};
  for (const tf of Object.keys(input)) {
    if (tf === primaryTimeframe) continue;
    const bid = checkSeries(input, tf, 'bid');
    const ask = checkSeries(input, tf, 'ask');
    const tfMinutes = timeframeMinutes(tf);
    const staleLimit =
      cfg.staleLimit > 0 ? cfg.staleLimit : Math.max(1, 2 * Math.max(1, Math.floor(tfMinutes / Math.max(1, primaryMinutes))));
    const barMs = tfMinutes * 60_000;
    const closeStamped = String(cfg.tsModes[tf] ?? 'open').toLowerCase() === 'close';
    const indices = (s: CheckedSeries): Int32Array => {
      const index = timeIndex(s.timestamp);
      const opens = index.times;
      const out = new Int32Array(n);
      let last = -1;
      let lastSeen = -1e9;
      let k = 0;
      if (!cfg.usePrevCompleted) {
        // A row whose timestamp is one of the series' (both lists sorted: a merge).
        for (let i = 0; i < n; i += 1) {
          const t = common[i] as number;
          while (k < opens.length && (opens[k] as number) < t) k += 1;
          if (k < opens.length && opens[k] === t) {
            last = positionOf(index, k);
            lastSeen = i;
          }
          out[i] = i - lastSeen <= staleLimit ? last : -1;
        }
        return out;
      }
      for (let i = 0; i < n; i += 1) {
        const decision = (common[i] as number) + shift;
        while (k < opens.length) {
          const t = opens[k] as number;
          const end = closeStamped ? t : t + barMs;
          if (!(end <= decision)) break;
          last = positionOf(index, k);
          lastSeen = i;
          k += 1;
        }
        out[i] = i - lastSeen <= staleLimit ? last : -1;
      }
      return out;
    };
    perTf[tf] = { bid: indices(bid), ask: indices(ask), barMs, closeStamped };
  }
  return { primaryTimeframe, commonTimestamps, primaryBidIdx, primaryAskIdx, perTf };
}

function gather(
  s: RawCandleSeries,
  idx: Int32Array,
  column: string,
  timeShift: number,
  allowNone: boolean,
): CandleColumns {
  const len = s.timestamp.length;
  for (const f of PRICE_FIELDS) {
    const col = s[f];
    if (col === undefined || col === null) fail('MISSING_COLUMN', `column ${column}.${f} is missing`, undefined, `${column}.${f}`);
    if (col.length !== len) {
      throw new DataError('LENGTH_MISMATCH', `${column}.${f} has ${col.length} values, timestamp ${len}`, {
        column: `${column}.${f}`,
      });
    }
  }
  const n = idx.length;
  const out = zeroCandleColumns(n);
  const times = s.timestamp;
  for (let i = 0; i < n; i += 1) {
    const j = idx[i] as number;
    if (j < 0 && allowNone) {
      out.time[i] = Number.NaN;
      continue;
    }
    if (j < 0 || j >= len) {
      throw new DataError('OUT_OF_RANGE', `plan index ${j} for ${column} row ${i} is outside 0..${len - 1}`, {
        column,
        row: i,
      });
    }
    out.time[i] = (times[j] as number) - timeShift;
  }
  // One field at a time: each loop reads a single source array (monomorphic, no keyed lookups per row).
  for (const f of PRICE_FIELDS) {
    const src = s[f];
    const dst = out[f];
    for (let i = 0; i < n; i += 1) {
      const j = idx[i] as number;
      dst[i] = j < 0 ? Number.NaN : Number(src[j]);
    }
  }
  return out;
}

/**
 * Applies a plan to the raw input it was built from (the original's `_apply_alignment_plan`):
 * row k of every timeframe and side is the raw candle at the plan's index (all NaN for -1).
 * `time` is the source bar's OPEN time: the candle's timestamp, minus one bar for a timeframe
 * whose timestamps are close times. Throws a {@link DataError} (LENGTH_MISMATCH, OUT_OF_RANGE,
 * MISSING_COLUMN) when the plan does not fit the input.
 */
export function applyAlignmentPlan(plan: AlignmentPlan, input: RawTimeframes): AlignedData {
  const primary = plan.primaryTimeframe;
  const n = plan.commonTimestamps.length;
  const timeframes: Record<string, { bid: CandleColumns; ask: CandleColumns }> = {};
  const check = (idx: Int32Array, label: string): void => {
    if (idx.length !== n) {
      throw new DataError('LENGTH_MISMATCH', `plan ${label} has ${idx.length} rows, common timestamps ${n}`, { column: label });
    }
  };
  check(plan.primaryBidIdx, `${primary}.bid`);
  check(plan.primaryAskIdx, `${primary}.ask`);
  const primaryEntry = input[primary];
  if (primaryEntry === undefined) fail('MISSING_COLUMN', `timeframe ${primary} is missing from the input`, undefined, primary);
  const sideIdx = { bid: plan.primaryBidIdx, ask: plan.primaryAskIdx };
  const entry = {} as { bid: CandleColumns; ask: CandleColumns };
  for (const side of SIDES) {
    checkSeries(input, primary, side);
    entry[side] = gather(primaryEntry[side], sideIdx[side], `${primary}.${side}`, 0, false);
  }
  timeframes[primary] = entry;
  for (const [tf, p] of Object.entries(plan.perTf)) {
    const raw = input[tf];
    if (raw === undefined) fail('MISSING_COLUMN', `timeframe ${tf} of the plan is missing from the input`, undefined, tf);
    const e = {} as { bid: CandleColumns; ask: CandleColumns };
    for (const side of SIDES) {
      check(p[side], `${tf}.${side}`);
      checkSeries(input, tf, side);
      e[side] = gather(raw[side], p[side], `${tf}.${side}`, p.closeStamped ? p.barMs : 0, true);
    }
    timeframes[tf] = e;
  }
  return alignedData({ primaryTimeframe: primary, timestamp: Float64Array.from(plan.commonTimestamps), timeframes });
}

/** {@link buildAlignmentPlan} then {@link applyAlignmentPlan}: the original's `_align_single_symbol_primary_and_multi`. */
export function alignTimeframes(
  input: RawTimeframes,
  primaryTimeframe: string,
  config: TimestampAlignmentConfig = {},
): { readonly plan: AlignmentPlan; readonly data: AlignedData } {
  const plan = buildAlignmentPlan(input, primaryTimeframe, config);
  return { plan, data: applyAlignmentPlan(plan, input) };
}

/** A parsed `expected/<name>.alignment.json` reference case (golden-data/reference/README.md). */
export interface AlignmentCaseFile {
  readonly name: string;
  readonly primary_tf: string;
  readonly timestamp_alignment: TimestampAlignmentConfig;
  readonly input: RawTimeframes;
  readonly expected: {
    readonly error: { readonly type: string; readonly message: string; readonly stage: string } | null;
    readonly common_timestamps: readonly number[] | null;
    readonly primary_bid_idx: readonly number[] | null;
    readonly primary_ask_idx: readonly number[] | null;
    readonly per_tf: Readonly<Record<string, { readonly bid: readonly number[]; readonly ask: readonly number[] }>> | null;
  };
}

/** Outcome of {@link replayAlignmentCase}: `mismatches` empty means the case replays exactly. */
export interface AlignmentReplay {
  readonly name: string;
  readonly mismatches: readonly string[];
}

function firstDifference(label: string, actual: ArrayLike<number>, expected: readonly number[]): string | undefined {
  if (actual.length !== expected.length) return `${label}: ${actual.length} rows, expected ${expected.length}`;
  for (let i = 0; i < expected.length; i += 1) {
    if (actual[i] !== expected[i]) return `${label}[${i}]: ${actual[i]}, expected ${expected[i]}`;
  }
  return undefined;
}

/**
 * Replays one reference alignment case: builds and applies the plan and compares every index and
 * timestamp exactly, or, for an error case, checks that a DataError carrying the original's
 * exception (`type: message`) is thrown.
 */
export function replayAlignmentCase(c: AlignmentCaseFile): AlignmentReplay {
  const mismatches: string[] = [];
  const exp = c.expected;
  let plan: AlignmentPlan | undefined;
  try {
    plan = alignTimeframes(c.input, c.primary_tf, c.timestamp_alignment).plan;
  } catch (error) {
    if (exp.error === null) mismatches.push(`unexpected error: ${String(error)}`);
    else if (!(error instanceof DataError) || !error.message.endsWith(`(original: ${exp.error.type}: ${exp.error.message})`)) {
      mismatches.push(`wrong error: ${String(error)}, expected ${exp.error.type}: ${exp.error.message}`);
    }
    return { name: c.name, mismatches };
  }
  if (exp.error !== null) return { name: c.name, mismatches: [`expected ${exp.error.type}: ${exp.error.message}, got a plan`] };
  const diffs = [
    firstDifference('common_timestamps', plan.commonTimestamps, exp.common_timestamps ?? []),
    firstDifference('primary_bid_idx', plan.primaryBidIdx, exp.primary_bid_idx ?? []),
    firstDifference('primary_ask_idx', plan.primaryAskIdx, exp.primary_ask_idx ?? []),
  ];
  const expectedTfs = Object.keys(exp.per_tf ?? {});
  const actualTfs = Object.keys(plan.perTf);
  if (expectedTfs.join() !== actualTfs.join()) diffs.push(`per_tf timeframes ${actualTfs.join()}, expected ${expectedTfs.join()}`);
  for (const tf of expectedTfs) {
    const p = plan.perTf[tf];
    const e = exp.per_tf?.[tf];
    if (p === undefined || e === undefined) continue;
    for (const side of SIDES) diffs.push(firstDifference(`per_tf.${tf}.${side}`, p[side], e[side]));
  }
  for (const d of diffs) if (d !== undefined) mismatches.push(d);
  return { name: c.name, mismatches };
}

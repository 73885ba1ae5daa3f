import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultReferenceDir, loadDataset } from '@omega-ta/golden';
import { describe, expect, it } from 'vitest';
import {
  ALIGNMENT_DEFAULTS,
  alignTimeframes,
  buildAlignmentPlan,
  replayAlignmentCase,
  timeframeMinutes,
  type AlignmentCaseFile,
  type RawCandleSeries,
} from './alignment.js';
import { DataError } from './errors.js';
import { CANDLE_FIELDS } from './model.js';

const dir = join(defaultReferenceDir(), 'expected');
const caseFiles = readdirSync(dir).filter((f) => f.endsWith('.alignment.json')).sort();
const load = (f: string): AlignmentCaseFile & { dataset_rows: [number, number] | null; dataset: string | null } =>
  JSON.parse(readFileSync(join(dir, f), 'utf8')) as AlignmentCaseFile & { dataset_rows: [number, number] | null; dataset: string | null };

describe('reference alignment cases (computed by the original runner)', () => {
  it('finds all five cases', () => {
    expect(caseFiles.length).toBe(5);
  });
  it.each(caseFiles)('%s replays exactly', (f) => {
    expect(replayAlignmentCase(load(f)).mismatches).toEqual([]);
  });

  it('rejected configs throw a DataError with the original exception', () => {
    for (const f of caseFiles) {
      const c = load(f);
      if (c.expected.error === null) continue;
      let thrown: unknown;
      try {
        buildAlignmentPlan(c.input, c.primary_tf, c.timestamp_alignment);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(DataError);
      const e = thrown as DataError;
      expect(e.code).toBe('INVALID_ARGUMENT');
      expect(e.message).toContain(`(original: ${c.expected.error.type}: ${c.expected.error.message})`);
      expect(c.expected.error.stage).toBe('_build_alignment_plan');
    }
  });

  it('applying the synthetic-mtf-A plan reproduces dataset rows r0..r1', () => {
    const c = load('synthetic-mtf-A.alignment.json');
    const [r0, r1] = c.dataset_rows as [number, number];
    const ds = loadDataset(c.dataset as string);
    const { data } = alignTimeframes(c.input, c.primary_tf, c.timestamp_alignment);
    expect(data.timestamp.length).toBe(r1 - r0);
    expect([...data.timestamp]).toEqual([...ds.timestamp.subarray(r0, r1)]);
    expect(Object.keys(data.timeframes)).toEqual(Object.keys(ds.timeframes));
    for (const [tf, sides] of Object.entries(ds.timeframes)) {
      for (const side of ['bid', 'ask'] as const) {
        const want = sides[side];
        const got = data.timeframes[tf]?.[side];
        if (want === undefined || got === undefined) throw new Error(`${tf}.${side} missing`);
        for (const f of CANDLE_FIELDS) {
          // Object.is-equality per element: NaN (no candle) matches NaN.
          expect(Array.from(got[f]), `${tf}.${side}.${f}`).toEqual(Array.from(want[f].subarray(r0, r1)));
        }
      }
    }
  });

  it('a close-stamped timeframe gets its open time in `time`', () => {
    const c = load('align-entry-close-stale3.alignment.json');
    const { plan, data } = alignTimeframes(c.input, c.primary_tf, c.timestamp_alignment);
    const raw = c.input.H4?.bid as RawCandleSeries;
    const idx = plan.perTf.H4?.bid as Int32Array;
    const k = idx.findIndex((j) => j >= 0);
    expect(data.timeframes.H4?.bid?.time[k]).toBe((raw.timestamp[idx[k] as number] as number) - 4 * 3_600_000);
  });
});

/** Hand-made series: timestamps in minutes from 0, prices = index. */
function series(minutes: readonly number[]): RawCandleSeries {
  const ts = minutes.map((m) => m * 60_000);
  const v = minutes.map((_, i) => i);
  return { timestamp: ts, open: v, high: v, low: v, close: v, volume: v };
}

describe('alignment rules (hand-derived from the original algorithm)', () => {
  const m5 = series([0, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60, 65, 70]);
  it('carry-forward of completed M15 bars with the default stale limit (2 x 3 rows)', () => {
    // M15 opens 0, 15 (bid), bar ends 15, 30. Rows 0..2 see nothing; row 3 (t=15) takes bar 0,
    // row 6 (t=30) bar 1; bar 1 is last seen at row 6, so rows 7..12 keep it, rows 13, 14 are stale.
    const plan = buildAlignmentPlan({ M5: { bid: m5, ask: m5 }, M15: { bid: series([0, 15]), ask: series([0, 15]) } }, 'M5');
    expect([...(plan.perTf.M15?.bid ?? [])]).toEqual([-1, -1, -1, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, -1, -1]);
  });
  it('entry close shifts the decision time by one primary bar; duplicates map to the last position', () => {
    const bid = series([0, 5, 5, 10]);
    const plan = buildAlignmentPlan(
      { M5: { bid, ask: series([0, 5, 10]) }, M15: { bid: series([0]), ask: series([0]) } },
      'M5',
      { entry_timestamp_mode: 'close' },
    );
    expect([...plan.primaryBidIdx]).toEqual([0, 2, 3]);
    expect([...plan.perTf.M15!.bid]).toEqual([-1, -1, 0]);
  });
  it('without previous-completed, a row takes the bar opening at its own timestamp', () => {
    const plan = buildAlignmentPlan(
      { M5: { bid: m5, ask: m5 }, M15: { bid: series([0, 15]), ask: series([15]) } },
      'M5',
      { use_previous_completed_higher_tf: false, stale_bar_limit_bars: 1 },
    );
    expect([...plan.perTf.M15!.bid].slice(0, 6)).toEqual([0, 0, -1, 1, 1, -1]);
    expect([...plan.perTf.M15!.ask].slice(0, 6)).toEqual([-1, -1, -1, 0, 0, -1]);
  });
  it('errors', () => {
    const ok = { M5: { bid: m5, ask: m5 } };
    const code = (f: () => unknown): string => {
      try {
        f();
      } catch (error) {
        return (error as DataError).code;
      }
      return 'none';
    };
    expect(code(() => buildAlignmentPlan({ M5: { bid: series([0]), ask: series([5]) } }, 'M5'))).toBe('OUT_OF_RANGE');
    expect(code(() => buildAlignmentPlan(ok, 'X5'))).toBe('INVALID_ARGUMENT');
    expect(code(() => buildAlignmentPlan(ok, 'M5', { stale_bar_limit_bars: Number.NaN }))).toBe('INVALID_ARGUMENT');
    expect(code(() => buildAlignmentPlan(ok, 'H1'))).toBe('MISSING_COLUMN');
    expect(code(() => buildAlignmentPlan(ok, 'M5', { max_missing_ratio: -0.0625 }))).toBe('INVALID_ARGUMENT');
    // Python formats -0.0625 with '.3f' as -0.062 (round half to even).
    expect(() => buildAlignmentPlan(ok, 'M5', { max_missing_ratio: -0.0625 })).toThrow('max_missing_ratio=-0.062)');
    expect(timeframeMinutes('d1')).toBe(1440);
    expect(ALIGNMENT_DEFAULTS.additional_tfs_mode).toBe('carry_forward');
  });
});

/**
 * buildAlignmentPlan against a direct model of the original's dict-based algorithm (Python:
 * `{ts: i for i, ts in enumerate(lst)}`, `sorted(set(bid) & set(ask))`, the per-row walk over
 * `sorted(lookup)`), on random inputs with unsorted and repeated timestamps, so that the sorted
 * fast path and the general path both agree with it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildAlignmentPlan, type RawCandleSeries, type RawTimeframes } from './alignment.js';

const MIN = 60_000;

function lastIndex(ts: readonly number[]): Map<number, number> {
  const m = new Map<number, number>();
  ts.forEach((t, i) => m.set(t, i));
  return m;
}

interface ModelConfig {
  readonly usePrev: boolean;
  readonly entryClose: boolean;
  readonly closeStamped: boolean;
  readonly stale: number;
}

/** The original's plan for primary M5 and one H1 timeframe, computed the way the original does. */
function model(m5Bid: number[], m5Ask: number[], h1: number[], cfg: ModelConfig) {
  const bid = lastIndex(m5Bid);
  const ask = lastIndex(m5Ask);
  const common = [...bid.keys()].filter((t) => ask.has(t)).sort((a, b) => a - b);
  const lookup = lastIndex(h1);
  const staleLimit = cfg.stale > 0 ? cfg.stale : Math.max(1, 2 * Math.max(1, Math.floor(60 / 5)));
  const out: number[] = [];
  let last = -1;
  let lastSeen = -1e9;
  const opens = [...lookup.keys()].sort((a, b) => a - b);
  let k = 0;
  common.forEach((t, i) => {
    if (!cfg.usePrev) {
      const hit = lookup.get(t);
      if (hit !== undefined) {
        last = hit;
        lastSeen = i;
      }
    } else {
      const decision = t + (cfg.entryClose ? 5 * MIN : 0);
      while (k < opens.length && (cfg.closeStamped ? opens[k]! : opens[k]! + 60 * MIN) <= decision) {
        last = lookup.get(opens[k]!)!;
        lastSeen = i;
        k += 1;
      }
    }
    out.push(i - lastSeen <= staleLimit ? last : -1);
  });
  return { common, bidIdx: common.map((t) => bid.get(t)!), askIdx: common.map((t) => ask.get(t)!), h1: out };
}

const series = (ts: number[]): RawCandleSeries => ({ timestamp: ts, open: ts, high: ts, low: ts, close: ts, volume: ts });
const times = (step: number, count: number, sorted: boolean) =>
  sorted
    ? fc.uniqueArray(fc.integer({ min: 0, max: count }), { minLength: 1, maxLength: count }).map((a) => a.sort((x, y) => x - y).map((k) => k * step))
    : fc.array(fc.integer({ min: 0, max: count }), { minLength: 1, maxLength: count }).map((a) => a.map((k) => k * step));

describe('buildAlignmentPlan agrees with the original algorithm', () => {
  it.each([
    ['sorted input (fast path)', true],
    ['unsorted input with repeated timestamps', false],
  ])('%s', (_label, sorted) => {
    fc.assert(
      fc.property(
        times(5 * MIN, 60, sorted),
        times(5 * MIN, 60, sorted),
        times(60 * MIN, 6, sorted),
        fc.record({ usePrev: fc.boolean(), entryClose: fc.boolean(), closeStamped: fc.boolean(), stale: fc.integer({ min: 0, max: 4 }) }),
        (bid, ask, h1, cfg) => {
          const expected = model(bid, ask, h1, cfg);
          fc.pre(expected.common.length > 0);
          const input: RawTimeframes = { M5: { bid: series(bid), ask: series(ask) }, H1: { bid: series(h1), ask: series(h1) } };
          const plan = buildAlignmentPlan(input, 'M5', {
            use_previous_completed_higher_tf: cfg.usePrev,
            entry_timestamp_mode: cfg.entryClose ? 'close' : 'open',
            higher_tf_timestamps_mode: cfg.closeStamped ? { H1: 'close' } : {},
            stale_bar_limit_bars: cfg.stale,
          });
          expect([...plan.commonTimestamps]).toEqual(expected.common);
          expect([...plan.primaryBidIdx]).toEqual(expected.bidIdx);
          expect([...plan.primaryAskIdx]).toEqual(expected.askIdx);
          expect([...plan.perTf.H1!.bid]).toEqual(expected.h1);
          expect([...plan.perTf.H1!.ask]).toEqual(expected.h1);
        },
      ),
      { numRuns: 300 },
    );
  });
});

import { describe, expect, it } from 'vitest';
import { alignedDataToIPC, alignedDataToTable, type AlignedData, type CandleColumns, type CandleInput, type CandleListsBySide } from '@omega-ta/arrow-schemas';
import { loadDataset } from '@omega-ta/golden';
import { IndicatorCache } from './indicator-cache.js';

/** The original's input for `data`: per timeframe and side one candle dict (or null) per primary row. */
function candleLists(data: AlignedData): Record<string, CandleListsBySide> {
  const toList = (c: CandleColumns): (CandleInput | null)[] =>
    Array.from(c.time, (t, i) =>
      Number.isNaN(t) ? null : { timestamp: t, open: c.open[i]!, high: c.high[i]!, low: c.low[i]!, close: c.close[i]!, volume: c.volume[i]! },
    );
  const lists: Record<string, CandleListsBySide> = {};
  for (const [tf, sides] of Object.entries(data.timeframes)) {
    lists[tf] = {
      ...(sides.bid === undefined ? {} : { bid: toList(sides.bid) }),
      ...(sides.ask === undefined ? {} : { ask: toList(sides.ask) }),
    };
  }
  return lists;
}

/** A handful of results of every kind (series, tuples, stepwise) from `cache`. */
function sample(cache: IndicatorCache, tf: string, higher: string): unknown[] {
  return [
    cache.ema(tf, 'bid', 20),
    cache.rsi(tf, 'ask', 14),
    cache.macd(tf, 'bid'),
    cache.bollinger(tf, 'bid', 20),
    cache.atr(tf, 'bid', 14),
    cache.dmi(tf, 'ask', 14),
    cache.emaStepwise(higher, 'bid', 10),
    cache.kalmanZscore(tf, 'bid'),
  ].map((r) => structuredClone(r));
}

describe('IndicatorCache constructors', () => {
  const data = loadDataset('synthetic-mtf-A');
  const tfs = Object.keys(data.timeframes);
  const [primary, higher] = [data.primaryTimeframe, tfs.find((tf) => tf !== data.primaryTimeframe)!];
  const expected = sample(new IndicatorCache(data, { backend: 'ts' }), primary, higher);

  it('fromCandles (the original candle dicts) gives bitwise the same results as the columns', () => {
    const cache = IndicatorCache.fromCandles(data.primaryTimeframe, data.timestamp, candleLists(data), { backend: 'ts' });
    expect(sample(cache, primary, higher)).toStrictEqual(expected);
    expect(cache.getDf(higher, 'bid').close).toStrictEqual(data.timeframes[higher]!.bid!.close);
  });

  it('fromArrow accepts the aligned table and its IPC bytes', () => {
    for (const source of [alignedDataToTable(data), alignedDataToIPC(data), alignedDataToIPC(data, {}, 'stream')]) {
      expect(sample(IndicatorCache.fromArrow(source, { backend: 'ts' }), primary, higher)).toStrictEqual(expected);
    }
  });

  it('fromCandles rejects a list of the wrong length with a DataError naming it', () => {
    const lists = candleLists(data);
    const bid = lists[primary]!.bid!;
    expect(() => IndicatorCache.fromCandles(primary, data.timestamp, { ...lists, [primary]: { bid: bid.slice(1) } })).toThrow(/bid has \d+ candles, expected \d+/);
  });

  it('fromArrow rejects bytes that are not Arrow IPC', () => {
    expect(() => IndicatorCache.fromArrow(new Uint8Array([1, 2, 3]))).toThrow(/Arrow IPC/);
  });
});

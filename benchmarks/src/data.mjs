// Seeded OHLCV random walk: the same bars for every implementation and every run.

/** A geometric random walk of `bars` rows from seed `seed` (LCG), with consistent OHLC. */
export function randomWalk(bars, seed = 7) {
  const open = new Float64Array(bars);
  const high = new Float64Array(bars);
  const low = new Float64Array(bars);
  const close = new Float64Array(bars);
  const volume = new Float64Array(bars);
  let s = seed >>> 0;
  const next = () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
  let price = 100;
  for (let i = 0; i < bars; i += 1) {
    const o = price;
    price *= 1 + (next() - 0.5) * 0.004;
    const c = price;
    open[i] = o;
    close[i] = c;
    high[i] = Math.max(o, c) * (1 + next() * 0.001);
    low[i] = Math.min(o, c) * (1 - next() * 0.001);
    volume[i] = 1000 + Math.floor(next() * 1000);
  }
  return { open, high, low, close, volume };
}

/** The same table as plain arrays, for peers that need them (converted outside the timing). */
export function asArrays(table) {
  return Object.fromEntries(Object.entries(table).map(([k, v]) => [k, Array.from(v)]));
}

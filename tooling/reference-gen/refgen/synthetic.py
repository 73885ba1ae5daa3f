"""Seeded inputs that the shared set does not contain (numpy default_rng(seed)).

The multi-timeframe set is carried forward onto the primary rows by this generator (previous
completed higher-timeframe bar, None once it is older than two of its own bars); it is an
IndicatorCache input, not an output of the original alignment."""
from __future__ import annotations

from typing import Any, Callable, Dict, List, Optional, Tuple

import numpy as np

from .inputs import Dataset, datetime_of

MINUTES = {"M5": 5, "M15": 15, "H1": 60, "H4": 240, "D1": 1440}
MS_PER_MIN = 60_000
EDGE_PROFILE_SIDES = ("bid", "ask")


def _weekend(ms: int) -> bool:
    """FX weekend: Friday 22:00 UTC .. Sunday 22:00 UTC."""
    dt = datetime_of(ms)
    wd, h = dt.weekday(), dt.hour
    return (wd == 4 and h >= 22) or wd == 5 or (wd == 6 and h < 22)


def _walk(rng: np.random.Generator, n: int, start: float, vol: float, decimals: int) -> np.ndarray:
    """Closes of a log random walk with volatility regimes, rounded to a tick."""
    regime = np.repeat(rng.choice([0.5, 1.0, 2.5], size=n // 500 + 1), 500)[:n]
    steps = rng.standard_t(df=4, size=n) * vol * regime
    return np.round(start * np.exp(np.cumsum(steps)), decimals)


def _bars(rng: np.random.Generator, closes: np.ndarray, decimals: int, tick: float) -> List[Tuple[float, float, float, float, float]]:
    out = []
    prev = float(closes[0])
    for c in closes:
        c = float(c)
        o = prev if rng.random() < 0.9 else round(prev + tick * int(rng.integers(-3, 4)), decimals)
        hi = round(max(o, c) + tick * int(rng.integers(0, 6)), decimals)
        lo = round(min(o, c) - tick * int(rng.integers(0, 6)), decimals)
        vol = float(int(rng.integers(1, 500)))
        out.append((o, hi, lo, c, vol))
        prev = c
    return out


def _ask(rng: np.random.Generator, bar: Tuple[float, ...], decimals: int, tick: float) -> Tuple[float, ...]:
    spread = tick * int(rng.integers(1, 4))
    o, h, l, c, v = bar
    return (round(o + spread, decimals), round(h + spread, decimals), round(l + spread, decimals),
            round(c + spread, decimals), v)


def _aggregate(times: List[int], bars: List[Optional[Tuple[float, ...]]], tf: str) -> Dict[int, Tuple[float, ...]]:
    """Higher-timeframe bars (keyed by UTC bucket open) from the primary bars of one side."""
    size = MINUTES[tf] * MS_PER_MIN
    out: Dict[int, List[float]] = {}
    for t, b in zip(times, bars):
        if b is None:
            continue
        key = (t // size) * size
        if tf == "D1" and datetime_of(key).weekday() >= 5:
            continue
        o, h, l, c, v = b
        if key not in out:
            out[key] = [o, h, l, c, v]
        else:
            agg = out[key]
            agg[1] = max(agg[1], h)
            agg[2] = min(agg[2], l)
            agg[3] = c
            agg[4] += v
    return {k: tuple(v) for k, v in out.items()}


def _carry_forward(times: List[int], htf: Dict[int, Any], tf: str, primary_tf: str) -> List[Any]:
    """Row t gets the latest bar with open + duration <= t, or None when it closed >= 2 bars ago."""
    size = MINUTES[tf] * MS_PER_MIN
    keys = sorted(htf)
    out: List[Any] = []
    j = -1
    for t in times:
        while j + 1 < len(keys) and keys[j + 1] + size <= t:
            j += 1
        if j < 0 or t - (keys[j] + size) >= 2 * size:
            out.append(None)
        else:
            out.append(htf[keys[j]])
    return out


def multi_timeframe(name: str, seed: int, rows: int, primary_tf: str, higher: List[str], start_ms: int,
                    price: float, vol: float, decimals: int, make_candle: Callable[..., Any]) -> Dataset:
    rng = np.random.default_rng(seed)
    step = MINUTES[primary_tf] * MS_PER_MIN
    times: List[int] = []
    t = start_ms
    extra = rows + rows // 20 + 200
    while len(times) < extra:
        if not _weekend(t):
            times.append(t)
        t += step
    # holes on both sides: a few runs of removed primary bars
    holes = []
    keep = np.ones(len(times), dtype=bool)
    for _ in range(5):
        at = int(rng.integers(100, len(times) - 200))
        length = int(rng.choice([1, 3, 12, 40, 150]))
        keep[at:at + length] = False
        holes.append([at, length])
    times = [tm for tm, k in zip(times, keep) if k][:rows]
    tick = 10.0 ** -decimals
    bid_bars: List[Optional[Tuple[float, ...]]] = list(_bars(rng, _walk(rng, rows, price, vol, decimals), decimals, tick))
    ask_bars: List[Optional[Tuple[float, ...]]] = [_ask(rng, b, decimals, tick) for b in bid_bars if b is not None]
    one_sided = {"bid": [], "ask": []}
    for side, bars in (("bid", bid_bars), ("ask", ask_bars)):
        for i in rng.choice(np.arange(1, rows - 1), size=4, replace=False):
            bars[int(i)] = None
            one_sided[side].append(times[int(i)])
    data: Dict[str, Dict[str, List[Any]]] = {primary_tf: {}}
    for side, bars in (("bid", bid_bars), ("ask", ask_bars)):
        data[primary_tf][side] = [None if b is None else make_candle(datetime_of(tm), b, side)
                                  for tm, b in zip(times, bars)]
    removed: Dict[str, Any] = {}
    for tf in higher:
        data[tf] = {}
        for side, bars in (("bid", bid_bars), ("ask", ask_bars)):
            agg = _aggregate(times, bars, tf)
            keys = sorted(agg)
            gone = sorted(int(k) for k in rng.choice(keys[2:], size=min(3, max(0, len(keys) - 2)), replace=False))
            for k in gone:
                del agg[k]
            removed.setdefault(tf, {})[side] = gone
            objs = {k: make_candle(datetime_of(k), v, side) for k, v in agg.items()}
            data[tf][side] = _carry_forward(times, objs, tf, primary_tf)
    targets: Dict[str, List[str]] = {}
    for tf in [primary_tf] + higher:
        for side in ("bid", "ask"):
            targets[f"{tf}/{side}"] = ["core", "local_min"]
    targets[f"{primary_tf}/bid"] = ["core", "local"]
    targets[f"{higher[0]}/bid"] = ["full", "local"]
    return Dataset(
        name=name,
        description=(f"Seeded synthetic {primary_tf} random walk (weekends, holes, one-sided missing bars), "
                     f"aggregated into {'/'.join(higher)} (UTC buckets; weekend D1 bars dropped; 3 bars per "
                     "timeframe and side removed) and carried forward onto the primary rows by the generator "
                     "(previous completed bar; None once it closed two or more of its bars ago)."),
        primary_tf=primary_tf, timestamp=times, data=data, candle_kind="Candle dataclass objects",
        provenance={"generator": "tooling/reference-gen (numpy default_rng(seed))", "seed": seed,
                    "holes_bars": holes, "missing_on_one_side_ms": one_sided, "htf_bars_removed_ms": removed,
                    "alignment": "generator's own carry-forward (not the original runner alignment)"},
        profile={"targets": targets,
                 "all_rows": [["case", higher[0], "bid", "ema_stepwise", {"period": 14}],
                              ["case", higher[0], "bid", "atr", {}], ["case", primary_tf, "bid", "rsi", {}]],
                 "degenerate": [primary_tf, "bid"]},
        sample_stride=50,
    )


def candle_factory(candle_cls: Any) -> Callable[..., Any]:
    def make(ts: Any, bar: Tuple[float, ...], side: str) -> Any:
        o, h, l, c, v = bar
        return candle_cls(timestamp=ts, open=o, high=h, low=l, close=c, volume=v, candle_type=side)
    return make


def edge(name: str, description: str, bid: List[Any], ask: Optional[List[Any]], make: Callable[..., Any],
         seed: Optional[int], dict_candles: bool = False, start_ms: int = 1_735_689_600_000) -> Dataset:
    """A single-timeframe H1 dataset from per-row bars (None = no candle)."""
    n = len(bid)
    times = [start_ms + i * 3_600_000 for i in range(n)]

    def build(bars: List[Any], side: str) -> List[Any]:
        out = []
        for tm, b in zip(times, bars):
            if b is None:
                out.append(None)
            elif dict_candles:
                o, h, l, c, v = b
                out.append({"timestamp": datetime_of(tm), "open": o, "high": h, "low": l, "close": c, "volume": v})
            else:
                out.append(make(datetime_of(tm), b, side))
        return out

    data = {"H1": {"bid": build(bid, "bid")}}
    targets = {"H1/bid": ["full", "local"]}
    if ask is not None:
        data["H1"]["ask"] = build(ask, "ask")
        targets["H1/ask"] = ["full", "local"]
    return Dataset(name=name, description=description, primary_tf="H1", timestamp=times, data=data,
                   candle_kind="dict candles" if dict_candles else "Candle dataclass objects",
                   provenance={"generator": "tooling/reference-gen (hand-made IndicatorCache input, not aligned)",
                               "seed": seed},
                   profile={"targets": targets, "all_rows": "*", "degenerate": ["H1", "bid"]})

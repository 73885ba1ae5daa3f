"""Small seeded H1 inputs for edge behaviour, none of them in the shared set."""
from __future__ import annotations

from typing import Any, Callable, List, Optional, Tuple

import numpy as np

from .inputs import Dataset
from .synthetic import edge

Bar = Optional[Tuple[float, float, float, float, float]]


def _ohlc(rng: np.random.Generator, closes: np.ndarray, spread: float) -> List[Bar]:
    out: List[Bar] = []
    prev = float(closes[0])
    for c in closes:
        c = float(c)
        wick = abs(float(rng.normal(0, spread)))
        out.append((prev, max(prev, c) + wick, min(prev, c) - wick, c, float(int(rng.integers(0, 1000)))))
        prev = c
    return out


def _holes(bars: List[Bar], runs: List[Tuple[int, int]]) -> List[Bar]:
    out = list(bars)
    for start, length in runs:
        for i in range(start, min(start + length, len(out))):
            out[i] = None
    return out


def edge_datasets(make: Callable[..., Any]) -> List[Dataset]:
    out: List[Dataset] = []
    rng = np.random.default_rng(5150)
    closes = 50 + np.cumsum(rng.normal(0, 0.4, 400))
    bars = _ohlc(rng, closes, 0.2)
    bid = _holes(bars, [(0, 5), (37, 1), (90, 60), (203, 2), (260, 11), (398, 2)])
    ask = _holes([None if b is None else tuple(x + 0.02 if k < 4 else x for k, x in enumerate(b)) for b in bars],
                 [(1, 1), (120, 25), (300, 3)])
    out.append(edge("edge-gappy-walk", "400-bar random walk around 50; bid None at 0-4, 37, 90-149 (longer than 50), "
                    "203-204, 260-270, 398-399; ask None at 1, 120-144, 300-302.", bid, ask, make, 5150))

    rng = np.random.default_rng(777)
    segs: List[float] = []
    level = 10.0
    while len(segs) < 260:
        segs += [level] * int(rng.integers(8, 45))
        level = round(level + float(rng.choice([-0.5, -0.25, 0.25, 0.5, 1.0])), 2)
    segs = segs[:260]
    flat = [(c, c, c, c, 0.0) if i % 3 else (c, c + 0.1, c - 0.1, c, 5.0) for i, c in enumerate(segs)]
    out.append(edge("edge-flat-segments", "260 bars of piecewise-constant closes (runs of 8-44 equal closes, steps "
                    "of +-0.25..1); every third bar has range 0.2, the others high == low.", flat, None, make, 777))

    rng = np.random.default_rng(4242)
    zc = np.round(np.cumsum(rng.normal(0, 0.3, 300)) - 1.0, 2)
    for i in (30, 31, 150, 299):
        zc[i] = 0.0
    zbars = _ohlc(rng, zc, 0.1)
    out.append(edge("edge-zero-cross-walk", "300-bar random walk crossing zero several times, closes rounded to "
                    "0.01, exact 0.0 closes at rows 30, 31, 150 and 299.", zbars, None, make, 4242))

    rng = np.random.default_rng(99)
    big = 3.0e14 * np.exp(np.cumsum(rng.normal(0, 0.01, 240)))
    out.append(edge("edge-huge-walk", "240-bar log random walk around 3e14.", _ohlc(rng, big, 1e11), None, make, 99))
    small = 4.0e-11 * np.exp(np.cumsum(rng.normal(0, 0.01, 240)))
    out.append(edge("edge-tiny-walk", "240-bar log random walk around 4e-11.", _ohlc(rng, small, 1e-14), None, make, 99))

    out.append(edge("edge-len2", "Two bars.", [(1.0, 1.5, 0.5, 1.2, 3.0), (1.2, 1.3, 1.1, 1.25, 4.0)],
                    [(1.01, 1.51, 0.51, 1.21, 3.0), (1.21, 1.31, 1.11, 1.26, 4.0)], make, None))
    rng = np.random.default_rng(15)
    b15 = _ohlc(rng, 2 + np.cumsum(rng.normal(0, 0.05, 15)), 0.02)
    out.append(edge("edge-len15", "15 bars (between the default periods 14 and 20).", b15, None, make, 15))

    rng = np.random.default_rng(31)
    wb = _ohlc(rng, 7 + np.cumsum(rng.normal(0, 0.05, 60)), 0.02)
    out.append(edge("edge-bid-all-none", "60 rows; bid has no candle at all (every row None), ask is a random walk.",
                    [None] * 60, wb, make, 31))

    rng = np.random.default_rng(2718)
    pb = _ohlc(rng, 3 + np.cumsum(rng.normal(0, 0.05, 150)), 0.02)
    dict_bars: List[Any] = []
    for i, b in enumerate(pb):
        o, h, l, c, v = b
        if i in (5, 77):
            c = None
        if i in (12, 13, 100):
            v = None
        if i in (40, 41, 42):
            o = None
        if i == 120:
            h = l = None
        dict_bars.append((o, h, l, c, v))
    out.append(edge("edge-dict-partial-walk", "150 dict candles; close None at rows 5 and 77, volume None at 12, 13 and "
                    "100, open None at 40-42, high = low = None at 120 (NaN in that column only).", dict_bars, None,
                    make, 2718, dict_candles=True))
    return out


def stepwise_dataset(make: Callable[..., Any]) -> Dataset:
    """H1 rows with an H4 list carried forward by hand: same object repeated, None gaps, same object
    again after a gap (not a new bar) and equal-valued distinct objects (new bars)."""
    from .inputs import datetime_of
    rng = np.random.default_rng(1234)
    n = 180
    h1 = _ohlc(rng, 20 + np.cumsum(rng.normal(0, 0.1, n)), 0.05)
    start = 1_735_689_600_000
    times = [start + i * 3_600_000 for i in range(n)]
    data: dict = {"H1": {"bid": [make(datetime_of(t), b, "bid") for t, b in zip(times, h1)]}, "H4": {}}
    for side, shift in (("bid", 0.0), ("ask", 0.03)):
        rows: List[Any] = []
        cur: Any = None
        prev_vals: Any = None
        for i, t in enumerate(times):
            if i % 4 == 0:
                roll = rng.random()
                if roll < 0.1 and prev_vals is not None:
                    cur = make(datetime_of(t + 60_000), prev_vals, side)  # equal values, new object
                elif roll < 0.15 and cur is not None:
                    pass  # same bar continues (repeated object)
                else:
                    seg = h1[max(0, i - 4):i] or h1[:1]
                    vals = (seg[0][0] + shift, max(b[1] for b in seg) + shift, min(b[2] for b in seg) + shift,
                            seg[-1][3] + shift, sum(b[4] for b in seg))
                    cur = make(datetime_of(t - 4 * 3_600_000), vals, side)
                    prev_vals = vals
            gap = (side == "bid" and (i < 3 or 50 <= i < 57 or 101 <= i < 103 or i in (140, 141))) or \
                  (side == "ask" and (70 <= i < 90 or i == 0))
            rows.append(None if gap else cur)
        data["H4"][side] = rows
    return Dataset(name="edge-stepwise-random",
                   description="180 H1 rows; an H4-like list carried forward by hand (bar every 4 rows, "
                               "sometimes the same object for 8 rows, sometimes an equal-valued new object), with "
                               "None runs (bid 0-2, 50-56, 101-102, 140-141; ask 0, 70-89) that resume with the "
                               "same object.",
                   primary_tf="H1", timestamp=times, data=data, candle_kind="Candle dataclass objects",
                   provenance={"generator": "tooling/reference-gen (hand-made IndicatorCache input, not aligned)",
                               "seed": 1234},
                   profile={"targets": {"H4/bid": ["full", "local"], "H4/ask": ["core", "local_min"],
                                        "H1/bid": ["core", "local_min"]},
                            "all_rows": "*", "degenerate": ["H1", "bid"]})

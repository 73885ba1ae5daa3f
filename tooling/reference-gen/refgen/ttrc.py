"""TTR's `ttrc` (daily OHLCV) from a CSV exported with R (see README: Rscript ... sprintf('%.17g'))."""
from __future__ import annotations

import csv
from datetime import datetime, timezone
from typing import Any, Callable, List

from .inputs import Dataset


def ttrc_dataset(csv_path: str, rows: int, make_candle: Callable[..., Any]) -> Dataset:
    with open(csv_path, newline="") as fh:
        records = list(csv.DictReader(fh))[:rows]
    times: List[int] = []
    bid: List[Any] = []
    ask: List[Any] = []
    for r in records:
        ts = datetime.strptime(r["date"], "%Y-%m-%d").replace(tzinfo=timezone.utc)
        times.append(int(ts.timestamp() * 1000))
        o, h, l, c, v = (float(r[k]) for k in ("open", "high", "low", "close", "volume"))
        bid.append(make_candle(ts, (o, h, l, c, v), "bid"))
        ask.append(make_candle(ts, (o + 0.01, h + 0.01, l + 0.01, c + 0.01, v), "ask"))
    first, last = records[0]["date"], records[-1]["date"]
    return Dataset(
        name=f"ttrc-{len(records)}",
        description=(f"R package TTR dataset `ttrc` (daily OHLCV, {len(records)} rows, {first}..{last}). Single "
                     "timeframe D1; bid = data, ask = bid + 0.01 on open/high/low/close (float64 addition), same volume."),
        primary_tf="D1", timestamp=times, data={"D1": {"bid": bid, "ask": ask}},
        candle_kind="Candle dataclass objects",
        provenance={"source": "R TTR::ttrc", "export": "Rscript sprintf('%.17g') -> float()", "ask_spread": 0.01},
        profile={"targets": {"D1/bid": ["full", "local"], "D1/ask": ["core", "local_min"]},
                 "all_rows": [["grid", "D1", "bid", "core"], ["grid", "D1", "ask", "core"]],
                 "degenerate": ["D1", "bid"]},
        sample_stride=5,
    )

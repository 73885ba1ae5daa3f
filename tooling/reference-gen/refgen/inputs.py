"""A dataset: the aligned candle lists IndicatorCache takes, and its dataset-file form."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any, Callable, Dict, List, Optional

from .encoding import number, volume

FIELDS = ("open", "high", "low", "close", "volume")


@dataclass
class Dataset:
    """`data[tf][side]` is a list (one element per row) of candle objects or dicts, or None.

    Repeated rows of one higher-timeframe bar hold the SAME object (carry-forward)."""

    name: str
    description: str
    primary_tf: str
    timestamp: List[int]
    data: Dict[str, Dict[str, List[Any]]]
    candle_kind: str
    provenance: Dict[str, Any]
    profile: Dict[str, Any]
    sample_stride: Optional[int] = None
    extra: Dict[str, Any] = field(default_factory=dict)

    @property
    def length(self) -> int:
        return len(self.timestamp)


def ms_of(ts: Any) -> int:
    if isinstance(ts, datetime):
        return int(round(ts.timestamp() * 1000))
    return int(ts)


def datetime_of(ms: int) -> datetime:
    return datetime.fromtimestamp(ms / 1000.0, tz=timezone.utc)


def _get(c: Any, name: str) -> Any:
    return c.get(name) if isinstance(c, dict) else getattr(c, name)


def dataset_file(ds: Dataset) -> Dict[str, Any]:
    """The `datasets/<name>.json` object."""
    tfs: Dict[str, Any] = {}
    for tf, sides in ds.data.items():
        tfs[tf] = {}
        for side in ("bid", "ask"):
            if side not in sides:
                continue
            cols: Dict[str, list] = {"bar_timestamp": []}
            for f in FIELDS:
                cols[f] = []
            for c in sides[side]:
                if c is None:
                    cols["bar_timestamp"].append(None)
                    for f in FIELDS:
                        cols[f].append(None)
                    continue
                cols["bar_timestamp"].append(ms_of(_get(c, "timestamp")))
                for f in FIELDS:
                    v = _get(c, f)
                    cols[f].append(volume(v) if f == "volume" else number(v))
            tfs[tf][side] = cols
    return {
        "format": "omega-indicator-reference/1",
        "name": ds.name,
        "description": ds.description,
        "primary_tf": ds.primary_tf,
        "length": ds.length,
        "candle_kind": ds.candle_kind,
        "timestamp": [int(t) for t in ds.timestamp],
        "timeframes": tfs,
    }


def data_from_file(obj: Dict[str, Any], make_candle: Callable[..., Any]) -> Dict[str, Dict[str, List[Any]]]:
    """Rebuild the candle lists of a dataset file: one object per run of a bar (README rule)."""
    dict_candles = obj["candle_kind"] == "dict candles"
    data: Dict[str, Dict[str, List[Any]]] = {}
    for tf, sides in obj["timeframes"].items():
        data[tf] = {}
        for side, cols in sides.items():
            out: List[Any] = []
            prev_ts: Optional[int] = None
            prev_obj: Any = None
            for i, ts in enumerate(cols["bar_timestamp"]):
                if ts is None:
                    out.append(None)
                    continue
                if prev_obj is not None and ts == prev_ts:
                    out.append(prev_obj)
                    continue
                vals = {f: _decode(cols[f][i]) for f in FIELDS}
                if dict_candles:
                    c: Any = {"timestamp": datetime_of(ts), **vals}
                else:
                    c = make_candle(timestamp=datetime_of(ts), candle_type=side, **vals)
                out.append(c)
                prev_ts, prev_obj = ts, c
            data[tf][side] = out
    return data


def _decode(v: Any) -> Any:
    if v is None:
        return None
    if v == "Infinity":
        return float("inf")
    if v == "-Infinity":
        return float("-inf")
    return v

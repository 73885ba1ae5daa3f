"""Run the reference cases of one dataset through the original IndicatorCache and encode them."""
from __future__ import annotations

from typing import Any, Callable, Dict, List, Optional, Sequence

import numpy as np
import pandas as pd

from . import grid
from .encoding import number, numbers
from .inputs import Dataset

TUPLE_NAMES = {
    "macd": ["macd", "signal"],
    "dmi": ["plus_di", "minus_di", "adx"],
    "bollinger": ["upper", "mid", "lower"],
    "bollinger_stepwise": ["upper", "mid", "lower"],
}


def case_id(method: str, tf: str, side: str, params: Dict[str, Any]) -> str:
    return f"{method}|{tf}|{side}|" + ",".join(f"{k}={v}" for k, v in params.items())


def _full_range(index: pd.Index, n: int) -> bool:
    if len(index) != n:
        return False
    return n == 0 or (isinstance(index, pd.RangeIndex) and index.start == 0 and index.step == 1)


def _series_values(s: pd.Series, n: int, all_rows: bool, sample_rows: Sequence[int]) -> Dict[str, Any]:
    arr = s.to_numpy(dtype="float64")
    if not _full_range(s.index, n):
        return {"length": len(s), "rows": "index", "index": [int(i) for i in s.index], "values": numbers(arr)}
    if all_rows:
        return {"length": n, "rows": "all", "values": numbers(arr)}
    return {"length": n, "rows": "sample", "values": numbers(arr[list(sample_rows)])}


def encode_result(method: str, result: Any, n: int, all_rows: bool, sample_rows: Sequence[int]) -> Dict[str, Any]:
    if method == "get_df":
        first = result["close"]
        out = {"kind": "frame"}
        parts = {c: _series_values(result[c], n, all_rows, sample_rows) for c in ("open", "high", "low", "close", "volume")}
        out.update({k: v for k, v in parts["close"].items() if k != "values"})
        out["values"] = {c: p["values"] for c, p in parts.items()}
        assert len(first) == out["length"]
        return out
    if method in TUPLE_NAMES:
        names = TUPLE_NAMES[method]
        parts = [_series_values(s, n, all_rows, sample_rows) for s in result]
        out = {"kind": "tuple"}
        out.update({k: v for k, v in parts[0].items() if k != "values"})
        out["values"] = {name: p["values"] for name, p in zip(names, parts)}
        return out
    if method == "kalman_garch_zscore_local":
        return {"kind": "scalar", "value": number(result)}
    out = {"kind": "series"}
    out.update(_series_values(result, n, all_rows, sample_rows))
    return out


class CaseRunner:
    """One fresh IndicatorCache per case (results do not depend on call order)."""

    def __init__(self, indicator_cache_cls: Callable[[Any], Any], ds: Dataset, sample_rows: Sequence[int]):
        self.cls = indicator_cache_cls
        self.ds = ds
        self.n = ds.length
        self.sample_rows = list(sample_rows)

    def _fresh(self) -> Any:
        return self.cls(self.ds.data)

    def call(self, method: str, tf: str, side: str, params: Dict[str, Any], all_rows: bool) -> Dict[str, Any]:
        case: Dict[str, Any] = {"id": case_id(method, tf, side, params), "method": method, "tf": tf,
                                "side": side, "params": dict(params)}
        cache = self._fresh()
        try:
            result = getattr(cache, method)(tf, side, **params)
        except Exception as exc:  # the original raised: record type and message
            case.update({"kind": "error", "error": {"type": type(exc).__name__, "message": str(exc)}})
            return case
        case.update(encode_result(method, result, self.n, all_rows, self.sample_rows))
        return case

    def at(self, tf: str, side: str, index: int) -> Dict[str, Any]:
        params = {"period": 14}
        cache = self._fresh()
        value = cache.at(cache.ema(tf, side, **params), index)
        return {"id": f"at|ema|{tf}|{side}|period=14|index={index}", "method": "at",
                "series": {"method": "ema", "tf": tf, "side": side, "params": params},
                "index": index, "kind": "scalar", "value": number(value)}


def _is_all_rows(profile: Dict[str, Any], tf: str, side: str, method: str, params: Dict[str, Any],
                 in_core: bool) -> bool:
    spec = profile.get("all_rows", "*")
    if spec == "*":
        return True
    for entry in spec:
        if entry[0] == "grid" and entry[1] == tf and entry[2] == side and entry[3] == "core" and in_core:
            return True
        if entry[0] == "case" and entry[1] == tf and entry[2] == side and entry[3] == method and entry[4] == params:
            return True
    return False


def run_dataset(indicator_cache_cls: Callable[[Any], Any], ds: Dataset, sample_rows: Sequence[int],
                log: Optional[Callable[[str], None]] = None) -> List[Dict[str, Any]]:
    runner = CaseRunner(indicator_cache_cls, ds, sample_rows)
    n = ds.length
    profile = ds.profile
    core = grid.core_grid()
    cases: List[Dict[str, Any]] = []
    ordered = [f"{tf}/{side}" for tf in ds.data for side in ("bid", "ask") if f"{tf}/{side}" in profile["targets"]]
    for target in ordered:
        kinds = profile["targets"][target]
        tf, side = target.split("/")
        if log:
            log(f"{ds.name}: {target} {kinds}")
        calls = grid.full_grid() if "full" in kinds else core
        for method, params in calls:
            all_rows = _is_all_rows(profile, tf, side, method, params, (method, params) in core)
            cases.append(runner.call(method, tf, side, params, all_rows))
        local_all = profile.get("all_rows", "*") == "*"
        if "local" in kinds:
            for idx in grid.local_idx_candidates(n):
                for method in ("garch_volatility_local", "kalman_garch_zscore_local"):
                    other = dict(grid.LOCAL_OTHER)
                    if method == "kalman_garch_zscore_local":
                        other = {**grid.KALMAN_OTHER, **other}
                    cases.append(runner.call(method, tf, side, {"idx": idx}, local_all))
                    cases.append(runner.call(method, tf, side, {"idx": idx, **other}, local_all))
            for method in ("garch_volatility_local", "kalman_garch_zscore_local"):
                cases.append(runner.call(method, tf, side, {"idx": max(n - 1, 0), **grid.GARCH_UNSTABLE}, local_all))
            for method, params in grid.vol_cluster_calls(n):
                cases.append(runner.call(method, tf, side, params, _is_all_rows(profile, tf, side, method, params, False)))
        elif "local_min" in kinds:
            for idx in (n // 2, n - 1):
                for method in ("garch_volatility_local", "kalman_garch_zscore_local"):
                    cases.append(runner.call(method, tf, side, {"idx": idx}, local_all))
    dtf, dside = profile["degenerate"]
    for method, params in grid.degenerate_grid():
        cases.append(runner.call(method, dtf, dside, params, _is_all_rows(profile, dtf, dside, method, params, False)))
    for tf, side, method, params in grid.unknown_keys():
        cases.append(runner.call(method, ds.primary_tf if tf == "<primary>" else tf, side, params, True))
    for index in grid.at_index_candidates(n):
        cases.append(runner.at(dtf, dside, index))
    return cases

"""SymbolDataSlice / CandleSet traces (expected/<name>.symbol_data_slice.json) from the original.

The original slicer only indexes lists and never looks inside a candle, so it is run on lists that
hold each row's number instead of its candle (None stays None): what it returns are then exactly
the row numbers the format stores."""
from __future__ import annotations

from typing import Any, Dict, List, Optional

import numpy as np

from .inputs import Dataset

GET_ROWS_IN_FULL = 64


def _served(side: str) -> str:
    return "bid" if side == "bid" else "ask"


def _list_expect(rows: List[Optional[int]], side: str) -> Dict[str, Any]:
    out: Dict[str, Any] = {"expect": list(rows)}
    if any(r is not None for r in rows):
        out["served_side"] = _served(side)
    return out


def _get_expect(rows: List[Optional[int]], side: str) -> Dict[str, Any]:
    n = len(rows)
    exp = {"length": n, "rows": list(rows)} if n <= GET_ROWS_IN_FULL else \
        {"length": n, "first_rows": list(rows[:3]), "last_rows": list(rows[-3:])}
    out: Dict[str, Any] = {"expect": exp}
    if any(r is not None for r in rows):
        out["served_side"] = _served(side)
    return out


class TraceBuilder:
    def __init__(self, slicer_module: Any, ds: Dataset, seed: int):
        self.mod = slicer_module
        self.rows = {tf: {side: [i if c is not None else None for i, c in enumerate(lst)] for side, lst in sides.items()}
                     for tf, sides in ds.data.items()}
        self.steps: List[Dict[str, Any]] = []
        self.slice: Any = None
        self.views: Dict[str, Any] = {}
        self.view_side: Dict[str, str] = {}
        self.candleset: Any = None
        self.rng = np.random.default_rng(seed)

    def _run(self, step: Dict[str, Any], fn: Any, encode: Any = None) -> None:
        try:
            result = fn()
        except Exception as exc:
            step["error"] = {"type": type(exc).__name__, "message": str(exc)}
            self.steps.append(step)
            return
        if encode is not None:
            step.update(encode(result))
        self.steps.append(step)

    def new(self, index: int) -> None:
        self._run({"op": "new", "index": index}, lambda: setattr(self, "slice", self.mod.SymbolDataSlice(self.rows, index)))

    def set_index(self, index: int) -> None:
        self._run({"op": "set_index", "index": index}, lambda: self.slice.set_index(index))

    def latest(self, tf: str, side: str) -> None:
        def enc(r: Optional[int]) -> Dict[str, Any]:
            return {"expect": r, "served_side": _served(side)} if r is not None else {"expect": None}
        self._run({"op": "latest", "tf": tf, "side": side}, lambda: self.slice.latest(tf, side), enc)

    def history(self, tf: str, side: str, length: int) -> None:
        self._run({"op": "history", "tf": tf, "side": side, "length": length},
                  lambda: self.slice.history(tf, side, length), lambda r: _list_expect(list(r), side))

    def history_view(self, tf: str, side: str, length: int, handle: str) -> None:
        def call() -> Any:
            dq = self.slice.history_view(tf, side, length)
            self.views[handle] = dq
            self.view_side[handle] = side
            return dq
        self._run({"op": "history_view", "tf": tf, "side": side, "length": length, "handle": handle},
                  call, lambda r: _list_expect(list(r), side))

    def read_view(self, handle: str) -> None:
        self._run({"op": "read_view", "handle": handle}, lambda: self.views[handle],
                  lambda r: _list_expect(list(r), self.view_side[handle]))

    def get_like(self, op: str, tf: str, side: Optional[str]) -> None:
        if op == "getitem":
            self._run({"op": op, "tf": tf}, lambda: self.slice[tf], lambda r: _get_expect(list(r), "bid"))
            return
        step = {"op": op, "tf": tf, "side": side}
        if op == "candleset_get_all":
            fn = lambda: self.candleset.get_all(tf, side)  # noqa: E731
        else:
            fn = lambda: getattr(self.slice, op)(tf, side)  # noqa: E731
        self._run(step, fn, lambda r: _get_expect(list(r), side or "bid"))

    def candleset_new(self) -> None:
        self._run({"op": "candleset_new"}, lambda: setattr(
            self, "candleset", self.mod.CandleSet(self.slice.tf_bid_candles, self.slice.tf_ask_candles)))

    def candleset_get_latest(self, tf: str, index: int, side: str) -> None:
        def enc(r: Optional[int]) -> Dict[str, Any]:
            return {"expect": r, "served_side": _served(side)} if r is not None else {"expect": None}
        self._run({"op": "candleset_get_latest", "tf": tf, "index": index, "side": side},
                  lambda: self.candleset.get_latest(tf, index, side), enc)


def build_trace(slicer_module: Any, ds: Dataset, seed: int) -> List[Dict[str, Any]]:
    n = ds.length
    tfs = list(ds.data)
    p = ds.primary_tf
    h = next((tf for tf in tfs if tf != p), p)
    t = TraceBuilder(slicer_module, ds, seed)
    i0 = min(100, max(n - 1, 0))
    t.new(i0)
    for tf, side in ((p, "bid"), (p, "ask"), (h, "bid"), (h, "ask")):
        t.latest(tf, side)
    t.history(p, "bid", 20)
    t.history(p, "bid", 5)
    t.history(p, "ask", 3)
    t.history_view(p, "ask", 10, "v1")
    t.history_view(h, "bid", 4, "v2")
    t.set_index(i0)
    t.read_view("v1")
    idx = i0

    def block(handles: List[str]) -> None:
        nonlocal idx
        for _ in range(int(t.rng.integers(1, 6))):
            idx += 1
            t.set_index(idx)
        t.history(p, "bid", 20)
        t.history(h, "bid", 5)
        for v in handles:
            t.read_view(v)
        t.latest(h, "bid")
        t.latest(p, "mid")

    for _ in range(8):
        block(["v1", "v2"])
    idx = max(n - 4, 0)
    t.set_index(idx)  # a jump: the kept views v1/v2 are no longer maintained
    t.history_view(p, "bid", 6, "ve")
    while idx < n + 3:  # run past the end: deques stop growing, latest is None
        block(["v1", "ve"])
    j = n // 2
    idx = j
    t.set_index(j)
    t.read_view("v1")
    t.history_view(p, "ask", 10, "v3")
    t.history(h, "bid", 5)
    for _ in range(4):
        block(["v1", "v3"])
    t.set_index(idx - 1)
    idx -= 1
    t.history(p, "bid", 20)
    t.read_view("v3")
    idx = 0
    t.set_index(0)
    t.history(p, "bid", 20)
    t.history_view(p, "ask", 3, "v4")
    t.history_view(h, "ask", 30, "v5")
    for _ in range(5):
        block(["v4", "v5"])
    t.set_index(-1)
    t.latest(p, "bid")
    t.history(p, "bid", 3)
    idx = min(5, n)
    t.set_index(idx)
    t.history(p, "bid", 0)
    t.history_view(p, "bid", 0, "v6")
    t.history(p, "bid", -1)
    t.history(h, "ask", 1)
    t.latest(p, "BID")
    t.history(p, "BID", 4)
    t.get_like("get", p, "bid")
    t.get_like("get", h, "ask")
    t.get_like("get", "W1", "bid")
    t.get_like("series_ref", p, "mid")
    t.get_like("getitem", p, None)
    t.get_like("getitem", "W1", None)
    t.candleset_new()
    for tf in tfs + ["W1"]:
        for index in sorted({0, min(5, n), idx, max(n - 1, 0), n, -1}):
            for side in ("bid", "ask", "mid"):
                t.candleset_get_latest(tf, index, side)
    for tf in tfs + ["W1"]:
        for side in ("bid", "ask"):
            t.get_like("candleset_get_all", tf, side)
    return t.steps

"""Run one alignment case through the original and encode it as an `expected/<name>.alignment.json`
file (layout of the shared files: one top-level key per line, one line per config key, per
input list, per `expected` key and per `per_tf` timeframe)."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Any, Callable, Dict, List, Optional

from .encoding import dumps, number, volume

EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)
FIELDS = ("open", "high", "low", "close", "volume")
CONFIG_KEYS = ("additional_tfs_mode", "stale_bar_limit_bars", "use_previous_completed_higher_tf",
               "entry_timestamp_mode", "max_missing_ratio", "higher_tf_timestamps_mode")
DEFAULTS = {"additional_tfs_mode": "carry_forward", "stale_bar_limit_bars": 0, "use_previous_completed_higher_tf": True,
            "entry_timestamp_mode": "open", "max_missing_ratio": 0.0, "higher_tf_timestamps_mode": {}}


@dataclass
class AlignmentCase:
    """`raw[tf][side]` holds the columns (timestamp in epoch ms, open..volume) of one raw list."""

    name: str
    description: str
    primary_tf: str
    config: Dict[str, Any]
    exercises: List[str]
    raw: Dict[str, Dict[str, Dict[str, List[Any]]]]
    dataset: Optional[str] = None
    dataset_rows: Optional[List[int]] = None
    provenance: Dict[str, Any] = field(default_factory=dict)


def datetime_of_ms(ms: int) -> datetime:
    return EPOCH + timedelta(milliseconds=ms)


def ms_of_datetime(dt: datetime) -> int:
    return (dt - EPOCH) // timedelta(milliseconds=1)


def symbol_map(case: AlignmentCase, candle_cls: Any) -> Dict[str, Any]:
    """The original's input: {symbol: {tf: {side: [Candle]}}} with tz-aware UTC datetimes."""
    tfs: Dict[str, Any] = {}
    for tf, sides in case.raw.items():
        tfs[tf] = {side: [candle_cls(datetime_of_ms(cols["timestamp"][i]), *(cols[f][i] for f in FIELDS), side)
                          for i in range(len(cols["timestamp"]))] for side, cols in sides.items()}
    return {"SYMBOL": tfs}


def run_case(case: AlignmentCase, build: Callable[..., Any], apply: Callable[..., Any], candle_cls: Any) -> Dict[str, Any]:
    """The `expected` object: the plan's indices, or the exception and the stage that raised it."""
    smap = symbol_map(case, candle_cls)
    config = {"timestamp_alignment": dict(case.config)}
    stage = "_build_alignment_plan"
    try:
        plan = build(smap, case.primary_tf, config)
        stage = "_apply_alignment_plan"
        apply(plan, smap, case.primary_tf)
    except Exception as exc:  # noqa: BLE001 - the original's exception is the expected result
        return {"error": {"type": type(exc).__name__, "message": str(exc), "stage": stage},
                "common_timestamps": None, "primary_bid_idx": None, "primary_ask_idx": None, "per_tf": None}
    return {"error": None, "common_timestamps": [ms_of_datetime(t) for t in plan.common_ts],
            "primary_bid_idx": list(plan.primary_bid_idx), "primary_ask_idx": list(plan.primary_ask_idx),
            "per_tf": {tf: {"bid": list(s["bid"]), "ask": list(s["ask"])} for tf, s in plan.per_tf.items()}}


def encoded_input(case: AlignmentCase) -> Dict[str, Any]:
    return {tf: {side: {"timestamp": [int(t) for t in cols["timestamp"]],
                        **{f: [volume(v) if f == "volume" else number(v) for v in cols[f]] for f in FIELDS}}
                 for side, cols in sides.items()} for tf, sides in case.raw.items()}


def _lines_object(entries: List[str]) -> str:
    return "{" + ",\n".join(entries) + "}"


def _kv(key: str, text: str) -> str:
    return dumps(key) + ":" + text


def file_text(case: AlignmentCase, expected: Dict[str, Any]) -> str:
    config = _lines_object([_kv(k, dumps(case.config[k])) for k in CONFIG_KEYS])
    raw = encoded_input(case)
    inp = _lines_object([_kv(tf, _lines_object([_kv(side, dumps(cols)) for side, cols in sides.items()]))
                         for tf, sides in raw.items()])
    err = expected["error"]
    per_tf = expected["per_tf"]
    exp = _lines_object([
        _kv("error", "null" if err is None else _lines_object([_kv(k, dumps(v)) for k, v in err.items()])),
        *(_kv(k, dumps(expected[k])) for k in ("common_timestamps", "primary_bid_idx", "primary_ask_idx")),
        _kv("per_tf", "null" if per_tf is None else _lines_object([_kv(tf, dumps(s)) for tf, s in per_tf.items()])),
    ])
    top = [_kv("format", dumps("omega-indicator-reference/1")), _kv("kind", dumps("alignment")),
           _kv("name", dumps(case.name)), _kv("dataset", dumps(case.dataset)),
           _kv("dataset_rows", dumps(case.dataset_rows)), _kv("description", dumps(case.description)),
           _kv("primary_tf", dumps(case.primary_tf)), _kv("timestamp_alignment", config),
           _kv("exercises", dumps(case.exercises)), _kv("input", inp), _kv("expected", exp)]
    return _lines_object(top) + "\n"


def manifest_entry(case: AlignmentCase, expected: Dict[str, Any], n_bytes: int) -> Dict[str, Any]:
    """The case's entry in manifest.json -> alignment_cases (same keys as the shared manifest)."""
    rows = expected["common_timestamps"]
    return {
        "name": case.name, "alignment_file": f"expected/{case.name}.alignment.json", "dataset": case.dataset,
        "dataset_rows": case.dataset_rows, "description": case.description, "primary_tf": case.primary_tf,
        "timeframes": list(case.raw), "timestamp_alignment": {k: case.config[k] for k in CONFIG_KEYS},
        "exercises": case.exercises,
        "raw_lengths": {tf: {side: len(cols["timestamp"]) for side, cols in sides.items()}
                        for tf, sides in case.raw.items()},
        "rows": None if rows is None else len(rows), "error": expected["error"], "provenance": case.provenance,
        "bytes": n_bytes,
    }


def case_from_file(obj: Dict[str, Any], provenance: Dict[str, Any]) -> AlignmentCase:
    """An AlignmentCase rebuilt from an existing alignment file (its stored raw input and config)."""
    return AlignmentCase(name=obj["name"], description=obj["description"], primary_tf=obj["primary_tf"],
                         config=obj["timestamp_alignment"], exercises=obj["exercises"], raw=obj["input"],
                         dataset=obj["dataset"], dataset_rows=obj["dataset_rows"], provenance=provenance)


def write_cases(out_dir: str, cases: List[AlignmentCase], build: Callable[..., Any], apply: Callable[..., Any],
                candle_cls: Any) -> List[Dict[str, Any]]:
    """Write `expected/<name>.alignment.json` for each case; their manifest entries."""
    entries = []
    for case in cases:
        expected = run_case(case, build, apply, candle_cls)
        text = file_text(case, expected)
        with open(f"{out_dir}/expected/{case.name}.alignment.json", "w", encoding="ascii") as fh:
            fh.write(text)
        entries.append(manifest_entry(case, expected, len(text.encode("ascii"))))
    return entries


def alignment_provenance(runner: Dict[str, str]) -> Dict[str, Any]:
    """manifest.json -> provenance.alignment of a set with generated alignment cases."""
    return {"function": "backtest_engine.runner._build_alignment_plan + _apply_alignment_plan (original)",
            "runner": runner, "defaults_when_absent": DEFAULTS,
            "note": "every case file holds its raw input and full config; the plan or error is the original's",
            "alignment_case_files": "expected/<name>.alignment.json: raw per-timeframe input, config and the "
                                    "original's plan (or error); see alignment_cases"}

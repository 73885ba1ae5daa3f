"""Alignment cases the shared set does not have: hand-made raw per-timeframe candle lists (seeded
values; only the timestamps matter to the alignment) and the config each one exercises."""
from __future__ import annotations

from typing import Any, Dict, Iterable, List, Optional

import numpy as np

from .alignment_run import DEFAULTS, AlignmentCase
from .synthetic import _weekend

MS_PER_MIN = 60_000
TF_MINUTES = {"Hx": 5, "m15": 15, "h1": 60, "M1": 1, "M5": 5, "M15": 15, "M30": 30, "H1": 60, "H4": 240, "D1": 1440}
FRI_2024_06_07 = 1_717_718_400_000  # 2024-06-07T00:00Z, a Friday
WED_2024_06_05 = 1_717_545_600_000  # 2024-06-05T00:00Z


def bar_opens(tf: str, start_ms: int, end_ms: int, weekends: bool = True) -> List[int]:
    """Open times of the UTC-aligned `tf` bars in [start_ms, end_ms), FX weekend left out."""
    size = TF_MINUTES[tf] * MS_PER_MIN
    first = -(-start_ms // size) * size
    return [t for t in range(first, end_ms, size) if not (weekends and _weekend(t))]


def columns(rng: np.random.Generator, stamps: List[int], price: float, spread: float) -> Dict[str, Dict[str, List[Any]]]:
    """bid and ask columns over the same timestamps: a 5-decimal walk, ask = bid + spread."""
    closes = np.round(price * np.exp(np.cumsum(rng.normal(0.0, 0.0007, len(stamps)))), 5)
    out: Dict[str, Dict[str, List[Any]]] = {}
    opens = np.concatenate([[price], closes[:-1]])
    highs = np.round(np.maximum(opens, closes) + rng.integers(0, 30, len(stamps)) * 1e-5, 5)
    lows = np.round(np.minimum(opens, closes) - rng.integers(0, 30, len(stamps)) * 1e-5, 5)
    vols = rng.integers(1, 5000, len(stamps))
    for side, add in (("bid", 0.0), ("ask", spread)):
        out[side] = {"timestamp": list(stamps),
                     **{f: [round(float(v) + add, 5) for v in arr] for f, arr in
                        (("open", opens), ("high", highs), ("low", lows), ("close", closes))},
                     "volume": [float(v) for v in vols]}
    return out


def drop(cols: Dict[str, List[Any]], stamps: Iterable[int]) -> None:
    """Remove the candles with these timestamps from one list (in place)."""
    gone = set(stamps)
    keep = [i for i, t in enumerate(cols["timestamp"]) if t not in gone]
    for key in cols:
        cols[key] = [cols[key][i] for i in keep]


def duplicate(cols: Dict[str, List[Any]], stamp: int) -> None:
    """Insert a second candle with this timestamp right after the first (other values: +1 tick)."""
    i = cols["timestamp"].index(stamp)
    for key in cols:
        v = cols[key][i]
        cols[key].insert(i + 1, v if key in ("timestamp", "volume") else round(v + 1e-5, 5))


def stamp_close(raw: Dict[str, Any], tf: str) -> None:
    """Both sides of `tf` close-stamped: each timestamp becomes the bar's close time."""
    for cols in raw[tf].values():
        cols["timestamp"] = [t + TF_MINUTES[tf] * MS_PER_MIN for t in cols["timestamp"]]


def raw_input(seed: int, order: List[str], start_ms: int, end_ms: int, higher_from_ms: Optional[int] = None,
              primary_tf: Optional[str] = None) -> Dict[str, Dict[str, Dict[str, List[Any]]]]:
    """Raw lists per timeframe in `order`; higher timeframes start at `higher_from_ms` (default start_ms)."""
    rng = np.random.default_rng(seed)
    raw = {}
    for tf in order:
        begin = start_ms if tf == primary_tf or higher_from_ms is None else higher_from_ms
        raw[tf] = columns(rng, bar_opens(tf, begin, end_ms), 1.08 + 0.01 * len(raw), 0.00012)
    return raw


def random_drops(seed: int, order: List[str], start_ms: int, end_ms: int, closed: List[str]) -> Dict[str, Any]:
    """raw_input over [start_ms, end_ms) with 2% of every list's candles removed at random (seeded),
    the timeframes in `closed` close-stamped."""
    raw = raw_input(seed, order, start_ms, end_ms)
    rng = np.random.default_rng(seed + 1000)
    for tf in order:
        for cols in raw[tf].values():
            stamps = cols["timestamp"]
            drop(cols, [t for t, u in zip(stamps, rng.random(len(stamps))) if u < 0.02])
    for tf in closed:
        stamp_close(raw, tf)
    return raw


def config(**overrides: Any) -> Dict[str, Any]:
    return {**DEFAULTS, "higher_tf_timestamps_mode": {}, **overrides}


def at(ms: int, hours: float) -> int:
    return ms + int(hours * 60) * MS_PER_MIN


def _case(name: str, description: str, primary_tf: str, cfg: Dict[str, Any], exercises: List[str],
          raw: Dict[str, Any]) -> AlignmentCase:
    return AlignmentCase(name=name, description=description, primary_tf=primary_tf, config=cfg,
                         exercises=exercises, raw=raw)


def alignment_cases() -> List[AlignmentCase]:
    wed, fri = WED_2024_06_05, FRI_2024_06_07
    out = []

    raw = raw_input(101, ["M15", "H1", "H4"], wed, at(wed, 24), primary_tf="M15")
    drop(raw["M15"]["bid"], [at(wed, 3)])
    drop(raw["M15"]["ask"], [at(wed, 3.25)])
    duplicate(raw["M15"]["ask"], at(wed, 10))
    drop(raw["H1"]["bid"], [at(wed, 6), at(wed, 7)])
    drop(raw["H4"]["ask"], [at(wed, 8)])
    out.append(_case("align-stale1-entry-open",
                     "Primary M15 (one day) with H1, H4; stale_bar_limit_bars 1 (a completed bar is used on its "
                     "first two rows only), entry open. Bid lacks 03:00, ask lacks 03:15; one ask primary timestamp "
                     "(10:00) occurs twice; H1 bid 06:00 and 07:00 and H4 ask 08:00 removed.",
                     "M15", config(stale_bar_limit_bars=1),
                     ["stale_bar_limit_bars=1", "entry_timestamp_mode=open", "bid/ask primary mismatch",
                      "duplicate primary timestamp", "removed higher-timeframe bars"], raw))

    raw = raw_input(102, ["M5", "M15", "H1", "D1"], at(fri, 18), at(fri, 74), higher_from_ms=at(fri, -48), primary_tf="M5")
    stamp_close(raw, "H1")
    stamp_close(raw, "D1")
    drop(raw["M15"]["ask"], [at(fri, 20.5), at(fri, 20.75)])
    out.append(_case("align-stale7-close-stamped",
                     "Primary M5 from Friday 18:00 to Monday 02:00 (across the weekend) with M15, H1, D1; higher "
                     "timeframes from Wednesday 18:00. H1 and D1 candles carry the bar's close time "
                     "(higher_tf_timestamps_mode H1=close, D1=close). entry_timestamp_mode close, "
                     "stale_bar_limit_bars 7; M15 ask 20:30 and 20:45 removed.",
                     "M5", config(stale_bar_limit_bars=7, entry_timestamp_mode="close",
                                  higher_tf_timestamps_mode={"H1": "close", "D1": "close"}),
                     ["stale_bar_limit_bars=7", "entry_timestamp_mode=close", "higher_tf_timestamps_mode H1,D1=close",
                      "weekend", "several timeframes"], raw))

    raw = raw_input(103, ["M1", "M5", "M30", "H1"], at(wed, 9), at(wed, 12), primary_tf="M1")
    drop(raw["M1"]["bid"], [at(wed, 9.5), at(wed, 10)])
    drop(raw["M1"]["ask"], [at(wed, 11)])
    drop(raw["M5"]["bid"], [at(wed, 10.25)])
    out.append(_case("align-strict-mode",
                     "Primary M1 (3 hours) with M5, M30, H1; additional_tfs_mode strict and max_missing_ratio 0.5 "
                     "(accepted). Bid lacks 09:30 and 10:00, ask lacks 11:00; M5 bid 10:15 removed.",
                     "M1", config(additional_tfs_mode="strict", max_missing_ratio=0.5),
                     ["additional_tfs_mode=strict", "max_missing_ratio=0.5", "bid/ask primary mismatch",
                      "removed higher-timeframe bars"], raw))

    raw = raw_input(104, ["M15", "H1", "H4"], at(wed, 2), at(wed, 14), higher_from_ms=wed, primary_tf="M15")
    stamp_close(raw, "H1")
    drop(raw["H4"]["bid"], [at(wed, 4)])
    out.append(_case("align-uppercase-modes",
                     "Primary M15 (12 hours) with H1 (close-stamped) and H4. entry_timestamp_mode 'CLOSE' and "
                     "higher_tf_timestamps_mode H1='Close' (the original lower-cases both); stale_bar_limit_bars -2 "
                     "(not > 0: the default limit); H4 bid 04:00 removed.",
                     "M15", config(entry_timestamp_mode="CLOSE", stale_bar_limit_bars=-2,
                                   higher_tf_timestamps_mode={"H1": "Close"}),
                     ["entry_timestamp_mode upper case", "higher_tf_timestamps_mode value 'Close'",
                      "stale_bar_limit_bars < 0 (default limit)", "removed higher-timeframe bars"], raw))

    raw = raw_input(105, ["M15", "H1", "H4", "D1"], at(wed, -4), at(wed, 12), higher_from_ms=at(wed, -48), primary_tf="M15")
    gap = [t for t in raw["M15"]["bid"]["timestamp"] if at(wed, 5) <= t < at(wed, 9)]
    drop(raw["M15"]["bid"], gap)
    drop(raw["M15"]["ask"], gap)
    drop(raw["H1"]["ask"], [at(wed, 2)])
    out.append(_case("align-no-previous-completed-stale2",
                     "Primary M15 from Tuesday 20:00 to Wednesday 12:00 with H1, H4, D1 (from Monday); "
                     "use_previous_completed_higher_tf false, stale_bar_limit_bars 2, entry open. A 4-hour hole "
                     "(05:00-09:00, both sides) holds the H4 open 08:00, which is then never on the common grid; "
                     "the D1 bar opening at 00:00 is; H1 ask 02:00 removed.",
                     "M15", config(use_previous_completed_higher_tf=False, stale_bar_limit_bars=2),
                     ["use_previous_completed_higher_tf=false", "stale_bar_limit_bars=2",
                      "higher-timeframe open not on the common grid", "gap", "several timeframes"], raw))

    raw = raw_input(106, ["M5", "H1", "H4"], wed, at(wed, 8), higher_from_ms=at(wed, 3), primary_tf="M5")
    out.append(_case("align-higher-tf-starts-late",
                     "Primary M5 from 00:00 to 08:00 with H1 and H4 lists that start at 03:00 and 04:00: no "
                     "previous completed bar on the first rows (H1 until 04:00, H4 until 08:00: never). Default "
                     "config.",
                     "M5", config(), ["no previous completed bar", "carry_forward defaults"], raw))

    raw = raw_input(107, ["M30", "H1", "D1"], wed, at(wed, 6), primary_tf="M30")
    raw["D1"] = {side: {k: [] for k in cols} for side, cols in raw["D1"].items()}
    out.append(_case("align-empty-higher-tf",
                     "Primary M30 (6 hours) with H1 and an empty D1 list on both sides (every D1 index -1). "
                     "Default config.",
                     "M30", config(), ["empty higher-timeframe list", "no previous completed bar"], raw))

    raw = raw_input(108, ["D1", "H1", "H4"], at(wed, -48), at(wed, 8 * 24), primary_tf="H1")
    gap = [t for t in raw["H1"]["bid"]["timestamp"] if at(wed, 30) <= t < at(wed, 78)]
    drop(raw["H1"]["bid"], gap)
    drop(raw["H1"]["ask"], gap)
    drop(raw["H4"]["bid"], [at(wed, 4), at(wed, 8)])
    drop(raw["D1"]["ask"], [at(wed, 24)])
    out.append(_case("align-primary-not-first",
                     "Primary H1 listed between D1 and H4 (input order D1, H1, H4; per_tf keeps D1, H4), Monday "
                     "00:00 to the second Thursday 00:00 with a weekend and a 48-hour hole on both sides "
                     "(Thursday 06:00 to Saturday 06:00, i.e. into the weekend); H4 bid 04:00 and 08:00 and D1 ask "
                     "Thursday removed. Default config.",
                     "H1", config(), ["primary not first in input", "gap", "weekend", "removed higher-timeframe bars"], raw))

    raw = raw_input(109, ["M30", "H4", "D1"], at(fri, -24), at(fri, 96), primary_tf="M30")
    drop(raw["H4"]["bid"], [at(fri, -8), at(fri, -4), at(fri, 0), at(fri, 4)])
    drop(raw["D1"]["ask"], [at(fri, 0)])
    out.append(_case("align-stale-limit-large",
                     "Primary M30 from Thursday to Tuesday with H4 and D1; stale_bar_limit_bars 1000 (bars are "
                     "carried over the weekend and over removed bars: H4 bid Thursday 16:00 to Friday 04:00, D1 ask "
                     "Friday).",
                     "M30", config(stale_bar_limit_bars=1000),
                     ["stale_bar_limit_bars=1000", "weekend", "removed higher-timeframe bars"], raw))

    raw = raw_input(110, ["M5", "H1"], at(wed, 5), at(wed, 7), primary_tf="M5")
    drop(raw["M5"]["bid"], [at(wed, 5.5)])
    out.append(_case("align-rejected-missing-ratio-tiny",
                     "Small input (M5 + H1, 2 hours) with one ask-only primary bar; max_missing_ratio -1e-9 is "
                     "rejected (printed as -0.000).",
                     "M5", config(max_missing_ratio=-1e-9),
                     ["rejected config: max_missing_ratio < 0 (tiny)", "bid/ask primary mismatch"], raw))

    raw = raw_input(111, ["M5", "H1"], at(wed, 5), at(wed, 7), primary_tf="M5")
    raw["M5"]["ask"]["timestamp"] = [t + MS_PER_MIN for t in raw["M5"]["ask"]["timestamp"]]
    out.append(_case("align-rejected-no-common-timestamp",
                     "M5 + H1 (2 hours) whose ask timestamps are the bid's plus one minute: no common primary "
                     "timestamp.",
                     "M5", config(), ["rejected input: no common primary timestamp"], raw))

    raw = raw_input(112, ["M5", "H1"], at(wed, 5), at(wed, 7), primary_tf="M5")
    raw["W1"] = columns(np.random.default_rng(113), [at(wed, -24 * 3 - 2), at(wed, 24 * 4 - 2)], 1.1, 0.00012)
    out.append(_case("align-rejected-unknown-tf",
                     "M5 + H1 (2 hours) and a W1 list (2 bars): W1 is not a minute, hour or day timeframe.",
                     "M5", config(), ["rejected input: unknown timeframe W1"], raw))

    raw = raw_input(114, ["m15", "h1", "H4"], wed, at(wed, 10), primary_tf="m15")
    stamp_close(raw, "h1")
    out.append(_case("align-lowercase-tfs",
                     "Primary 'm15' with 'h1' (close-stamped, higher_tf_timestamps_mode keyed 'h1') and 'H4', 10 "
                     "hours: the original upper-cases timeframe names only to compute their minutes.",
                     "m15", config(higher_tf_timestamps_mode={"h1": "close"}),
                     ["lower-case timeframe names", "higher_tf_timestamps_mode h1=close"], raw))

    raw = raw_input(115, ["M5", "M15", "H1"], wed, at(wed, 6), primary_tf="M5")
    drop(raw["M15"]["bid"], [at(wed, 1), at(wed, 1.25), at(wed, 1.5)])
    out.append(_case("align-fractional-stale-limit",
                     "Primary M5 (6 hours) with M15 and H1; stale_bar_limit_bars 2.7 (the original truncates it to "
                     "2 with int()); M15 bid 01:00-01:30 removed.",
                     "M5", config(stale_bar_limit_bars=2.7), ["stale_bar_limit_bars fractional (2.7 -> 2)",
                                                               "removed higher-timeframe bars"], raw))

    raw = raw_input(116, ["M15", "H1", "H4"], wed, at(wed, 12), primary_tf="M15")
    out.append(_case("align-unknown-mode-strings",
                     "Primary M15 (12 hours) with H1 and H4; entry_timestamp_mode 'bar_close' and "
                     "higher_tf_timestamps_mode H1='end': the original treats every value other than 'close' "
                     "(case-insensitive) as 'open'.",
                     "M15", config(entry_timestamp_mode="bar_close", higher_tf_timestamps_mode={"H1": "end"}),
                     ["entry_timestamp_mode unknown value (= open)", "higher_tf_timestamps_mode unknown value (= open)"],
                     raw))

    raw = raw_input(117, ["M5", "M15", "H1"], wed, at(wed, 4), primary_tf="M5")
    duplicate(raw["H1"]["ask"], at(wed, 2))
    perm = np.random.default_rng(118)
    for tf, side in (("M5", "bid"), ("M15", "ask"), ("H1", "ask")):
        cols = raw[tf][side]
        order = [int(i) for i in perm.permutation(len(cols["timestamp"]))]
        raw[tf][side] = {k: [v[i] for i in order] for k, v in cols.items()}
    out.append(_case("align-unsorted-lists",
                     "Primary M5 (4 hours) with M15 and H1, the M5 bid, M15 ask and H1 ask lists shuffled (seeded); "
                     "the H1 ask bar 02:00 occurs twice (the later list position wins). Default config.",
                     "M5", config(), ["unsorted raw lists", "duplicate higher-timeframe timestamp"], raw))

    raw = raw_input(119, ["M5", "M1", "H1"], wed, at(wed, 3), primary_tf="M5")
    drop(raw["M1"]["bid"], [t for t in raw["M1"]["bid"]["timestamp"] if at(wed, 1) <= t < at(wed, 1.25)])
    out.append(_case("align-lower-tf-as-additional",
                     "Primary M5 (3 hours) with an M1 'higher' timeframe (its default stale limit is 2 rows: "
                     "max(1, 1 // 5) = 1) and H1; M1 bid 01:00-01:14 removed. Default config.",
                     "M5", config(), ["additional timeframe shorter than the primary", "removed bars"], raw))

    raw = raw_input(120, ["M30", "D1"], at(fri, -48), at(fri, 96), primary_tf="M30")
    for side in ("bid", "ask"):
        raw["D1"][side]["timestamp"] = [t - 2 * 60 * MS_PER_MIN for t in raw["D1"][side]["timestamp"]]
    out.append(_case("align-broker-day-d1",
                     "Primary M30 from Wednesday to Tuesday with D1 bars opening at 22:00 UTC (broker days, "
                     "Sunday 22:00 included), entry_timestamp_mode close.",
                     "M30", config(entry_timestamp_mode="close"),
                     ["D1 opens not at midnight", "entry_timestamp_mode=close", "weekend"], raw))

    raw = raw_input(121, ["M5", "Hx"], at(wed, 5), at(wed, 6), primary_tf="M5")
    out.append(_case("align-rejected-bad-tf-suffix",
                     "M5 with a timeframe 'Hx' (1 hour of M5 bars under that name): int('X') fails in the "
                     "original's minute computation.",
                     "M5", config(), ["rejected input: timeframe without a number"], raw))

    raw = raw_input(122, ["M15", "H1", "H4"], wed, at(wed, 10), primary_tf="M15")
    stamp_close(raw, "H1")
    out.append(_case("align-no-previous-completed-close-stamped",
                     "Primary M15 (10 hours) with H1 (close-stamped, higher_tf_timestamps_mode H1=close) and H4; "
                     "use_previous_completed_higher_tf false: the original then takes a higher-timeframe candle on "
                     "the row equal to its own timestamp, whatever the timestamp mode.",
                     "M15", config(use_previous_completed_higher_tf=False, higher_tf_timestamps_mode={"H1": "close"}),
                     ["use_previous_completed_higher_tf=false", "higher_tf_timestamps_mode H1=close"], raw))

    close_cfg = config(entry_timestamp_mode="close", stale_bar_limit_bars=5, higher_tf_timestamps_mode={"H4": "close"})
    for seed, name, cfg, closed, what in (
            (123, "align-random-drops-default", config(), [], ["carry_forward defaults"]),
            (124, "align-random-drops-close", close_cfg, ["H4"],
             ["entry_timestamp_mode=close", "stale_bar_limit_bars=5", "higher_tf_timestamps_mode H4=close"])):
        raw = random_drops(seed, ["M5", "M15", "H1", "H4", "D1"], at(fri, -24 * 9), at(fri, 24 * 4), closed)
        out.append(_case(name,
                         "Primary M5 from Wednesday 2024-05-29 to Tuesday 2024-06-11 00:00 (nine trading days, two "
                         "weekends) with M15, H1, H4, D1; every raw list (each side) loses 2% of its candles at random "
                         f"(seed {seed}); config: {', '.join(what)}.",
                         "M5", cfg, ["random removals on every list", "weekends", "several timeframes"] + what, raw))
    return out

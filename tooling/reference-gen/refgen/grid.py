"""The call grid of the reference format (manifest.json -> methods), identical to the shared set."""
from __future__ import annotations

from typing import Any, Dict, List, Tuple

Call = Tuple[str, Dict[str, Any]]

PERIODS = [1, 2, 14, 20, 50, 200]
STD_FACTORS = [2.0, 2.5]
KALMAN_OTHER = {"R": 0.5, "Q": 0.05}
GARCH_OTHER = {"alpha": 0.08, "beta": 0.9, "omega": 1e-05, "use_log_returns": False,
               "scale": 100.0, "min_periods": 10, "sigma_floor": 0.001}
GARCH_UNSTABLE = {"alpha": 0.1, "beta": 0.9}
LOCAL_OTHER = {"lookback": 100, "alpha": 0.08, "beta": 0.9, "omega": 1e-05,
               "use_log_returns": False, "min_periods": 10, "sigma_floor": 0.001}


def _periodic(method: str, default_first: bool) -> List[Call]:
    calls: List[Call] = [(method, {})] if default_first else []
    for p in PERIODS:
        if default_first and p == 14:
            continue
        calls.append((method, {"period": p}))
    return calls


def full_grid() -> List[Call]:
    g: List[Call] = [("get_closes", {}), ("get_df", {})]
    for m in ("ema", "ema_stepwise", "sma"):
        g += [(m, {"period": p}) for p in PERIODS]
    for m in ("rsi", "roc", "dmi", "atr", "choppiness"):
        g += _periodic(m, default_first=True)
    g += [("macd", {}), ("macd", {"fast_period": 5, "slow_period": 35, "signal_period": 5})]
    for m in ("bollinger", "bollinger_stepwise"):
        g.append((m, {}))
        for p in PERIODS:
            for f in STD_FACTORS:
                if p == 20 and f == 2.0:
                    continue
                g.append((m, {"period": p, "std_factor": f}))
    g += [("kalman_mean", {}), ("kalman_mean", dict(KALMAN_OTHER))]
    for m in ("kalman_zscore", "kalman_zscore_stepwise"):
        g += [(m, {}), (m, {"window": 2}), (m, {"window": 20}), (m, {"window": 20, **KALMAN_OTHER})]
    g += [("zscore", {}), ("zscore", {"window": 2}), ("zscore", {"window": 20}),
          ("zscore", {"window": 20, "mean_source": "ema", "ema_period": 14}),
          ("zscore", {"window": 100, "mean_source": "ema", "ema_period": 50})]
    g += [("garch_volatility", {}), ("garch_volatility", dict(GARCH_OTHER)),
          ("garch_volatility", dict(GARCH_UNSTABLE))]
    g += [("kalman_garch_zscore", {}), ("kalman_garch_zscore", {**KALMAN_OTHER, **GARCH_OTHER}),
          ("kalman_garch_zscore", dict(GARCH_UNSTABLE))]
    return g


def core_grid() -> List[Call]:
    return [("get_closes", {}), ("get_df", {}), ("ema", {"period": 14}), ("ema_stepwise", {"period": 14}),
            ("sma", {"period": 20}), ("rsi", {}), ("macd", {}), ("roc", {}), ("dmi", {}),
            ("bollinger", {}), ("bollinger_stepwise", {}), ("atr", {}), ("choppiness", {}),
            ("kalman_mean", {}), ("kalman_zscore", {}), ("kalman_zscore_stepwise", {}), ("zscore", {}),
            ("zscore", {"window": 100, "mean_source": "ema", "ema_period": 50}),
            ("garch_volatility", {}), ("kalman_garch_zscore", {})]


def degenerate_grid() -> List[Call]:
    g: List[Call] = []
    for m in ("ema", "ema_stepwise", "sma", "rsi", "roc", "dmi", "atr", "choppiness",
              "bollinger", "bollinger_stepwise"):
        g += [(m, {"period": 0}), (m, {"period": -1})]
    g += [("macd", {"fast_period": 0}), ("macd", {"signal_period": 0}), ("zscore", {"window": 0}),
          ("zscore", {"mean_source": "ema"}), ("zscore", {"mean_source": "median"}),
          ("kalman_zscore", {"window": 0}), ("kalman_zscore_stepwise", {"window": 1}),
          ("garch_volatility", {"alpha": 0.5, "beta": 0.5})]
    return g


def unknown_keys() -> List[Tuple[str, str, str, Dict[str, Any]]]:
    return [("W1", "bid", "ema", {"period": 14}), ("W1", "bid", "ema_stepwise", {"period": 14}),
            ("W1", "bid", "atr", {}), ("<primary>", "BID", "sma", {"period": 2}),
            ("<primary>", "mid", "bollinger_stepwise", {}),
            ("<primary>", "mid", "kalman_garch_zscore_local", {"idx": 0})]


# Above this length the local grid uses fewer idx values (as the shared synthetic-mtf-A does).
LONG_SERIES = 10000


def local_idx_candidates(n: int) -> List[int]:
    """`idx` values of the local grid (deduplicated, only those <= n + 10)."""
    if n > LONG_SERIES:
        raw = [-1, 0, 51, 400, n // 2, n - 1, n]
    else:
        raw = [-1, 0, 1, 2, 10, 50, 51, 52, 60, 399, 400, 401, n // 3, n // 2, n - 2, n - 1, n, n + 10]
    out: List[int] = []
    for i in raw:
        if i <= n + 10 and i not in out:
            out.append(i)
    return out


def at_index_candidates(n: int) -> List[int]:
    return sorted({-1, 0, 1, 13, 14, n // 2, n - 1, n, n + 5})


def vol_cluster_calls(n: int) -> List[Call]:
    last = max(n - 1, 0)
    return [("vol_cluster_series", {"idx": last, "feature": "atr_points", "atr_length": 14, "garch_lookback": 400}),
            ("vol_cluster_series", {"idx": last, "feature": "garch", "atr_length": 14, "garch_lookback": 200,
                                    "garch_min_periods": 20})]


def methods_block() -> Dict[str, Any]:
    """manifest.json -> methods (descriptive; same content as the shared manifest)."""
    return {
        "grid": {
            "periods": PERIODS, "std_factors": STD_FACTORS, "kalman_other": KALMAN_OTHER,
            "garch_other": GARCH_OTHER, "garch_unstable": GARCH_UNSTABLE, "local_other": LOCAL_OTHER,
            "full_grid": [list(c) for c in full_grid()], "core_grid": [list(c) for c in core_grid()],
            "local_min_grid": "garch_volatility_local and kalman_garch_zscore_local (defaults) at idx n-1 and n//2",
            "local_grid_idx_candidates": "[-1,0,1,2,10,50,51,52,60,399,400,401,n//3,n//2,n-2,n-1,n,n+10]",
            "degenerate_grid": [list(c) for c in degenerate_grid()],
            "unknown_keys": [list(c) for c in unknown_keys()],
        }
    }

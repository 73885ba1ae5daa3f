"""manifest.json of a generated directory (same keys and layout as the shared one)."""
from __future__ import annotations

import platform
from typing import Any, Dict, List

import numpy as np
import pandas as pd

from . import grid

METHODS_DESCRIPTION: Dict[str, Any] = {
    "series methods (tf, side, **params) -> float64 series of the dataset length": [
        "get_closes", "ema", "ema_stepwise", "sma", "rsi", "roc", "atr", "choppiness", "kalman_mean",
        "kalman_zscore", "kalman_zscore_stepwise", "zscore", "garch_volatility", "kalman_garch_zscore"],
    "tuple methods": {"macd": ["macd", "signal"], "dmi": ["plus_di", "minus_di", "adx"],
                      "bollinger": ["upper", "mid", "lower"], "bollinger_stepwise": ["upper", "mid", "lower"]},
    "frame methods": {"get_df": ["open", "high", "low", "close", "volume"]},
    "window series (index = row labels of the window)": ["garch_volatility_local",
                                                         "vol_cluster_series (feature != 'atr_points')"],
    "scalar or null": ["kalman_garch_zscore_local", "at"],
    "defaults": {
        "ema/ema_stepwise/sma": "period (required)",
        "rsi/roc/dmi/atr/choppiness": {"period": 14},
        "macd": {"fast_period": 12, "slow_period": 26, "signal_period": 9},
        "bollinger/bollinger_stepwise": {"period": 20, "std_factor": 2.0},
        "kalman_mean": {"R": 0.01, "Q": 1.0},
        "kalman_zscore/kalman_zscore_stepwise": {"window": 100, "R": 0.01, "Q": 1.0},
        "zscore": {"window": 100, "mean_source": "rolling", "ema_period": None},
        "garch_volatility": {"alpha": 0.05, "beta": 0.9, "omega": None, "use_log_returns": True, "scale": 100.0,
                             "min_periods": 50, "sigma_floor": 1e-06},
        "kalman_garch_zscore": "R=0.01, Q=1.0 + garch_volatility defaults",
        "garch_volatility_local": "idx (required), lookback=400 + garch_volatility defaults",
        "kalman_garch_zscore_local": "idx (required), lookback=400, R=0.01, Q=1.0 + garch defaults",
        "vol_cluster_series": "idx, feature, atr_length, garch_lookback (required); garch_alpha=0.05, garch_beta=0.9, "
                              "garch_omega=None, garch_use_log_returns=True, garch_scale=100.0, garch_min_periods=50, "
                              "garch_sigma_floor=1e-06",
    },
}

FLOAT_ENCODING = {
    "number": "float64 written with Python repr (shortest round-trip); JSON.parse gives the identical double",
    "null": "NaN (and, in dataset columns, an absent candle / absent field)",
    "strings": "\"Infinity\" / \"-Infinity\" for +-inf",
    "negative_zero": "written as -0.0",
    "volume": "integral volumes are written as JSON integers (same float64 value)",
    "timestamps": "epoch milliseconds UTC (integers)",
}


def manifest(datasets: List[Dict[str, Any]], sha256: Dict[str, str]) -> Dict[str, Any]:
    methods = dict(METHODS_DESCRIPTION)
    methods.update(grid.methods_block())
    return {
        "format": "omega-indicator-reference/1",
        "computed_by": "original Python implementation (pandas 1.5.3)",
        "provenance": {
            "original_repository": "axelkempf/Omega",
            "original_commit": "c2cff33aeb21aa3044d367e5e1f1fe4eb47e6b62",
            "original_files_sha256": sha256,
            "python": platform.python_version(),
            "pandas": pd.__version__,
            "numpy": np.__version__,
            "rust_backend": "disabled (OMEGA_USE_RUST_INDICATOR_CACHE=0; pure-Python paths)",
            "generator": "omega-ta tooling/reference-gen",
            "alignment": {"note": "no alignment cases in this set; multi-timeframe datasets are carried forward "
                                  "by the generator (see each dataset's provenance)"},
        },
        "float_encoding": FLOAT_ENCODING,
        "methods": methods,
        "datasets": datasets,
        "alignment_cases": [],
    }

"""Load the original modules from a checkout of axelkempf/Omega given on the command line."""
from __future__ import annotations

import hashlib
import importlib.util
import os
import sys
from types import ModuleType
from typing import Dict

INDICATOR_CACHE = "src/backtest_engine/core/indicator_cache.py"
CANDLE = "src/backtest_engine/data/candle.py"
SYMBOL_DATA_SLICER = "src/backtest_engine/core/symbol_data_slicer.py"
RUNNER = "src/backtest_engine/runner.py"

# The sha256 of the files at commit c2cff33aeb21aa3044d367e5e1f1fe4eb47e6b62 (as listed in
# shared/reference/manifest.json -> provenance.original_files_sha256).
EXPECTED_SHA256 = {
    INDICATOR_CACHE: "557a9c4eb506da0584dc58c29ded9774c98d27bcf0eb00ef8cd9387031667092",
    SYMBOL_DATA_SLICER: "c1f132d21bbe53df1a409ecc7126a90bb5e753d4f763575ff6246835a5cfa0ea",
    RUNNER: "0a9a7191daf23b8be5b07a1e796a99a6710b20a507dbd0cb09e780198ff875b7",
    CANDLE: "4857754c8762c1e8d04b7ba69346a1b50eaf70645651568d033f837a37e9fd11",
}


def sha256_of(path: str) -> str:
    with open(path, "rb") as fh:
        return hashlib.sha256(fh.read()).hexdigest()


def load_module(root: str, rel_path: str, name: str) -> ModuleType:
    """Import `root/rel_path` as module `name`, refusing a file whose sha256 differs."""
    path = os.path.join(root, rel_path)
    digest = sha256_of(path)
    if digest != EXPECTED_SHA256[rel_path]:
        raise SystemExit(f"{path}: sha256 {digest} is not the original's {EXPECTED_SHA256[rel_path]}")
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def load_originals(root: str) -> Dict[str, ModuleType]:
    """IndicatorCache and Candle (and SymbolDataSlice when present) of the original, with its Rust
    backend switched off."""
    os.environ["OMEGA_USE_RUST_INDICATOR_CACHE"] = "0"
    modules = {
        "indicator_cache": load_module(root, INDICATOR_CACHE, "backtest_engine.core.indicator_cache"),
        "candle": load_module(root, CANDLE, "backtest_engine.data.candle"),
    }
    if os.path.exists(os.path.join(root, SYMBOL_DATA_SLICER)):
        modules["symbol_data_slicer"] = load_module(root, SYMBOL_DATA_SLICER, "backtest_engine.core.symbol_data_slicer")
    return modules


def provenance_sha256(root: str) -> Dict[str, str]:
    return {rel: sha256_of(os.path.join(root, rel)) for rel in (INDICATOR_CACHE, SYMBOL_DATA_SLICER, CANDLE)
            if os.path.exists(os.path.join(root, rel))}

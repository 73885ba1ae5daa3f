"""The original multi-timeframe alignment (`_build_alignment_plan` + `_apply_alignment_plan` of
src/backtest_engine/runner.py), taken from a checkout of axelkempf/Omega.

runner.py imports the whole backtest engine, so it is not imported: its alignment definitions
(ALIGNMENT_DEFS) are picked out of the source with `ast` and executed alone, with the standard
imports they use. A full runner.py must have the manifest's SHA-256. A file that holds only those
definitions (an excerpt typed in from a stored copy of the repository) cannot have it; it is used
only with `allow_excerpt`, and `--selfcheck` on the shared set is then its check."""
from __future__ import annotations

import ast
import os
import sys
from types import ModuleType
from typing import Any, Callable, Dict, Tuple

from .original import EXPECTED_SHA256, RUNNER, sha256_of

ALIGNMENT_DEFS = ("validate_strict_alignment", "build_candle_lookup", "get_common_timestamps", "_sequence_signature",
                  "_collect_tf_signatures", "AlignmentPlan", "_build_alignment_plan", "_apply_alignment_plan")

# What the definitions use from runner.py's own imports.
IMPORTS = ("from collections import defaultdict\n"
           "from dataclasses import dataclass\n"
           "from datetime import datetime, timedelta\n"
           "from typing import Any, Dict, List, Tuple\n")


def load_alignment(root: str, allow_excerpt: bool) -> Tuple[Callable[..., Any], Callable[..., Any], Dict[str, str]]:
    """(_build_alignment_plan, _apply_alignment_plan, provenance) of `root/src/backtest_engine/runner.py`."""
    path = os.path.join(root, RUNNER)
    digest = sha256_of(path)
    verified = digest == EXPECTED_SHA256[RUNNER]
    if not verified and not allow_excerpt:
        raise SystemExit(f"{path}: sha256 {digest} is not the original's {EXPECTED_SHA256[RUNNER]} "
                         "(pass --runner-excerpt to use a file holding only the alignment definitions)")
    with open(path, encoding="utf-8") as fh:
        tree = ast.parse(fh.read(), filename=path)
    picked = [node for node in tree.body
              if isinstance(node, (ast.FunctionDef, ast.ClassDef)) and node.name in ALIGNMENT_DEFS]
    missing = set(ALIGNMENT_DEFS) - {node.name for node in picked}
    if missing:
        raise SystemExit(f"{path}: no top-level definition of {sorted(missing)}")
    module = ModuleType("backtest_engine.runner")
    sys.modules[module.__name__] = module  # dataclass() looks its class's module up there
    namespace = module.__dict__
    exec(compile(IMPORTS, "<runner imports>", "exec"), namespace)  # noqa: S102 - the original's own imports
    exec(compile(ast.Module(body=picked, type_ignores=[]), path, "exec"), namespace)  # noqa: S102
    provenance = {"file": RUNNER, "sha256": digest,
                  "verified": "sha256 equals the manifest's" if verified else
                  "excerpt (alignment definitions only); checked by --selfcheck on the shared alignment cases"}
    return namespace["_build_alignment_plan"], namespace["_apply_alignment_plan"], provenance

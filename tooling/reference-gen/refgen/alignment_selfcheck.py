"""Reproduce an existing reference directory's alignment cases, byte for byte.

For every entry of `manifest.json` -> `alignment_cases`: rebuild the raw lists and config from the
stored file, rerun the original alignment, re-encode the file and compare its bytes with the
stored one, and compare the regenerated manifest entry with the stored entry field by field."""
from __future__ import annotations

import json
import os
from typing import Any, Callable, List

from .alignment_run import case_from_file, file_text, manifest_entry, run_case


def alignment_selfcheck(build: Callable[..., Any], apply: Callable[..., Any], candle_cls: Any, ref_dir: str,
                        only: List[str]) -> int:
    with open(os.path.join(ref_dir, "manifest.json"), encoding="utf-8") as fh:
        entries = json.load(fh)["alignment_cases"]
    failures = 0
    for entry in entries:
        if only and entry["name"] not in only:
            continue
        path = os.path.join(ref_dir, entry["alignment_file"])
        with open(path, "rb") as fh:
            stored = fh.read()
        case = case_from_file(json.loads(stored), entry["provenance"])
        expected = run_case(case, build, apply, candle_cls)
        text = file_text(case, expected).encode("ascii")
        bad = 0
        if text != stored:
            bad += 1
            at = next((i for i, (a, b) in enumerate(zip(text, stored)) if a != b), min(len(text), len(stored)))
            print(f"{case.name}: file differs at byte {at} ({len(text)} vs {len(stored)} bytes):\n"
                  f"  got {text[max(0, at - 80):at + 80]!r}\n  exp {stored[max(0, at - 80):at + 80]!r}")
        got_entry = manifest_entry(case, expected, len(text))
        for key in sorted(set(entry) | set(got_entry)):
            if json.dumps(entry.get(key)) != json.dumps(got_entry.get(key)):
                bad += 1
                print(f"{case.name}: manifest field {key}: got {json.dumps(got_entry.get(key))[:200]}"
                      f" expected {json.dumps(entry.get(key))[:200]}")
        print(f"{case.name}: alignment case {'reproduced byte for byte' if bad == 0 else f'{bad} differences'}")
        failures += bad
    return failures

"""Reproduce an existing reference directory's IndicatorCache files from its own inputs.

A check of this generator: for every dataset of `ref_dir`, rebuild the candle lists from
datasets/<name>.json, rerun the case grid of its manifest profile with the original, and compare
each case (as encoded JSON) with expected/<name>.indicator_cache.json."""
from __future__ import annotations

import json
import os
from typing import Any, Dict, List

from .cases import run_dataset
from .encoding import dumps
from .inputs import Dataset, data_from_file


def selfcheck(originals: Dict[str, Any], ref_dir: str, only: List[str]) -> int:
    manifest = json.load(open(os.path.join(ref_dir, "manifest.json")))
    cache_cls = originals["indicator_cache"].IndicatorCache
    candle_cls = originals["candle"].Candle
    failures = 0
    for entry in manifest["datasets"]:
        if only and entry["name"] not in only:
            continue
        obj = json.load(open(os.path.join(ref_dir, entry["dataset_file"])))
        expected = json.load(open(os.path.join(ref_dir, entry["indicator_cache_file"])))
        ds = Dataset(name=obj["name"], description=obj["description"], primary_tf=obj["primary_tf"],
                     timestamp=obj["timestamp"], data=data_from_file(obj, candle_cls),
                     candle_kind=obj["candle_kind"], provenance={}, profile=entry["profile"])
        got = run_dataset(cache_cls, ds, expected["sample_rows"])
        exp_cases = expected["cases"]
        bad = 0
        if [c["id"] for c in got] != [c["id"] for c in exp_cases]:
            print(f"{ds.name}: case ids/order differ ({len(got)} vs {len(exp_cases)})")
            gi = {c["id"] for c in got}
            ei = {c["id"] for c in exp_cases}
            print("  only generated:", sorted(gi - ei)[:10], " only expected:", sorted(ei - gi)[:10])
            bad += 1
        exp_by_id = {c["id"]: c for c in exp_cases}
        for c in got:
            e = exp_by_id.get(c["id"])
            if e is not None and dumps(e) != dumps(c):
                bad += 1
                if bad <= 5:
                    print(f"{ds.name}: {c['id']} differs:\n  got {dumps(c)[:300]}\n  exp {dumps(e)[:300]}")
        print(f"{ds.name}: {len(got)} cases, {bad} differences")
        failures += bad
    return failures

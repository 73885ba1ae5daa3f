#!/usr/bin/env python3
"""Generate a reference directory (format omega-indicator-reference/1) with the original code.

usage: python generate.py --original ORIGINAL_ROOT --out DIR [--ttrc-csv FILE] [--only NAME ...]
       python generate.py --original ORIGINAL_ROOT --selfcheck REF_DIR [--only NAME ...]
See README.md."""
from __future__ import annotations

import argparse
import json
import os
import sys
from typing import Any, Dict, List

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from refgen.cases import run_dataset  # noqa: E402
from refgen.edges import edge_datasets, stepwise_dataset  # noqa: E402
from refgen.encoding import write_compact, write_lines_file  # noqa: E402
from refgen.inputs import Dataset, dataset_file  # noqa: E402
from refgen.manifest import manifest  # noqa: E402
from refgen.original import load_originals, provenance_sha256  # noqa: E402
from refgen.selfcheck import selfcheck  # noqa: E402
from refgen.slicer_traces import build_trace  # noqa: E402
from refgen.synthetic import candle_factory, multi_timeframe  # noqa: E402
from refgen.ttrc import ttrc_dataset  # noqa: E402


def sample_rows(ds: Dataset) -> List[int]:
    """Every `sample_stride`-th row, the first 60 and last 20 rows, and 5 rows from each change of
    candle presence in the primary bid list; [] when the dataset stores all rows."""
    n = ds.length
    if ds.sample_stride is None:
        return []
    rows = set(range(0, n, ds.sample_stride)) | set(range(min(60, n))) | set(range(max(0, n - 20), n))
    bid = ds.data[ds.primary_tf]["bid"]
    for i in range(1, n):
        if (bid[i] is None) != (bid[i - 1] is None):
            rows |= set(range(i, min(i + 5, n)))
    return sorted(rows)


def build_all(originals: Dict[str, Any], ttrc_csv: str) -> List[Dataset]:
    make = candle_factory(originals["candle"].Candle)
    out = [
        multi_timeframe("synthetic-mtf-B", seed=8675309, rows=25000, primary_tf="M5", higher=["H1", "M15", "H4", "D1"],
                        start_ms=1_678_053_600_000, price=1.2650, vol=0.00035, decimals=5, make_candle=make),
        multi_timeframe("synthetic-h1-C", seed=31337, rows=6000, primary_tf="H1", higher=["H4", "D1"],
                        start_ms=1_609_711_200_000, price=142.5, vol=0.0018, decimals=3, make_candle=make),
    ]
    if ttrc_csv:
        out.append(ttrc_dataset(ttrc_csv, 5550, make))
    out += edge_datasets(make)
    out.append(stepwise_dataset(make))
    return out


def write_dataset(originals: Dict[str, Any], ds: Dataset, out_dir: str, seed: int) -> Dict[str, Any]:
    cache_cls = originals["indicator_cache"].IndicatorCache
    rows = sample_rows(ds)
    cases = run_dataset(cache_cls, ds, rows, log=lambda m: print(m, flush=True))
    ds_path = f"datasets/{ds.name}.json"
    ic_path = f"expected/{ds.name}.indicator_cache.json"
    b_ds = write_compact(os.path.join(out_dir, ds_path), dataset_file(ds))
    b_ic = write_lines_file(os.path.join(out_dir, ic_path),
                            {"format": "omega-indicator-reference/1", "dataset": ds.name, "length": ds.length,
                             "sample_rows": rows}, "cases", cases)
    sdf_path = None
    b_sdf = None
    if "symbol_data_slicer" in originals:
        sdf_path = f"expected/{ds.name}.symbol_data_slice.json"
        b_sdf = write_lines_file(os.path.join(out_dir, sdf_path),
                                 {"format": "omega-indicator-reference/1", "dataset": ds.name, "length": ds.length},
                                 "steps", build_trace(originals["symbol_data_slicer"], ds, seed))
    sides = {tf: [s for s in ("bid", "ask") if s in v] for tf, v in ds.data.items()}
    return {
        "name": ds.name, "dataset_file": ds_path, "indicator_cache_file": ic_path, "symbol_data_slice_file": sdf_path,
        "description": ds.description, "length": ds.length, "primary_tf": ds.primary_tf, "timeframes": sides,
        "candle_kind": ds.candle_kind, "provenance": ds.provenance,
        "sample_rows": None if not rows else {"count": len(rows), "stride": ds.sample_stride},
        "cases": len(cases), "expected_errors": sum(1 for c in cases if c["kind"] == "error"),
        "methods": sorted({c["method"] for c in cases}),
        "bytes": {"dataset": b_ds, "indicator_cache": b_ic, "symbol_data_slice": b_sdf}, "profile": ds.profile,
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--original", required=True, help="checkout root of axelkempf/Omega (holds src/backtest_engine)")
    ap.add_argument("--out", help="directory to write (created)")
    ap.add_argument("--ttrc-csv", default="", help="ttrc exported from R (see README); omit to skip ttrc-5550")
    ap.add_argument("--selfcheck", metavar="REF_DIR", help="reproduce REF_DIR's indicator_cache files and compare")
    ap.add_argument("--only", nargs="*", default=[], help="dataset names to process")
    args = ap.parse_args()
    originals = load_originals(args.original)
    if args.selfcheck:
        return 1 if selfcheck(originals, args.selfcheck, args.only) else 0
    if not args.out:
        ap.error("--out is required unless --selfcheck is given")
    os.makedirs(os.path.join(args.out, "datasets"), exist_ok=True)
    os.makedirs(os.path.join(args.out, "expected"), exist_ok=True)
    entries = [write_dataset(originals, ds, args.out, seed=1000 + k)
               for k, ds in enumerate(build_all(originals, args.ttrc_csv)) if not args.only or ds.name in args.only]
    with open(os.path.join(args.out, "manifest.json"), "w", encoding="ascii") as fh:
        json.dump(manifest(entries, provenance_sha256(args.original)), fh, indent=1)
        fh.write("\n")
    print(f"wrote {len(entries)} datasets to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

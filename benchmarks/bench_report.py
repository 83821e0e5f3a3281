"""Renderer throughput: every output format on the same scored catalog, N listings.

    python benchmarks/bench_report.py [--n 5000]

Scores the sample catalog once (photos emptied), replicates the result dicts to N, then
times each format. The baseline, measured in the same run, is a bare `json.dumps` of the
result dicts: the least any format must do. Each format prints listings per second and
its time as a multiple of that baseline (how much formatting costs on top).
"""

from __future__ import annotations

import argparse
import copy
import json
import sys
import time
from pathlib import Path

import pandas as pd

import listing_quality as lq
from listing_quality.report import FORMATS, WRITERS, render

SAMPLES = Path(__file__).resolve().parent.parent / "data" / "samples"


def scored(n: int) -> list[dict]:
    base = pd.read_csv(SAMPLES / "catalog.csv", dtype=str, keep_default_na=False)
    base["photos"] = ""
    rows = [r.to_dict() for r in lq.score_catalog(lq.read_catalog(base))]
    out = []
    for i in range(n):
        row = copy.deepcopy(rows[i % len(rows)])
        row["id"] = f"B-{i}"
        row["source"] = {"file": "katalog.csv", "row": i + 2, "sheet": None,
                         "columns": {"title": 2, "price": 4, "photos": 10}}
        out.append(row)
    return out


def seconds(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=5000)
    n = parser.parse_args(argv).n
    rows = scored(n)
    meta = {"path": "katalog.csv", "rubric": "auto", "version": lq.__version__}
    base = seconds(lambda: json.dumps(rows, ensure_ascii=False))
    findings = sum(len(r["findings"]) for r in rows)
    print(f"{n} listings, {findings} findings; baseline json.dumps {base:.3f} s "
          f"({n / base:,.0f} listings/s)")
    for fmt in FORMATS:
        took = seconds(lambda fmt=fmt: render(rows, format=fmt, meta=meta))
        print(f"{fmt:<8} {took:8.3f} s {n / took:>12,.0f} listings/s  "
              f"{took / base:6.1f}x baseline time")
    for fmt, write in WRITERS.items():
        took = seconds(lambda write=write: write(rows, meta=meta))
        print(f"{fmt:<8} {took:8.3f} s {n / took:>12,.0f} listings/s  "
              f"{took / base:6.1f}x baseline time")


if __name__ == "__main__":
    main(sys.argv[1:])

"""End-to-end scoring throughput on the sample catalog, replicated to N listings.

    python benchmarks/bench_score.py [--n 20000] [--photos]

Prints listings per second for each stage, measured in the same run, and each stage as a
ratio of the adapter-only baseline (reading the rows into Listings). The two judge stages
turn measured facts into the score table: per listing (`api.judge` + `results_frame`) and
by columns (`judge_frame`), checked equal. Without --photos the
photo column is emptied, so this measures the text path (title, packaging, price, rules).
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import pandas as pd

import listing_quality as lq
from listing_quality import api
from listing_quality.features import catalog as catalog_features
from listing_quality.judge_frame import judge_frame

SAMPLES = Path(__file__).resolve().parent.parent / "data" / "samples"


def catalog_frame(n: int, photos: bool) -> pd.DataFrame:
    base = pd.read_csv(SAMPLES / "catalog.csv", dtype=str, keep_default_na=False)
    frame = pd.concat([base] * (n // len(base) + 1), ignore_index=True).iloc[:n].copy()
    frame["id"] = [f"B-{i}" for i in range(n)]
    if not photos:
        frame["photos"] = ""
    return frame


def timed(label: str, n: int, fn, baseline: float | None = None) -> tuple[float, object]:
    start = time.perf_counter()
    value = fn()
    seconds = time.perf_counter() - start
    rate = n / seconds
    ratio = f"  ({rate / baseline:.2f}x baseline)" if baseline else "  (baseline)"
    print(f"{label:<34} {seconds:8.2f} s {rate:>12,.0f} listings/s{ratio}")
    return rate, value


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=20_000)
    parser.add_argument("--photos", action="store_true")
    args = parser.parse_args()
    frame = catalog_frame(args.n, args.photos)
    options = lq.Options(images_root=str(SAMPLES / "photos"))
    print(f"{args.n:,} listings, photos={'on' if args.photos else 'off'}, one core")
    base, catalog = timed("adapt (read_catalog) — baseline", args.n,
                          lambda: lq.read_catalog(frame))
    _, facts = timed("adapt + measure", args.n, lambda: [
        api.measure(li, options) for li in lq.read_catalog(frame).listings], base)
    timed("catalog pass (enrich)", args.n,
          lambda: catalog_features.enrich(facts, [li.id for li in catalog.listings]), base)
    listings = list(catalog.listings)
    _, per_row = timed("judge (per listing)", args.n, lambda: api.results_frame(
        [api.judge(li, row, options) for li, row in zip(listings, facts, strict=True)]), base)
    _, columnar = timed("judge (columnar)", args.n,
                        lambda: judge_frame(listings, facts, options), base)
    pd.testing.assert_frame_equal(columnar, per_row, check_exact=True)  # same table
    timed("end to end (score_catalog)", args.n,
          lambda: lq.score_catalog(lq.read_catalog(frame), options), base)


if __name__ == "__main__":
    main()

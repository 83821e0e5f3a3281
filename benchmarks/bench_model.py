"""The curator model's cost: predictions per second, and what it adds to text-only scoring.

    python benchmarks/bench_model.py [--n 100000] [--n-score 10000]

Measures, in one run and on one core: (1) the shipped model's predictions per second over
`--n` listings' facts (the sample catalog, photos emptied, replicated), called per row
(the baseline) and batched (`predict_many`, bit for bit the same floats); (2) end-to-end
text-only scoring of `--n-score` listings with the model off (baseline) and on. Target:
the model adds under 20% to text-only scoring time.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import pandas as pd

import listing_quality as lq
from listing_quality import api
from listing_quality.model import default_model

SAMPLES = Path(__file__).resolve().parent.parent / "data" / "samples"


def catalog_frame(n: int) -> pd.DataFrame:
    base = pd.read_csv(SAMPLES / "catalog.csv", dtype=str, keep_default_na=False)
    frame = pd.concat([base] * (n // len(base) + 1), ignore_index=True).iloc[:n].copy()
    frame["id"] = [f"B-{i}" for i in range(n)]
    frame["photos"] = ""
    return frame


def seconds(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--n-score", type=int, default=10_000)
    args = parser.parse_args()
    model = default_model()
    options = lq.Options()
    distinct = [api.measure(li, options) for li in lq.read_catalog(catalog_frame(1248)).listings]
    facts = [distinct[i % len(distinct)] for i in range(args.n)]
    model(facts[0])  # load the vocabulary lookup once, outside the timing
    t = seconds(lambda: [model(f) for f in facts])
    print(f"model predictions: {args.n:,} in {t:.2f} s = {args.n / t:,.0f} predictions/s")
    batched = seconds(lambda: model.predict_many(facts))
    print(f"batched (predict_many, as the columnar judge calls it): {batched:.2f} s = "
          f"{args.n / batched:,.0f} predictions/s ({t / batched:.1f}x the per-row calls; "
          f"the replicated catalog repeats titles, which the batch looks up once)")
    catalog = lq.read_catalog(catalog_frame(args.n_score))
    lq.score_catalog(lq.read_catalog(catalog_frame(200)), options)  # warm caches for both
    off = seconds(lambda: lq.score_catalog(catalog, options, model=False))
    on = seconds(lambda: lq.score_catalog(catalog, options, model=None))
    print(f"text-only scoring, {args.n_score:,} listings: model off {off:.2f} s "
          f"({args.n_score / off:,.0f}/s, baseline), model on {on:.2f} s "
          f"({args.n_score / on:,.0f}/s) -> the model adds {100 * (on / off - 1):.1f}% "
          f"(target < 20%)")


if __name__ == "__main__":
    main()

"""The notebook face's own cost: progress bars, the result views, the accessor.

    python benchmarks/bench_notebook.py [--n 2000]

Scores N listings (the sample catalog repeated, photos emptied, so the numbers measure
the notebook layer and not photo decoding). Baseline, measured in the same run:
`lq.score_catalog(..., progress=False)`. Then the same with the progress bar on, the
`df.lq.score()` accessor, and the views per result (`repr`, `_repr_html_`) against a
bare `Result.to_dict()`. Each line prints its throughput and its time as a multiple of
its baseline.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import sys
import time
from pathlib import Path

import pandas as pd

import listing_quality as lq

SAMPLES = Path(__file__).resolve().parent.parent / "data" / "samples"


def catalog(n: int) -> pd.DataFrame:
    base = pd.read_csv(SAMPLES / "catalog.csv", dtype=str, keep_default_na=False)
    base["photos"] = ""
    frame = pd.concat([base] * (n // len(base) + 1), ignore_index=True).head(n)
    frame["id"] = [f"B-{i}" for i in range(len(frame))]
    return frame


def timed(fn):
    start = time.perf_counter()
    value = fn()
    return time.perf_counter() - start, value


def line(name: str, n: int, took: float, base: float) -> None:
    print(f"{name:<28} {took:8.3f} s {n / took:>10,.0f} /s  x{took / base:5.2f}")


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=2000)
    n = parser.parse_args(argv).n
    frame = catalog(n)
    listings = lq.read_catalog(frame).listings
    base, results = timed(lambda: lq.score_catalog(listings, progress=False))
    print(f"{n} listings; baseline score_catalog(progress=False) {base:.3f} s")
    with contextlib.redirect_stderr(io.StringIO()):
        took, _ = timed(lambda: lq.score_catalog(listings, progress=True))
    line("score_catalog(progress=True)", n, took, base)
    took, _ = timed(lambda: frame.lq.score(progress=False))
    line("df.lq.score()", n, took, base)
    [len(r.to_dict()) for r in results]  # warm-up: the first pass pays for lazy caches
    dump, _ = timed(lambda: [len(r.to_dict()) for r in results])
    print(f"view baseline Result.to_dict() {dump:.3f} s ({n / dump:,.0f} /s)")
    took, _ = timed(lambda: [len(repr(r)) for r in results])
    line("repr(result)", n, took, dump)
    took, _ = timed(lambda: [len(r._repr_html_()) for r in results])
    line("result._repr_html_()", n, took, dump)


if __name__ == "__main__":
    main(sys.argv[1:])

"""`listing-quality score`: one row of scores per listing, streamed, for very large catalogs.

    listing-quality score big.csv -o scores.parquet --jobs 0 --fail-under 60

`check` builds a full report (every finding, message and suggestion) and so holds every
result; `score` writes only the score table (schema.OUTPUT_SCHEMA) chunk by chunk, so a
marketplace-wide export of a million rows runs in bounded memory on every core. A summary
goes to stderr; exit codes are check's: 0 pass, 1 some listing below `--fail-under`,
2 a usage or input error.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

import pandas as pd

from .report._common import is_below

COMMANDS = ("score",)


def add_parsers(sub: Any, rubric_args: Any) -> None:
    score = sub.add_parser("score", help="stream a score table for a large catalog "
                           "(CSV, Parquet; others are read whole)")
    score.add_argument("catalog", help="catalog file (.csv/.tsv/.parquet stream)")
    rubric_args(score)
    score.add_argument("--output", "-o", default="-",
                       help="scores file: .csv or .parquet (default: CSV on stdout)")
    score.add_argument("--images", help="folder the photo paths are relative to "
                       "(default: the catalog's folder)")
    score.add_argument("--fail-under", type=float, metavar="SCORE",
                       help="exit 1 when any listing's displayed overall score is below SCORE")
    score.add_argument("--select", default="", help="only these codes or prefixes (T,P104)")
    score.add_argument("--ignore", default="", help="skip these codes or prefixes")
    score.add_argument("--source", help="force the catalog layout (default: detect it)")
    score.add_argument("--jobs", "-j", type=int, default=1, help="worker processes (0 = all)")
    score.add_argument("--chunk-size", type=int, default=20_000,
                       help="listings per chunk: memory grows with it (default 20000)")
    score.add_argument("--progress", action="store_true", help="report progress on stderr")
    score.add_argument("--allow-network", action="store_true", help="fetch photo URLs")


def run(args: argparse.Namespace) -> int:
    from .api import Options
    from .cli import _codes
    from .partition import Reading
    from .stream import score_file

    path = Path(args.catalog)
    if not path.is_file():
        raise FileNotFoundError(f"{path}: catalog file not found")
    images = Path(args.images) if args.images else path.resolve().parent
    if args.rubric != "auto":
        from .rubric import load_rubric

        load_rubric(args.rubric, args.marketplace)  # fail fast, before any scoring
    options = Options(args.rubric, args.marketplace, str(images.resolve()), args.lang,
                      args.allow_network, _codes(args.select), _codes(args.ignore))
    start, tally = time.perf_counter(), _Tally(args.fail_under)
    score_file(str(path), args.output, options, on_chunk=tally.add,
               chunk_size=args.chunk_size, n_jobs=args.jobs, progress=args.progress,
               reading=Reading.of(args.source))
    print(tally.summary(time.perf_counter() - start), file=sys.stderr)
    return 1 if tally.below else 0


class _Tally:
    """Grade counts and listings below the bar, kept as the chunks go by."""

    def __init__(self, fail_under: float | None) -> None:
        self.fail_under, self.rows, self.below, self.grades = fail_under, 0, 0, Counter()

    def add(self, part: pd.DataFrame) -> None:
        self.rows += len(part)
        self.grades.update(part["grade"].tolist())
        self.below += sum(is_below(v, self.fail_under) for v in part["overall"].tolist())

    def summary(self, seconds: float) -> str:
        grades = " / ".join(f"{g} {self.grades[g]}" for g in sorted(self.grades))
        bar = f"; below {self.fail_under:g}: {self.below}" if self.fail_under is not None else ""
        rate = self.rows / seconds if seconds > 0 else 0.0
        return (f"listing-quality: scored {self.rows:,} listings in {seconds:.1f} s "
                f"({rate:,.0f}/s): {grades or '-'}{bar}")

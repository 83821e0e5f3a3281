"""Train and evaluate the category model from real marketplace categories (dev tooling).

    python -m listing_quality.model.category_build [--realdata ../shared/realdata]
        [--output listing_quality/model/category.json]

Labels here are the marketplaces' own categories (PRDECT-ID) or the scrape's topic
(seblak = food), mapped to rubrics by category.yaml, never the library's rules. Each
distinct title is used once. Reports stratified 5-fold accuracy and per-class recall.
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.metrics import classification_report
from sklearn.model_selection import StratifiedKFold

from .category import fit_category, settings

ROOT = Path(__file__).resolve().parents[2]


def examples(realdata: Path) -> tuple[list[str], list[str]]:
    """Distinct titles (first seen wins) with their rubric."""
    seen: dict[str, str] = {}
    for source, spec in settings()["sources"].items():
        frame = pd.read_csv(realdata / source, **spec["read"])
        for _, row in frame.iterrows():
            title = str(row[spec["title"]]).strip()
            key = title.lower()
            if not title or key in seen:
                continue
            seen[key] = (spec["rubric"] if "rubric" in spec
                         else settings()["prdect_map"].get(str(row[spec["column"]]), "umum"))
    titles = list(seen)
    return titles, [seen[t] for t in titles]


def cross_validate(titles: list[str], labels: list[str]) -> str:
    y = np.asarray(labels)
    predicted = np.empty(len(y), dtype=object)
    for train, test in StratifiedKFold(5, shuffle=True, random_state=0).split(titles, y):
        model = fit_category([titles[i] for i in train], y[train].tolist())
        predicted[test] = [model.infer(titles[i])[0] for i in test]
    return classification_report(y, predicted.astype(str), digits=3, zero_division=0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--realdata", type=Path, default=ROOT.parent / "shared/realdata")
    parser.add_argument("--output", type=Path,
                        default=Path(__file__).with_name("category.json"))
    args = parser.parse_args()
    titles, labels = examples(args.realdata)
    report = cross_validate(titles, labels)
    print(f"{len(titles)} distinct titles: {dict(Counter(labels))}\n{report}")
    model = fit_category(titles, labels, info={"n": len(titles),
                                               "classes": dict(Counter(labels)),
                                               "cv_report": report})
    model.save(args.output)
    print(f"wrote {args.output} ({args.output.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()

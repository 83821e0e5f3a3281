"""The title score on real Tokopedia titles, against labels assigned by hand (LABELING.md).

Skips cleanly when ../shared/realdata is absent. Run as a script to print the figures that
docs/title.md reports: `python tests/test_title_realdata.py`.
"""

from __future__ import annotations

import csv
from functools import lru_cache
from pathlib import Path
from statistics import mean, median

import pandas as pd
import pytest

import listing_quality as lq

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(__file__).resolve().parents[2] / "shared"
REALDATA = SHARED / "realdata"
LABELS = ROOT / "data" / "labels" / "titles.csv"
READERS = {  # source file -> (read options, title column, category column or None)
    "tokopedia-seblak/harunyoel_hasil_scraping.csv": ({}, "Nama Produk", None),
    "prdect-id/PRDECT-ID_Dataset.csv": ({"sep": ";"}, "Product Name", "Category"),
    "tokopedia-general/dagdo03_tokopedia_data.csv": ({}, "Product", None),
}
DEFAULT_CATEGORY = {"tokopedia-seblak/harunyoel_hasil_scraping.csv": "kuliner"}


def _labels() -> list[dict[str, str]]:
    with LABELS.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


@lru_cache(maxsize=1)
def scored() -> list[tuple[str, str, float, str]]:
    """(source, label, title score, split) per labelled row; each title scored on its own."""
    frames = {src: pd.read_csv(REALDATA / src, **opts) for src, (opts, _, _) in READERS.items()}
    options = lq.Options(ignore=("T108",), select=("T",))
    out = []
    for row in _labels():
        src, n = row["source"], int(row["row"])
        _, title_col, cat_col = READERS[src]
        record = frames[src].iloc[n - 2]
        category = str(record[cat_col]) if cat_col else DEFAULT_CATEGORY.get(src, "")
        listing = lq.read_catalog([{"id": f"{src}:{n}", "title": record[title_col],
                                    "category": category, "price": 10000}]).listings[0]
        result = lq.score_catalog([listing], options)[0]
        out.append((src, row["label"], result.dimensions["title"].score or 0.0, row["split"]))
    return out


def auc(positives: list[float], negatives: list[float]) -> float:
    """ROC AUC by the rank statistic: P(score of a positive > score of a negative)."""
    wins = sum((p > n) + 0.5 * (p == n) for p in positives for n in negatives)
    return wins / (len(positives) * len(negatives))


def _auc_of(rows: list[tuple[str, str, float, str]]) -> float:
    pos = [s for _, lab, s, _ in rows if lab == "specific"]
    neg = [s for _, lab, s, _ in rows if lab == "vague-or-spammy"]
    return auc(pos, neg)


def report() -> str:
    rows = scored()
    lines = [f"labelled titles: {len(rows)}"]
    for split in ("tuning", "holdout"):
        mine = [r for r in rows if r[3] == split]
        lines.append(f"ROC AUC specific vs vague-or-spammy, {split} set (n={len(mine)}): "
                     f"{_auc_of(mine):.3f}")
    lines.append(f"ROC AUC specific vs vague-or-spammy, all: {_auc_of(rows):.3f}")
    for src in READERS:
        mine = [r for r in rows if r[0] == src]
        lines.append(f"\n{src}: n={len(mine)}, AUC={_auc_of(mine):.3f}")
        for label in ("specific", "partly", "vague-or-spammy"):
            v = sorted(s for _, lab, s, _ in mine if lab == label)
            if v:
                lines.append(f"  {label:16s} n={len(v):3d} mean={mean(v):5.1f} "
                             f"median={median(v):5.1f} min={v[0]:5.1f} max={v[-1]:5.1f}")
    return "\n".join(lines)


def test_labels_file_is_well_formed() -> None:
    labels = _labels()
    assert len(labels) >= 300
    assert {r["label"] for r in labels} == {"specific", "partly", "vague-or-spammy"}
    assert {r["split"] for r in labels} == {"tuning", "holdout"}
    assert {r["source"] for r in labels} == set(READERS)
    assert len({(r["source"], r["row"]) for r in labels}) == len(labels)


def test_title_score_separates_specific_from_vague() -> None:
    if not REALDATA.is_dir():
        pytest.skip("../shared/realdata is not available")
    rows = scored()
    assert _auc_of(rows) >= 0.75
    assert _auc_of([r for r in rows if r[3] == "holdout"]) >= 0.75
    by_label = {lab: mean(s for _, lab_, s, _ in rows if lab_ == lab)
                for lab in ("specific", "partly", "vague-or-spammy")}
    assert by_label["specific"] > by_label["partly"] > by_label["vague-or-spammy"]


if __name__ == "__main__":
    print(report())

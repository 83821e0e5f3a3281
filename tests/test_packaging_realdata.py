"""Net quantities on real Tokopedia titles (../shared/realdata), against hand-read labels.

`data/labels/quantities.csv` holds 100 titles (file and row only, never the text) with the
net quantity a person read in each title. The rows are fetched from ../shared at test time,
so the test skips cleanly where the real data is absent. Figures go to docs/packaging.md.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

import pytest

from listing_quality.text.quantities import NetQuantity, net_quantity

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(__file__).resolve().parents[2] / "shared"
REAL = SHARED / "realdata"
LABELS = ROOT / "data" / "labels" / "quantities.csv"
TITLE_COLUMN = {"tokopedia-seblak/harunyoel_hasil_scraping.csv": ("Nama Produk", ","),
                "prdect-id/PRDECT-ID_Dataset.csv": ("Product Name", ";")}

pytestmark = pytest.mark.skipif(not REAL.is_dir(), reason="../shared/realdata is absent")


@lru_cache(maxsize=4)
def _titles(name: str) -> dict[int, str]:
    """Spreadsheet row number (header = 1) -> title, for one real-data file."""
    column, sep = TITLE_COLUMN[name]
    with (REAL / name).open(encoding="utf-8", newline="") as handle:
        return {row: rec[column] for row, rec in enumerate(csv.DictReader(handle, delimiter=sep),
                                                           start=2)}


def _number(text: str) -> float | None:
    return float(text) if text.strip() else None


def _labelled() -> Iterator[tuple[str, tuple[float | None, ...], NetQuantity]]:
    with LABELS.open(encoding="utf-8", newline="") as handle:
        for rec in csv.DictReader(handle):
            title = _titles(rec["file"])[int(rec["row"])]
            truth = (_number(rec["net_g"]), _number(rec["net_ml"]), _number(rec["pack_count"]))
            yield title, truth, net_quantity(title)


def _stated(net: NetQuantity) -> bool:
    return any(v is not None for v in (net.net_g, net.net_ml, net.pack_count))


def _verdict(truth: tuple[float | None, ...], net: NetQuantity) -> str:
    """tp / fp / fn / tn for one title: the main value (mass or volume, else count) must match."""
    found = _stated(net)
    labelled = any(v is not None for v in truth)
    if truth[0] is not None or truth[1] is not None:
        right = (net.net_g, net.net_ml) == truth[:2]
    else:
        right = net.net_g is None and net.net_ml is None and net.pack_count == truth[2]
    if found and labelled and right:
        return "tp"
    if found:
        return "fp" if not labelled else "fp+fn"
    return "fn" if labelled else "tn"


def scores() -> dict[str, float]:
    """Precision and recall of the net quantity on the hand-checked sample."""
    counts = {"tp": 0, "fp": 0, "fn": 0, "tn": 0}
    for _, truth, net in _labelled():
        for part in _verdict(truth, net).split("+"):
            counts[part] += 1
    precision = counts["tp"] / max(1, counts["tp"] + counts["fp"])
    recall = counts["tp"] / max(1, counts["tp"] + counts["fn"])
    return {**counts, "precision": precision, "recall": recall}


def test_sample_is_100_titles_from_both_sources() -> None:
    rows = list(csv.DictReader(LABELS.open(encoding="utf-8", newline="")))
    assert len(rows) == 100
    assert {r["file"] for r in rows} == set(TITLE_COLUMN)
    assert len({(r["file"], r["row"]) for r in rows}) == 100


def test_precision_and_recall_on_the_hand_checked_sample() -> None:
    result = scores()
    assert result["tp"] + result["fn"] >= 40  # the sample holds enough quantities to judge
    assert result["precision"] >= 0.9, result
    assert result["recall"] >= 0.9, result


def test_quantities_found_on_every_unique_title() -> None:
    """How many unique real titles state a net quantity the parser reads (for the docs)."""
    found = total = 0
    for name in TITLE_COLUMN:
        titles = set(_titles(name).values())
        total += len(titles)
        found += sum(1 for t in titles if _stated(net_quantity(t)))
    assert total > 2000 and 0.2 < found / total < 0.8

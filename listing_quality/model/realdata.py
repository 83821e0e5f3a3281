"""Read the hand-labelled real titles the shipped model learns from (dev tooling).

Labels live in data/labels/accept.csv by source file and row only; the titles stay in
../shared/realdata/ and are read here at training time, never copied into the project.
Each labelled row becomes a small listing (title, price, category) measured exactly as
scoring measures it.
"""

from __future__ import annotations

import csv
import functools
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import pandas as pd
import yaml

from .. import features
from ..adapters import read_catalog
from .curator import label_value


@dataclass(frozen=True)
class Labelled:
    source: str
    row: int
    label: int
    listing: dict[str, Any]


@functools.lru_cache(maxsize=1)
def readers() -> dict[str, dict[str, Any]]:
    path = resources.files("listing_quality") / "model" / "sources.yaml"
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def read_labels(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@functools.lru_cache(maxsize=8)
def _frame(realdata: Path, source: str) -> pd.DataFrame:
    return pd.read_csv(realdata / source, **readers()[source]["read"])


def labelled_rows(labels: list[dict[str, str]], realdata: Path) -> Iterator[Labelled]:
    """Each readable (source, row, label) as a listing mapping; unknown sources are skipped."""
    for entry in labels:
        source, value = entry["source"], label_value(entry["label"])
        spec = readers().get(source)
        if spec is None or value is None:
            continue
        record = _frame(realdata, source).iloc[int(entry["row"])]
        category = spec["category"]
        listing = {"id": f"{source}:{entry['row']}", "title": str(record[spec["title"]]),
                   "price": str(record[spec["price"]]),
                   "category": str(record[category["column"]]) if "column" in category
                   else category["fixed"]}
        yield Labelled(source, int(entry["row"]), value, listing)


def measured(rows: list[Labelled]) -> list[dict[str, Any]]:
    """Facts of each labelled title on its own (a catalog of one, like scoring one listing)."""
    catalog = read_catalog([r.listing for r in rows])
    return [features.extract(item) for item in catalog.listings]

"""Weight columns: which unit they are in, and kilograms turned into grams.

`Listing.weight_g` is read as grams by the features (`features/data.py::grams`), so when
an adapter *knows* a column is in kilograms it converts: 0.25 -> 250.0, keeping the value
as written in `attributes["_weight_raw"]`. Shopee is the reason this module exists: the
2026 mass-upload label says "Berat (kg)", yet some exporters fill the column with grams,
so the unit is decided from the header *and* the magnitudes of the whole column, and the
decision is written into the catalog notes for the curator to check.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from statistics import median
from typing import Any

import yaml

from .cells import by_text
from .columns import ColumnMap

_PLAIN = re.compile(r"^\s*(\d{1,7})(?:[.,](\d{1,6}))?\s*$")  # 0,25 / 1.5 / 250
_MAX_KG = 10**6  # beyond this a "weight" is not a weight; leave it raw for the features
_MIN = 1e-6  # below a milligram a number is noise, not a weight


@dataclass(frozen=True)
class Inference:
    grams_min_median: float
    grams_min_whole_share: float
    kg_max_median: float


@lru_cache(maxsize=1)
def settings() -> Inference:
    raw = yaml.safe_load(Path(__file__).with_name("columns.yaml").read_text(encoding="utf-8"))
    w = raw["weight_inference"]
    return Inference(float(w["grams_min_median"]), float(w["grams_min_whole_share"]),
                     float(w["kg_max_median"]))


def number(value: Any) -> float | None:
    """A plain positive number (250, 0.25, "0,25", "1.5"); anything else is None.

    Text with units or thousands separators ("250 gr", "1.000") is not guessed at here:
    it stays raw and the features report it.
    """
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (int, float)):
        ok = math.isfinite(value) and _MIN <= value < _MAX_KG
        return float(value) if ok else None
    match = _PLAIN.match(str(value)) if isinstance(value, str) else None
    if not match or (match.group(1) != "0" and len(match.group(2) or "") == 3
                     and "." in value):
        return None  # "1.000" is a thousands separator (or ambiguous), not one kilogram
    got = float(f"{match.group(1)}.{match.group(2) or 0}")
    return got if _MIN <= got < _MAX_KG else None


def by_magnitude(values: Iterable[Any]) -> str | None:
    """"g", "kg" or None (no numbers, or numbers that could be either)."""
    nums = [n for n in by_text(values, number) if n is not None]
    if not nums:
        return None
    cfg, mid = settings(), median(nums)
    whole = sum(1 for n in nums if n.is_integer()) / len(nums)
    if mid >= cfg.grams_min_median and whole >= cfg.grams_min_whole_share:
        return "g"
    if mid < cfg.kg_max_median and whole < 1:
        return "kg"
    return None


def column_unit(header_unit: str | None, default: str | None,
                values: Iterable[Any]) -> tuple[str | None, str | None]:
    """(unit, note): the header's unit, else the marketplace default, checked by magnitude.

    A header that says grams is trusted (grams is what the features expect). A kg header,
    a marketplace default or no unit at all yields to magnitudes that clearly say
    otherwise; the note says so, since that is a guess a curator should see.
    """
    stated = header_unit or default
    seen = by_magnitude(values)
    if stated == "g" and header_unit == "g":
        return "g", None
    if seen and seen != stated:
        said = f"the header says {stated}" if stated else "no unit in the header"
        return seen, f"{said}, but the values look like {seen} (inferred from magnitudes)"
    return stated, None


def to_grams(value: Any) -> tuple[Any, bool]:
    """(grams, converted?) for a kilogram value; an unreadable value comes back as is."""
    kg = number(value)
    if kg is None:
        return value, False
    return round(kg * 1000, 6), True


def catalog_unit(cmap: ColumnMap, columns: Sequence[Sequence[Any]], header_unit: str | None,
                 default: str | None, notes: list[str]) -> str | None:
    """The weight column's unit for a whole table, said in `notes` (None: no column)."""
    j = cmap.fields.get("weight_g")
    if j is None:
        return None
    values = columns[j] if j < len(columns) else []
    unit, why = column_unit(header_unit or cmap.weight_unit, default, values)
    if unit:
        done = "; converted to grams in weight_g, raw value in attributes['_weight_raw']" \
            if unit == "kg" else ""
        notes.append(f"weight column {cmap.headers[j]!r} is in {unit} "
                     f"(attributes['_weight_unit']){f'; {why}' if why else ''}{done}")
    return unit

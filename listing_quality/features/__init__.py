"""MEASURE: pure functions from a listing to a flat dict of facts.

Each dimension has one module with a `measure(listing, context) -> dict`; `extract` runs
them all. Measuring never judges (no thresholds here) and never raises: a measurement
that fails is recorded as `data.measure_error`, which a data rule reports on that row.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..types import Listing
from . import data, packaging, photos, price, title

Measure = Callable[[Listing, "Context"], dict[str, Any]]


@dataclass(frozen=True)
class Context:
    """What a measurement may know beyond the listing itself.

    `images_root` confines photo paths; `allow_network` must be True for URLs to be
    fetched; `catalog` carries catalog-level facts computed once per catalog.
    """

    images_root: Path | None = None
    allow_network: bool = False
    catalog: Mapping[str, Any] = field(default_factory=dict)


MEASURES: tuple[tuple[str, Measure], ...] = (
    ("data", data.measure),
    ("title", title.measure),
    ("photos", photos.measure),
    ("packaging", packaging.measure),
    ("price", price.measure),
)


def extract(listing: Listing, context: Context | None = None) -> dict[str, Any]:
    context = context or Context()
    features: dict[str, Any] = {"data.measure_error": None, "model.probability": None}
    for name, measure in MEASURES:
        try:
            features.update(measure(listing, context))
        except Exception as exc:
            features["data.measure_error"] = f"{name}: {type(exc).__name__}: {exc}"
    return features

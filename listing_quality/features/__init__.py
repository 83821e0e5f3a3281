"""MEASURE: pure functions from a listing to a flat dict of facts.

Each dimension has one module with a `measure(listing, context) -> dict`; `extract` runs
them all, handing the text measures one `ListingTexts` so each text of the listing is
normalised and scanned once. Measuring never judges (no thresholds here) and never
raises: a measurement that fails is recorded as `data.measure_error`, which a data rule
reports on that row.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..types import Listing
from . import data, packaging, photos, price, title
from .texts import ListingTexts

Measure = Callable[[Listing, "Context", ListingTexts], dict[str, Any]]


@dataclass(frozen=True)
class Context:
    """What a measurement may know beyond the listing itself.

    `images_root` confines photo paths; `allow_network` must be True for URLs to be
    fetched. Catalog-level facts are added afterwards by `catalog.enrich`.
    """

    images_root: Path | None = None
    allow_network: bool = False


def _data(listing: Listing, context: Context, texts: ListingTexts) -> dict[str, Any]:
    return data.measure(listing, context)


def _photos(listing: Listing, context: Context, texts: ListingTexts) -> dict[str, Any]:
    return photos.measure(listing, context)


MEASURES: tuple[tuple[str, Measure], ...] = (
    ("data", _data),
    ("title", title.measure),
    ("photos", _photos),
    ("packaging", packaging.measure),
    ("price", price.measure),
)


def extract(listing: Listing, context: Context | None = None) -> dict[str, Any]:
    context = context or Context()
    features: dict[str, Any] = {"data.measure_error": None, "model.probability": None}
    texts = ListingTexts(listing)  # lazy: a text is read when a measure first asks
    for name, measure in MEASURES:
        try:
            features.update(measure(listing, context, texts))
        except Exception as exc:  # noqa: BLE001 - one bad row must not stop a batch
            features["data.measure_error"] = f"{name}: {type(exc).__name__}: {exc}"
    return features

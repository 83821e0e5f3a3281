"""Catalog-level features: facts about a listing that only the whole catalog reveals.

Peer prices, duplicate titles and photos reused across listings need every listing's own
features first. `enrich` runs once per catalog, after per-listing measurement, and adds
one value per listing for each catalog feature. Builders are vectorised or bucketed:
nothing compares all pairs, so the pass stays near-linear in catalog size.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, MutableMapping, Sequence
from typing import Any

from .catalog_photos import photo_reuse
from .catalog_prices import peer_prices
from .catalog_titles import exact_title_duplicates, near_title_duplicates

Facts = MutableMapping[str, Any]
Builder = Callable[[Sequence[Mapping[str, Any]], Sequence[str]], dict[str, list[Any]]]


BUILDERS: tuple[Builder, ...] = (exact_title_duplicates, near_title_duplicates, peer_prices,
                                 photo_reuse)


def enrich(facts: Sequence[Facts], ids: Sequence[str],
           builders: Sequence[Builder] = BUILDERS) -> None:
    """Add every catalog feature to each listing's facts, in place."""
    for build in builders:
        try:
            columns = build(facts, ids)
        except Exception as exc:  # noqa: BLE001 - a catalog pass must not lose the batch
            for row in facts:
                row["data.measure_error"] = f"catalog {build.__name__}: {exc}"
            continue
        for name, values in columns.items():
            for row, value in zip(facts, values, strict=True):
                row[name] = value

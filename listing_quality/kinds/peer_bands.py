"""The curator's reference price bands of the `peers` kind: checked, matched, memoised.

A band (`bands` in a rubric: product type, optional net size range, price range, source)
judges a listing whose catalog has too few peers of its type. Kept apart from peers.py,
which judges; here is only which band, if any, speaks for a listing.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from typing import Any

from .base import is_number

BAND_KEYS = frozenset({"type", "min_g", "max_g", "low", "high", "source"})
BandFinder = Callable[[Mapping[str, Any], list], Mapping[str, Any] | None]


def band_problem(band: Any) -> str | None:
    """Bands are curator data; a malformed one must fail when the rubric loads."""
    if not isinstance(band, Mapping) or set(band) - BAND_KEYS:
        return f"expected a mapping with keys {sorted(BAND_KEYS)}"
    missing = {"type", "low", "high", "source"} - set(band)
    if missing:
        return f"missing {sorted(missing)}"
    if ("min_g" in band) != ("max_g" in band):
        return "give both min_g and max_g, or neither"
    numbers = [band[k] for k in ("low", "high", "min_g", "max_g") if k in band]
    if not all(is_number(v) and v > 0 for v in numbers):
        return "low, high, min_g and max_g must be numbers above 0"
    if band["low"] >= band["high"] or band.get("min_g", 0) > band.get("max_g", math.inf):
        return "low must be below high and min_g not above max_g"
    return None


def of_type(band: Mapping[str, Any], kind: str) -> bool:
    """"keripik" covers "keripik singkong": the title slot may be more specific than a band."""
    return band["type"] == kind or band["type"] in kind.split()


def typed(kind: Any, bands: list) -> bool:
    """Whether any band is of this product type (a record's `type`, as `matching_band`
    reads it): without one, no net size or basis can find a band."""
    kind = str(kind or "")
    return any(of_type(band, kind) for band in bands)


def matching_band(record: Mapping[str, Any], bands: list) -> Mapping[str, Any] | None:
    """The first band of this product type whose size range holds the listing's net size.

    A band without sizes covers every pack of its type, but only for pack prices: it says
    nothing about the price per 100 g.
    """
    net, per_100 = record.get("net"), record.get("basis") == "per_100g"
    for band in bands:
        if not of_type(band, str(record.get("type") or "")):
            continue
        if "min_g" not in band:
            if not per_100:
                return band
        elif is_number(net) and band["min_g"] <= net <= band["max_g"]:
            return band
    return None


def band_memo() -> BandFinder:
    """`matching_band` for one column: the few listings without enough peers share a
    few (type, net size, basis) triples, so each triple's band is looked up once. Keys
    hold each field's type too: a net of True is no number, a net of 1 is."""
    memo: dict[tuple, Mapping[str, Any] | None] = {}

    def find(record: Mapping[str, Any], bands: list) -> Mapping[str, Any] | None:
        if not bands:
            return None
        key = tuple((type(v), v) for v in (record.get("type"), record.get("net"),
                                            record.get("basis")))
        try:
            if key not in memo:
                memo[key] = matching_band(record, bands)
            return memo[key]
        except TypeError:  # an unhashable field: looked up as it is
            return matching_band(record, bands)

    return find

"""Facts about the row itself: read errors, truncated fields, malformed numbers."""

from __future__ import annotations

import math
import re
from typing import Any

from ..types import Listing

_NUMBER = re.compile(r"^\s*\d+(?:[.,]\d+)?\s*(?:g|gr|gram)?\s*$", re.IGNORECASE)


def measure(listing: Listing, context: Any) -> dict[str, Any]:
    attrs = listing.attributes or {}
    truncated = attrs.get("_truncated") or []
    return {
        "data.row_error": attrs.get("_row_error") or None,
        "data.truncated": list(truncated) if isinstance(truncated, (list, tuple)) else [],
        "data.weight_invalid": _invalid_number(listing.weight_g, _grams_ok),
        "data.stock_invalid": _invalid_number(listing.stock, _whole_ok),
    }


def grams(value: Any) -> float | None:
    """A shipping weight in grams from 250, 250.0, "250", "250 gr"; None otherwise."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value) if math.isfinite(value) and value >= 0 else None
    text = str(value).strip()
    if not _NUMBER.match(text):
        return None
    number = re.sub(r"[^\d.,]", "", text).replace(",", ".")
    return float(number)


def _grams_ok(value: Any) -> bool:
    return grams(value) is not None


def _whole_ok(value: Any) -> bool:
    if isinstance(value, bool):
        return False
    if isinstance(value, (int, float)):
        return math.isfinite(value) and float(value).is_integer() and value >= 0
    return str(value).strip().isdigit()


def _invalid_number(value: Any, ok: Any) -> str | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    return None if ok(value) else str(value)[:80]

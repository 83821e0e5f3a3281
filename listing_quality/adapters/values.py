"""Cell values -> the plain values a `Listing` holds.

Adapters never *parse* a price or a weight: "Rp25.000", 25000 and "25rb" are all facts the
features module measures and reports on. These helpers only make values uniform: missing
(None, NaN, NaT, "") becomes None or "", numpy scalars become Python numbers, dates become
ISO strings, and photo cells become a list of references.
"""

from __future__ import annotations

import datetime as dt
import decimal
import math
import re
from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from ..types import json_safe

# Photo lists are split on "|", ";" and line breaks, never blindly on commas: CDN URLs
# (Cloudinary "w_300,h_200", Shopee/Tokopedia resize params) and Windows paths hold commas.
# A comma-only cell is split when every piece looks like one image ("a.jpg, b.jpg").
_PHOTO_SEPARATORS = re.compile(r"[|;\r\n]+")
_IMAGE_PIECE = re.compile(
    r"^\S+\.(?:jpe?g|png|webp|gif|bmp|tiff?|heic|avif)(?:[?#]\S*)?$", re.IGNORECASE)


def is_missing(value: Any) -> bool:
    """None, float NaN, pandas NA/NaT and numpy NaN are missing; containers never are."""
    if value is None:
        return True
    if isinstance(value, float):
        return math.isnan(value)
    if isinstance(value, decimal.Decimal):  # pd.isna raises on a signalling NaN
        return value.is_nan()
    if isinstance(value, (str, bytes, int, Mapping, list, tuple, set)) or is_image(value):
        return False
    try:
        result = pd.isna(value)
    except (TypeError, ValueError, ArithmeticError):
        return False
    return bool(result) if isinstance(result, (bool, np.bool_)) else False


def plain(value: Any) -> Any:
    """numpy scalar -> Python scalar; everything else unchanged."""
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    if hasattr(value, "item") and callable(value.item) and getattr(value, "ndim", 1) == 0:
        try:
            return value.item()
        except (TypeError, ValueError):
            return value
    return value


def as_text(value: Any) -> str:
    """A text field: "" when missing; 123 -> "123", 123.0 -> "123", 1.5 -> "1.5"."""
    value = plain(value)
    if is_missing(value):
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    if isinstance(value, bytes):
        return value.decode("utf-8", errors="replace")
    return str(value)


def as_raw(value: Any) -> Any:
    """A raw numeric field (price, weight, stock): str/int/float kept, blank -> None."""
    value = plain(value)
    if is_missing(value):
        return None
    if isinstance(value, str):
        return value if value.strip() else None
    if isinstance(value, (int, float)):
        return value
    return as_text(value) or None


def as_attribute(value: Any) -> Any:
    """An extra column's value, JSON-safe (dates as ISO strings, NaN -> None)."""
    value = plain(value)
    if is_missing(value):
        return None
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    if isinstance(value, bytes):
        return as_text(value)
    return json_safe(value)


def is_image(value: Any) -> bool:
    """Duck-typed PIL image (no PIL import needed): has `.size` and `.mode`."""
    return not isinstance(value, (str, bytes)) and hasattr(value, "size") and hasattr(
        value, "mode")


def split_refs(text: str) -> list[str]:
    """'a.jpg | b.jpg' -> ['a.jpg', 'b.jpg'] (see the separator note above)."""
    text = text.strip()
    if not text:
        return []
    if text.startswith("data:"):
        return [text]
    pieces = [p.strip() for p in _PHOTO_SEPARATORS.split(text)]
    if len(pieces) == 1 and "," in text:
        commas = [p.strip() for p in text.split(",")]
        if all(_IMAGE_PIECE.match(p) for p in commas if p):
            pieces = commas
    return [p for p in pieces if p]


def photo_items(value: Any) -> list[tuple[str, Any]]:
    """A photo cell or mapping value -> [(ref, image or None)].

    Accepts a string (split as above), a number, a PIL image, a mapping with "ref" (as
    `Photo.to_dict()` writes it), or a list/tuple of any of these.
    """
    if is_image(value):
        return [("<image>", value)]
    value = plain(value)
    if is_missing(value):
        return []
    if isinstance(value, Mapping):
        ref = as_text(value.get("ref", value.get("path", value.get("url"))))
        return [(ref.strip(), None)] if ref.strip() else []
    if isinstance(value, (list, tuple)):
        return [item for v in value for item in _one_item(v)]
    return [(ref, None) for ref in split_refs(as_text(value))]


def _one_item(value: Any) -> list[tuple[str, Any]]:
    """One element of a photo list is one photo: a string is not split again."""
    if isinstance(value, str):
        return [(value.strip(), None)] if value.strip() else []
    if isinstance(value, (list, tuple)):
        return [item for v in value for item in _one_item(v)]
    return photo_items(value)

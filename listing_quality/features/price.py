"""Price measurements: the rupiah value, placeholders, discount, price per 100 g.

Parsing "Rp25.000" / "25rb" / "1,5jt" lives in `text/rupiah.py`; here we only derive the
facts rules need. Peer comparison (catalog context) comes with the pricing issue.
"""

from __future__ import annotations

import re
from typing import Any

from ..text.rupiah import parse_rupiah
from ..types import Listing
from .packaging import label_net, label_text

_FILLER = re.compile(r"^(\d)\1{4,}$")  # 99999, 1111111: typed to get past a required field


def measure(listing: Listing, context: Any) -> dict[str, Any]:
    price = parse_rupiah(listing.price)
    original = parse_rupiah(listing.original_price)
    value = price.value if price.ok else None
    missing = price.reason == "empty"
    orig = original.value if original.ok and original.value else None
    return {
        "price.raw": None if listing.price is None else str(listing.price)[:80],
        "price.value": value,
        "price.missing": missing,
        "price.unparseable": None if price.ok or missing else (price.reason or "not a price"),
        "price.placeholder": _shown(value) if value is not None and is_placeholder(value)
        else None,
        "price.original": orig,
        "price.discount": discount_pct(value, orig),
        "price.per_100g": per_100(value, listing),
    }


def is_placeholder(value: float) -> bool:
    """Rp0, Rp1 and runs of one repeated digit (99999999) are typed to fill a form."""
    if value <= 1:
        return True
    return value.is_integer() and bool(_FILLER.match(str(int(value))))


def per_100(value: float | None, listing: Listing) -> float | None:
    if value is None or value <= 0:
        return None
    net = label_net(label_text(listing))
    amount = net.net_g or net.net_ml
    return round(value / amount * 100, 2) if amount else None


def discount_pct(value: float | None, original: float | None) -> float | None:
    """Percent off the strike-through price; negative when the 'original' is lower."""
    if value is None or not original:
        return None
    return round(100 * (1 - value / original), 2)


def _shown(value: float) -> str:
    """The placeholder as text, so that Rp0 is a truthy finding and reads as written."""
    return f"{value:,.0f}".replace(",", ".")

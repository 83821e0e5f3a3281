"""Packaging measurements: net quantity, registrations, halal and expiry statements.

Read from the title and description together, because UMKM sellers put label facts in
either; the patterns are data (`label_patterns.yaml`), the parsing of quantities lives in
`text/quantities.py`.
"""

from __future__ import annotations

import functools
import re
from importlib import resources
from typing import Any

import yaml

from ..text.normalize import normalize
from ..text.quantities import NetQuantity, find_sizes, net_quantity
from ..types import Listing
from .data import grams

MAX_LABEL_TEXT = 20_000


@functools.lru_cache(maxsize=1)
def patterns() -> dict[str, re.Pattern[str]]:
    raw = yaml.safe_load((resources.files("listing_quality") / "features" /
                          "label_patterns.yaml").read_text(encoding="utf-8"))
    return {name: re.compile(rx, re.IGNORECASE) for name, rx in raw.items()}


def label_text(listing: Listing) -> str:
    """Title and description together: UMKM sellers put label facts in either."""
    return normalize(f"{listing.title}\n{listing.description}")[:MAX_LABEL_TEXT]


@functools.lru_cache(maxsize=4096)
def label_net(text: str) -> NetQuantity:
    """Net quantity of a label text, cached: packaging and price both need it."""
    return net_quantity(text)


def measure(listing: Listing, context: Any) -> dict[str, Any]:
    text = label_text(listing)
    net = label_net(text)
    pirt, bpom = find_pirt(text), find_bpom(text)
    sizes = find_sizes(text)[:5]
    shipping = grams(listing.weight_g)
    return {
        "packaging.net_g": net.net_g,
        "packaging.net_ml": net.net_ml,
        "packaging.pack_count": net.pack_count,
        "packaging.net_text": net.text or None,
        "packaging.net_stated": bool(net.net_g or net.net_ml or net.pack_count),
        "packaging.sizes": sizes,
        "packaging.amount_stated": bool(net.net_g or net.net_ml or net.pack_count or sizes),
        "packaging.pirt": pirt,
        "packaging.bpom": bpom,
        "packaging.registration": bool(pirt or bpom),
        "packaging.halal": states_halal(text),
        "packaging.expiry": bool(patterns()["expiry"].search(text)),
        "packaging.shipping_ratio": (round(shipping / net.net_g, 4)
                                     if shipping and net.net_g else None),
    }


def find_pirt(text: str) -> str | None:
    match = patterns()["pirt"].search(text)
    return re.sub(r"\D", "", match.group(1)) if match else None


def find_bpom(text: str) -> str | None:
    match = patterns()["bpom"].search(text)
    return (match.group(1).upper() + re.sub(r"\D", "", match.group(2))) if match else None


def states_halal(text: str) -> bool:
    """Halal is stated by a certificate number, or the word halal not negated ("non halal")."""
    found = patterns()
    if found["halal_number"].search(text):
        return True
    cleaned = found["halal_negated"].sub(" ", text)
    return bool(found["halal"].search(cleaned))

"""Label facts beyond numbers: expiry, composition, storage, producer, pack and protection.

PerBPOM 31/2018 [R1] lists what a food label must show; craft buyers look for material,
care and safe or gift-ready packing. Each fact is a pattern (`label_patterns.yaml`) or a
word list (`text/lexicons/packaging_*.txt`), so a curator extends them without code.
"""

from __future__ import annotations

import functools
import re
from importlib import resources
from typing import Any

import yaml

from ..text.lexicon import find_phrases
from ..text.prefilter import search


@functools.lru_cache(maxsize=1)
def patterns() -> dict[str, re.Pattern[str]]:
    """The compiled `label_patterns.yaml`, case-insensitive."""
    raw = yaml.safe_load((resources.files("listing_quality") / "features" /
                          "label_patterns.yaml").read_text(encoding="utf-8"))
    return {name: re.compile(rx, re.IGNORECASE) for name, rx in raw.items()}


def states(text: str, name: str) -> bool:
    """True when pattern `name` of `label_patterns.yaml` occurs in `text`.

    Most texts lack the words a pattern needs (`prefilter`): those skip the search.
    """
    return search(patterns()[name], text) is not None


def label_facts(text: str, title: str) -> dict[str, Any]:
    """The label and packaging facts of a listing whose label text is `text`.

    `title` alone decides whether the product is a garment: a kain whose description says
    "cocok untuk kemeja" is still cloth sold by size, not a shirt needing a size chart.
    """
    protection = find_phrases(text, "packaging_protection")[:5]
    gift = find_phrases(text, "packaging_gift")[:5]
    return {
        "packaging.expiry": states(text, "expiry"),
        "packaging.composition": states(text, "composition"),
        "packaging.storage": states(text, "storage"),
        "packaging.producer": states(text, "producer") or states(text, "producer_made_by"),
        "packaging.pack_types": find_phrases(text, "packaging_types")[:5],
        "packaging.protection": protection,
        "packaging.gift": gift,
        "packaging.protected": bool(protection or gift),
        "packaging.materials": find_phrases(text, "packaging_materials")[:5],
        "packaging.care": states(text, "care"),
        "packaging.garment": bool(find_phrases(title, "packaging_garments")),
        "packaging.size_chart": states(text, "size_chart"),
    }

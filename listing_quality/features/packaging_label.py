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

from ..text import registrations as reg
from ..text.cues import Cues, plan
from ..text.prefilter import search

LEXICONS = ("packaging_types", "packaging_protection", "packaging_gift", "packaging_materials")
"""The lexicons read from a label text (`label_cues` scans for them with the patterns)."""


@functools.lru_cache(maxsize=1)
def patterns() -> dict[str, re.Pattern[str]]:
    """The compiled `label_patterns.yaml`, case-insensitive."""
    raw = yaml.safe_load((resources.files("listing_quality") / "features" /
                          "label_patterns.yaml").read_text(encoding="utf-8"))
    return {name: re.compile(rx, re.IGNORECASE) for name, rx in raw.items()}


@functools.lru_cache(maxsize=1)
def _cue_patterns() -> tuple[re.Pattern[str], ...]:
    return (*patterns().values(), *(reg.pattern(name) for name in reg.SEARCHED))


def label_cues(text: str) -> Cues:
    """One scan of a label text for every label pattern, registration and lexicon cue."""
    return Cues(text, plan(_cue_patterns(), LEXICONS))


def states(text: str, name: str, cues: Cues | None = None) -> bool:
    """True when pattern `name` of `label_patterns.yaml` occurs in `text`.

    Most texts lack the words a pattern needs (`prefilter`): those skip the search.
    `cues`: the `label_cues` of this very text, when the caller has them.
    """
    if cues is not None and cues.text is text:
        return cues.search(patterns()[name]) is not None
    return search(patterns()[name], text) is not None


def label_facts(text: str, title: str, cues: Cues | None = None) -> dict[str, Any]:
    """The label and packaging facts of a listing whose label text is `text`.

    `title` alone decides whether the product is a garment: a kain whose description says
    "cocok untuk kemeja" is still cloth sold by size, not a shirt needing a size chart.
    """
    cues = cues if cues is not None and cues.text is text else label_cues(text)
    protection = cues.phrases("packaging_protection")[:5]
    gift = cues.phrases("packaging_gift")[:5]
    return {
        "packaging.expiry": states(text, "expiry", cues),
        "packaging.composition": states(text, "composition", cues),
        "packaging.storage": states(text, "storage", cues),
        "packaging.producer": (states(text, "producer", cues)
                               or states(text, "producer_made_by", cues)),
        "packaging.pack_types": cues.phrases("packaging_types")[:5],
        "packaging.protection": protection,
        "packaging.gift": gift,
        "packaging.protected": bool(protection or gift),
        "packaging.materials": cues.phrases("packaging_materials")[:5],
        "packaging.care": states(text, "care", cues),
        "packaging.garment": bool(Cues(title, plan((), ("packaging_garments",)))
                                  .phrases("packaging_garments")),
        "packaging.size_chart": states(text, "size_chart", cues),
    }

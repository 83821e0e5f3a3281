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
from ..text.atoms import number_word_group
from ..text.cues import Cues, Plan, plan
from ..text.lexicon import load_words, phrase_matches
from ..text.phrases import first_word_index, lowered
from ..text.sizes import size_word_group

_WORD = re.compile(r"\w+")  # a whole word, as the lexicon regex's `(?<![\w])...(?![\w])` sees it
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


@functools.lru_cache(maxsize=1)
def _label_plan() -> Plan:
    """The label scan, looked up once: `plan`'s own cache hashes its dozen regexes. It
    finds the places of the atom scan's number words and of the size words too, so a
    label's `Parsed` shares it (`Parsed.share`) rather than scan for those itself."""
    return plan(_cue_patterns(), LEXICONS, (number_word_group(), size_word_group()))


def label_cues(text: str) -> Cues:
    """One scan of a label text for every label pattern, registration and lexicon cue."""
    return Cues(text, _label_plan())


def label_facts(text: str, title: str, cues: Cues | None = None) -> dict[str, Any]:
    """The label and packaging facts of a listing whose label text is `text`.

    `title` alone decides whether the product is a garment: a kain whose description says
    "cocok untuk kemeja" is still cloth sold by size, not a shirt needing a size chart.
    """
    cues = cues if cues is not None and cues.text is text else label_cues(text)
    found = {name: cues.search(regex) is not None for name, regex in patterns().items()}
    protection = cues.phrases("packaging_protection")[:5]
    gift = cues.phrases("packaging_gift")[:5]
    return {
        "packaging.expiry": found["expiry"],
        "packaging.composition": found["composition"],
        "packaging.storage": found["storage"],
        "packaging.producer": found["producer"] or found["producer_made_by"],
        "packaging.pack_types": cues.phrases("packaging_types")[:5],
        "packaging.protection": protection,
        "packaging.gift": gift,
        "packaging.protected": bool(protection or gift),
        "packaging.materials": cues.phrases("packaging_materials")[:5],
        "packaging.care": found["care"],
        "packaging.garment": names_garment(title),
        "packaging.size_chart": found["size_chart"],
    }


@functools.lru_cache(maxsize=1)
def _garment_words() -> frozenset[str] | None:
    """First words of the garment phrases, when each is a lower-case ASCII word."""
    index = first_word_index(load_words("packaging_garments"))
    return None if index is None else frozenset(index)


def names_garment(title: str) -> bool:
    """Whether the title holds a garment phrase (`find_phrases(title, "packaging_garments")`).

    A phrase starts with a whole word of the title, so a title none of whose words starts
    one (most: every food and craft) holds none; a set test, where the lexicon regex was
    tried at every word. Look-alikes (`lowered` is None) take the regex."""
    first, low = _garment_words(), lowered(title)
    if first is not None and low is not None and first.isdisjoint(_WORD.findall(low)):
        return False
    return bool(phrase_matches(title, "packaging_garments"))

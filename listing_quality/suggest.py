"""`r.suggested_title`: a better title built only from facts found in the listing.

A curator's best help is a rewritten title, but a rewrite that invents a flavour or a
weight is worse than none. So every part comes from the listing itself — the title's own
slots first, then the listing's attributes and brand, then the description (type, net
quantity, size, material, origin after a cue; never a flavour, which descriptions mention
as ingredients) — and is put in the category's canonical slot order
(`features/title_settings.yaml`). Promo words, claims, contacts and repeats are left out.
Slots still missing are named by the T rules' suggestions, not guessed here.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from .features.title import clean_title
from .features.title_slots import find_slots, settings
from .text.lexicon import split_words
from .text.normalize import fold, normalize, unit_table
from .types import Listing

_FROM_DESCRIPTION = ("jenis", "berat", "ukuran", "bahan", "teknik", "asal")
_MAX_DESCRIPTION = 2_000


def suggest_title(listing: Listing, facts: Mapping[str, Any], rubric: str) -> str | None:
    """The suggested title, or None when the listing names no product type anywhere or the
    suggestion would be the title as it already is."""
    try:
        slots = _gather(listing, facts)
        if not slots.get("jenis"):
            return None
        title = _assemble(slots, _order(rubric), str(facts.get("title.text") or ""))
    except Exception:  # noqa: BLE001 - a suggestion is a courtesy; it must never break scoring
        return None
    current = " ".join(str(facts.get("title.text") or "").split())
    return None if not title or title.casefold() == current.casefold() else title


def _order(rubric: str) -> list[str]:
    orders = settings()["slot_order"]
    return list(orders.get(rubric.split("+", 1)[0], orders["umum"]))


def _gather(listing: Listing, facts: Mapping[str, Any]) -> dict[str, str]:
    """Slot values: the title's, then attributes and brand, then the description's."""
    found = facts.get("title.slots")
    slots: dict[str, str] = dict(found) if isinstance(found, Mapping) else {}
    for slot, value in _attribute_slots(listing).items():
        slots.setdefault(slot, value)
    if listing.brand and normalize(listing.brand):
        slots.setdefault("merek", normalize(listing.brand))
    description = normalize(listing.description)[:_MAX_DESCRIPTION]
    if description:
        described = find_slots(description)
        described["berat"] = described.get("berat") or str(facts.get("packaging.net_text") or "")
        for slot in _FROM_DESCRIPTION:
            if described.get(slot) and (slot != "asal" or _after_cue(description, slot, described)):
                slots.setdefault(slot, described[slot])
    return {k: str(v) for k, v in slots.items() if str(v).strip()}


def _after_cue(description: str, slot: str, described: Mapping[str, str]) -> bool:
    """Only "khas Kediri" / "dari Kediri" in a description names the origin reliably."""
    name = re.escape(described[slot])
    return re.search(rf"(?i)\b(?:khas|asli|dari)\s{{1,2}}{name}\b", description) is not None


def _attribute_slots(listing: Listing) -> dict[str, str]:
    names = settings()["attribute_slots"]
    out: dict[str, str] = {}
    attributes = listing.attributes if isinstance(listing.attributes, Mapping) else {}
    for key, value in attributes.items():
        slot = names.get(" ".join(str(key).lower().replace("_", " ").split()))
        text = normalize(value)
        if slot and text and len(text) <= 60:
            out.setdefault(slot, text)
    return out


def _assemble(slots: Mapping[str, str], order: list[str], title: str) -> str:
    """Slots in order, the title's other describing words in the `lain` place, no repeats."""
    parts: list[str] = []
    seen: set[str] = set()
    for slot in order:
        value = _leftover(title, slots) if slot == "lain" else slots.get(slot, "")
        if slot == "asal" and value:
            value = f"{settings()['origin_cue']} {value}"
        words = [w for w in value.split() if _new(w, seen)]
        parts.extend(_tidy(w) for w in words)
    return " ".join(parts)


def _leftover(title: str, slots: Mapping[str, str]) -> str:
    """Words of the clean title that no slot took (an unknown brand, a shop name, ...)."""
    used = {w for value in slots.values() for w in split_words(fold(value))}
    used |= {w for w in split_words(fold(" ".join(("khas asli dari", settings()["origin_cue"]))))}
    words = [w for w in clean_title(title).split() if not set(split_words(fold(w))) <= used]
    return " ".join(w for w in words if split_words(w))


def _new(word: str, seen: set[str]) -> bool:
    key = " ".join(split_words(fold(word)))
    if not key:
        return False
    if not key.isalpha() or len(key) < 3:  # numbers, units, "x": "30 x 25 x 12 cm" stays whole
        return True
    if key in seen:
        return False
    seen.add(key)
    return True


def _tidy(word: str) -> str:
    """SHOUTED words of 4+ letters become Title Case, units lower case ("250 GR" -> "250 gr");
    acronyms and numbers stay as written."""
    if word.isupper() and len(word) >= 2 and word.lower() in unit_table():  # not size "L"
        return word.lower()
    return word.capitalize() if word.isupper() and sum(c.isalpha() for c in word) >= 4 else word

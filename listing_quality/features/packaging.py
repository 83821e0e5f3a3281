"""Packaging measurements: net quantity, registrations, label facts, consistency.

Read from the title, the description and the text read off the pack (`label_text`)
together, because UMKM sellers put label facts in any of them. Explicit fields (`pirt`,
`bpom`, `halal_id`) arrive in `Listing.attributes` from the adapters and win over the text:
a seller who filled in the field has said it precisely. Parsing lives in `text/`
(quantities, registrations); label facts in `packaging_label`, cross-checks in
`packaging_consistency`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..text import registrations as reg
from ..text.cues import Cues
from ..text.quantities import NetQuantity, net_quantity
from ..types import Listing
from .data import grams
from .packaging_consistency import net_conflict, shipping_ratio
from .packaging_label import label_cues, label_facts
from .texts import MAX_LABEL_TEXT, ListingTexts, label_text
from .texts import attribute as _attribute

__all__ = ["MAX_LABEL_TEXT", "label_net", "label_text", "measure", "registrations"]


def label_net(text: str) -> NetQuantity:
    """Net quantity of a label text (`ListingTexts.label.net` within one measurement)."""
    return net_quantity(text)


def measure(listing: Listing, context: Any, texts: ListingTexts | None = None) -> dict[str, Any]:
    texts = texts or ListingTexts(listing)
    label = texts.label
    # one scan for the label patterns, lexicons, number words and size words: first, so
    # that the label's atoms and sizes read their word places off it
    cues = label_cues(label.text)
    label.share(cues)
    net = label.net
    sizes = label.sizes[:5]
    stated = bool(net.net_g or net.net_ml or net.pack_count)
    sources = {"title": texts.title, "description": texts.description,
               "label": texts.pack_label}
    return {
        "packaging.net_g": net.net_g,
        "packaging.net_ml": net.net_ml,
        "packaging.pack_count": net.pack_count,
        "packaging.net_text": net.text or None,
        "packaging.net_stated": stated,
        "packaging.sizes": sizes,
        "packaging.amount_stated": stated or bool(sizes),
        "packaging.net_conflict": net_conflict(sources, label),
        # (no net grams, no ratio: the shipping weight is not read)
        "packaging.shipping_ratio": (shipping_ratio(grams(listing.weight_g), net.net_g)
                                     if net.net_g else None),
        **registrations(listing, label.text, cues),
        **label_facts(label.text, texts.title.text, cues),
    }


def _pirt(listing: Listing, text: str, cues: Cues | None, quiet: bool) -> reg.Pirt | None:
    explicit = _attribute(listing, "pirt")
    if explicit:
        digits = "".join(ch for ch in explicit if ch.isdigit())
        return reg.pirt_structure(digits) if digits else None
    return None if quiet else reg.find_pirt(text, cues=cues)


def registrations(listing: Listing, text: str, cues: Cues | None = None) -> dict[str, Any]:
    """P-IRT (with its structure and expiry year), BPOM, halal and NIB facts.

    `cues`: the `label_cues` of `text`, when the caller has them (one scan for all); when
    they show no place for any number (most listings), no number is searched for."""
    quiet = cues is not None and cues.text is text and cues.quiet(reg.number_patterns())
    pirt = _pirt(listing, text, cues, quiet)
    explicit_bpom = _attribute(listing, "bpom")
    bpom = reg.find_bpom(explicit_bpom) if explicit_bpom else _read(reg.find_bpom, text, cues,
                                                                     quiet)
    halal_id = _attribute(listing, "halal_id").upper() or _read(reg.find_halal_id, text, cues,
                                                                quiet)
    valid_pirt = pirt.digits if pirt and pirt.problem is None else None
    year = pirt.expiry_year if pirt else None
    return {
        "packaging.pirt": valid_pirt,
        "packaging.pirt_problem": pirt.problem if pirt else None,
        "packaging.pirt_expiry_year": year,
        "packaging.pirt_years_left": (year - reg.current_year()
                                      if year and valid_pirt else None),
        "packaging.bpom": bpom,
        "packaging.registration": bool(pirt or bpom),  # a malformed P-IRT is K108's job
        "packaging.halal_id": halal_id or None,
        # no halal_id: the text holds no certificate number, only wording can state it
        "packaging.halal": bool(halal_id) or reg.halal_worded(text, cues),
        "packaging.nib": _read(reg.find_nib, text, cues, quiet),
    }


def _read(find: Callable[[str, Cues | None], str | None], text: str, cues: Cues | None,
          quiet: bool) -> str | None:
    """`find(text, cues)`, or None without searching when the cues showed no number."""
    return None if quiet else find(text, cues)

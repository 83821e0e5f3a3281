"""Title measurements: length, casing, promo words, symbol runs, a stated quantity.

These are the first, honest title facts; the title-specificity issue adds slots (product
type, variant, material, origin) on the same keys.
"""

from __future__ import annotations

import re
from typing import Any

from ..text.lexicon import find_phrases, strip_phrases
from ..text.normalize import normalize
from ..text.quantities import find_quantities
from ..types import Listing

_WORD = re.compile(r"[^\W\d_]+")
_SYMBOL_RUN = re.compile(r"([^\w\s])\1+|[\U0001F300-\U0001FAFF\u2600-\u27BF]{2,}")


def measure(listing: Listing, context: Any) -> dict[str, Any]:
    text = normalize(listing.title)
    quantities = [q for q in find_quantities(text) if q.kind in ("mass", "volume", "count")]
    slots = {"berat": quantities[0].text} if quantities else {}
    promo = find_phrases(text, "promo")
    return {
        "title.text": text,
        "title.clean": clean_title(text),
        "title.missing": not text,
        "title.chars": len(text),
        "title.words": len(text.split()),
        "title.upper_ratio": upper_ratio(text),
        "title.promo_words": promo,
        "title.symbol_runs": [m.group(0) for m in _SYMBOL_RUN.finditer(text)][:10],
        "title.quantity": quantities[0].text if quantities else None,
        "title.slots": slots,
        "description.words": len(normalize(listing.description).split()),
    }


def clean_title(text: str) -> str:
    """The title without promo words and symbol runs: what actually describes the product.

    Length rules read this, so padding a title with "MURAH PROMO!!!" earns nothing, and
    removing the padding never makes a title "too short" in the rules' eyes.
    """
    stripped = _SYMBOL_RUN.sub(" ", strip_phrases(text, "promo"))
    return " ".join(re.sub(r"(?<!\w)[^\w\s]+(?!\w)", " ", stripped).split())


def upper_ratio(text: str) -> float:
    """Share of alphabetic words of 4+ letters written in capitals.

    Short words are exempt because acronyms (UMKM, ATBM, MD, BPOM) and short brand names
    are legitimately capitalised; a seller shouting "KERIPIK PEDAS MANTAP" is not.
    """
    words = [w for w in _WORD.findall(text) if len(w) >= 4]
    if not words:
        return 0.0
    return sum(1 for w in words if w.isupper()) / len(words)

"""Words that make a number in a price cell something other than a price.

Scraped catalogs put "8 rb+ terjual" (eight thousand sold) or "120 ulasan" next to the
price; when such a cell lands in the price column, reading it as Rp8.000 would invent a
price the seller never set. The words and the reason given for each are data in
`price_words.yaml`; `text/rupiah.py` refuses a cell holding one of them.
"""

from __future__ import annotations

import functools
import re
from importlib import resources

import yaml

from .normalize import alternation


@functools.lru_cache(maxsize=1)
def not_price_re() -> tuple[re.Pattern[str], dict[str, str]]:
    """Whole words ("terjual", "ulasan") that make a cell a count, and the reason for each."""
    path = resources.files("listing_quality.text") / "price_words.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    reasons = {str(w).lower(): str(reason)
               for reason, words in data["not_price_words"].items() for w in words}
    pattern = re.compile(rf"(?<![^\W\d_])(?:{alternation(reasons)})(?![^\W\d_])", re.I)
    return pattern, reasons


def not_price_reason(text: str) -> str | None:
    """Why `text` is no price ("sold count", "review count"), or None when nothing says so."""
    pattern, reasons = not_price_re()
    found = pattern.search(text)
    return reasons.get(" ".join(found[0].lower().split())) if found else None

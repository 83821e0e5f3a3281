"""Price measurements: the rupiah value, placeholders, discount, unit prices, price shape.

Parsing "Rp25.000" / "25rb" / "1,5jt" lives in `text/rupiah.py`; here we only derive the
facts rules need. Peer comparison needs the whole catalog and lives in
`features/catalog_prices.py`; this module supplies each listing's share of it (the unit
price and the product-type key), so the catalog pass only groups and counts.
"""

from __future__ import annotations

import functools
import re
from importlib import resources
from typing import Any, NamedTuple

import yaml

from ..text.folded import folded_words
from ..text.quantities import NetQuantity
from ..text.remembered import short_texts_remembered
from ..text.rupiah import parse_rupiah
from ..types import Listing
from .texts import ListingTexts

_FILLER = re.compile(r"^(\d)\1{4,}$")  # 99999, 1111111: typed to get past a required field
CONFIG_KEYS = frozenset({
    "charm_endings", "charm_min_price", "round_multiple", "product_types", "skip_words",
    "min_key_chars", "range_low_quantile", "range_high_quantile", "min_log_scale",
    "size_edges"})
# Cells up to this many characters are remembered (bounded caches): prices and category
# names are short and repeat across a catalog; a long cell is read afresh, not kept.
_TITLE_CHARS = 300  # the product-type key reads the start of a title


@functools.lru_cache(maxsize=1)
def config() -> dict[str, Any]:
    """`price.yaml`, checked strictly: a typo in a key must not silently change a measure."""
    path = resources.files("listing_quality") / "features" / "price.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict) or set(data) != CONFIG_KEYS:
        found = sorted(data) if isinstance(data, dict) else type(data).__name__
        raise ValueError(f"listing_quality/features/price.yaml: expected keys "
                         f"{sorted(CONFIG_KEYS)}, found {found}")
    data["product_types"] = frozenset(str(w).lower() for w in data["product_types"])
    data["skip_words"] = frozenset(str(w).lower() for w in data["skip_words"])
    return data


def measure(listing: Listing, context: Any, texts: ListingTexts | None = None) -> dict[str, Any]:
    original = parse_rupiah(listing.original_price)
    orig = original.value if original.ok and original.value else None
    texts = texts or ListingTexts(listing)
    net = texts.label.net  # the net packaging reads
    price = price_facts(listing.price)  # after the net: a failing cell fails as it did
    value = price.value
    return {
        "price.raw": price.raw,
        "price.value": value,
        "price.high": price.high,
        "price.is_range": price.is_range,
        "price.missing": price.missing,
        "price.unparseable": price.unparseable,
        "price.placeholder": price.placeholder,
        "price.original": orig,
        "price.discount": discount_pct(value, orig),
        "price.per_100g": per_100(value, net),
        "price.per_piece": per_piece(value, net),
        "price.charm": price.charm,
        "price.round": price.round,
        "price.type": product_type(listing.title, texts),
        "price.category": group_key(listing.category),
        "price.brand": group_key(listing.brand),
    }


class PriceFacts(NamedTuple):
    """The facts that depend on the price cell alone (all but discount and unit prices)."""

    raw: str | None
    value: float | None
    high: float | None
    is_range: bool
    missing: bool
    unparseable: str | None
    placeholder: str | None
    charm: str | None
    round: bool


def read_price(raw: object) -> PriceFacts:
    """The price cell's own facts: parsed value, why not, placeholder, charm, round."""
    price = parse_rupiah(raw)
    value = price.value if price.ok else None
    missing = price.reason == "empty"
    return PriceFacts(
        raw=None if raw is None else str(raw)[:80],
        value=value,
        high=price.high if price.ok else None,
        is_range=price.is_range,
        missing=missing,
        unparseable=None if price.ok or missing else (price.reason or "not a price"),
        placeholder=_shown(value) if value is not None and is_placeholder(value) else None,
        charm=charm_ending(value),
        round=is_round(value))


def _key(text: object) -> str:
    return " ".join(str(text or "").casefold().split())[:80]


price_facts = short_texts_remembered(16_384)(read_price)
"""`read_price(raw)`, remembered for short text cells (text/remembered.py)."""
group_key = short_texts_remembered(4_096)(_key)
"""A category or brand as a peer-group key: case-folded, spaces collapsed, cut to 80."""


def is_placeholder(value: float) -> bool:
    """Rp0, Rp1 and runs of one repeated digit (99999999) are typed to fill a form."""
    if value <= 1:
        return True
    return value.is_integer() and bool(_FILLER.match(str(int(value))))


def per_100(value: float | None, net: NetQuantity) -> float | None:
    """Price per 100 g (or 100 ml): what buyers compare across pack sizes.

    None when the total is uncertain: "Bundle 3pcs ... 200gr" may be 3 x 200 g or 200 g in
    all, and a per-100 g price off by a factor of three is worse than none.
    """
    if value is None or value <= 0:
        return None
    if (net.pack_count or 0) > 1 and not (net.per_unit_g or net.per_unit_ml):
        return None
    amount = net.net_g or net.net_ml
    return round(value / amount * 100, 2) if amount else None


def per_piece(value: float | None, net: NetQuantity) -> float | None:
    """Price of one piece of a counted pack ("isi 10", "5 bungkus"); None for single items."""
    if value is None or value <= 0 or not net.pack_count or net.pack_count < 1:
        return None
    return round(value / net.pack_count, 2)


def discount_pct(value: float | None, original: float | None) -> float | None:
    """Percent off the strike-through price; negative when the 'original' is lower."""
    if value is None or not original:
        return None
    return round(100 * (1 - value / original), 2)


def charm_ending(value: float | None) -> str | None:
    """The charm ending ("900" of Rp19.900) as text, or None. Information, not a fault."""
    cfg = config()
    if value is None or not float(value).is_integer() or value < cfg["charm_min_price"]:
        return None
    whole = int(value)
    for ending, modulus in _charm_moduli():
        if whole % modulus == ending:
            return str(ending)
    return None


@functools.lru_cache(maxsize=1)
def _charm_moduli() -> tuple[tuple[int, int], ...]:
    """Each charm ending with the power of ten it is read modulo (900 -> 1000), in order."""
    return tuple((ending, 10 ** len(str(ending))) for ending in config()["charm_endings"])


def is_round(value: float | None) -> bool:
    """A multiple of the configured round step (Rp100.000, Rp300.000)."""
    step = config()["round_multiple"]
    return value is not None and value >= step and value % step == 0


def product_type(title: object, texts: ListingTexts | None = None) -> str | None:
    """A simple product-type key for peer groups: a lexicon word, else the first real word.

    Why so simple: peers only need listings of the same kind to land in one group; the
    title engineer's `title.slots["jenis"]` replaces this key whenever it is present.
    One pass over the words: the first lexicon word wins, else the first long word seen.
    `texts` (the listing's) lends its normalised title when that is the text read here.
    """
    cfg = config()
    types, skip, shortest = cfg["product_types"], cfg["skip_words"], cfg["min_key_chars"]
    whole = texts is not None and type(title) is str and len(title) <= _TITLE_CHARS
    text = title if whole else str(title or "")[:_TITLE_CHARS]
    first = None
    for word in folded_words(text, texts.title.text if whole else None):
        if word in types:
            return word
        if first is None and len(word) >= shortest and word not in skip:
            first = word
    return first


def _shown(value: float) -> str:
    """The placeholder as text, so that Rp0 is a truthy finding and reads as written."""
    return f"{value:,.0f}".replace(",", ".")

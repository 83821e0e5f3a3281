"""Title measurements: length, casing, promo words, symbol runs, slots and hygiene.

A specific UMKM title names the product type, variant, net quantity or size, material and
origin (`title_slots`); a clean one has no promo padding, claims, contact details, keyword
lists or repeated words (`title_hygiene`). This module gathers those facts under the
`title.*` keys the rubrics read; it never judges them.
"""

from __future__ import annotations

import re
from typing import Any

from ..text.runs import LETTERS, ascii_class, ascii_kinds, ascii_runs
from ..types import Listing
from . import title_hygiene
from .texts import ListingTexts
from .title_slots import brand_words, find_slots, type_count
from .title_words import annotation

_WORD = re.compile(r"[^\W\d_]+")
_LONE_SYMBOLS = re.compile(r"[^\w\s](?<!\w[^\w\s])[^\w\s]*(?!\w)")
r"""Symbols standing alone: `(?<!\w)[^\w\s]+(?!\w)`, with the look-behind moved one character
on (as in `text/atoms.py`), so the regex opens with a class and `re` skips to symbols in C."""
_SYMBOL, _WORD_CHAR = ascii_class(r"[^\w\s]"), ascii_class(r"\w")
_LONE_SYMBOLS_ASCII = re.compile(
    f"{_SYMBOL}(?<!{_WORD_CHAR}{_SYMBOL}){_SYMBOL}*(?!{_WORD_CHAR})")
"""`_LONE_SYMBOLS` on ASCII text, its classes written out (`runs.ascii_class`)."""
_SYMBOL_RUN = re.compile(r"([^\w\s])\1+|[\U0001F300-\U0001FAFF\u2600-\u27BF]{2,}")
_SYMBOL_RUN_ASCII = re.compile(f"({_SYMBOL})\\1+")
"""`_SYMBOL_RUN` on ASCII text, which holds no emoji: one alternative opening with a written
out class, so `re` skips to symbols in C instead of trying two alternatives everywhere."""


def measure(listing: Listing, context: Any, texts: ListingTexts | None = None) -> dict[str, Any]:
    texts = texts or ListingTexts(listing)
    text = texts.title.text
    brand = texts.brand
    ann = annotation(text)  # read once: slots, hygiene and the type count share it
    slots = find_slots(text, brand, texts.title, ann)
    noise = title_hygiene.find_noise(text, ann.plain)
    symbols = not title_hygiene.word_chars_only(text)
    kinds = ascii_kinds(text)
    runs = symbol_runs(text, kinds) if may_run(text, symbols, kinds) else []
    return {
        "title.text": text,
        "title.clean": _clean(text, noise.spans, bool(runs), symbols),
        "title.missing": not text,
        "title.chars": len(text),
        "title.words": word_count(text),
        "title.upper_ratio": upper_ratio(text, brand, kinds),
        "title.promo_words": noise.promo,
        "title.symbol_runs": runs[:10],
        "title.quantity": slots.get("berat"),
        "title.slots": slots,
        **slot_features(slots),
        "title.repeated_words": title_hygiene.repeated_words(text, ann),
        "title.separators": title_hygiene.separators(text, symbols, ann.plain),
        "title.type_count": type_count(text, ann),
        "title.claims": noise.claims,
        "title.contacts": noise.contacts,
        "description.words": word_count(texts.description.text),
    }


def slot_features(slots: dict[str, str]) -> dict[str, Any]:
    """Flat per-slot facts, so a rubric can `require` one slot with its own suggestion.

    Material and technique are one requirement (a batik names its technique, a tas anyaman
    its material); size is a size or, failing that, a net quantity.
    """
    return {
        "title.type": slots.get("jenis"),
        "title.brand": slots.get("merek"),
        "title.variant": slots.get("varian"),
        "title.material": slots.get("bahan") or slots.get("teknik"),
        "title.size": slots.get("ukuran") or slots.get("berat"),
        "title.origin": slots.get("asal"),
    }


def word_count(normalized: str) -> int:
    """`len(normalized.split())` for a `normalize`d text, read off its spaces.

    `normalize` leaves one space between words and none at either end, except when it cuts
    a long text right after one. Counting spaces lists no words: a description has hundreds.
    """
    return normalized.count(" ") + (normalized[-1] != " ") if normalized else 0


_UNKNOWN = b""
"""A `kinds` argument not given (None stands for a text that is not ASCII). It is also the
kinds of "" (one empty bytes object), for which computing them again gives the same."""


def may_run(text: str, symbols: bool, kinds: bytes | None = _UNKNOWN) -> bool:
    """False only when `text` holds no symbol run; `symbols`: whether it holds any symbol;
    `kinds`: `ascii_kinds(text)` when the caller has it.

    In ASCII there is no emoji, and a repeated symbol is two symbols side by side: one
    substring test on the title's character kinds (`runs.ascii_kinds`), where the run
    pattern is tried at every position.
    """
    if not symbols:
        return False
    if kinds is _UNKNOWN:
        kinds = ascii_kinds(text)
    return kinds is None or b"##" in kinds


def clean_title(text: str) -> str:
    """The title without promo words, claims, contacts and symbol runs.

    Length rules read this, so padding a title with "MURAH PROMO!!! 100% ORI" earns
    nothing, and removing the padding never makes a title "too short" in the rules' eyes.
    """
    symbols = not title_hygiene.word_chars_only(text)
    runs = symbols and _SYMBOL_RUN.search(text) is not None
    return _clean(text, title_hygiene.noise(text).spans, runs, symbols)


def _clean(text: str, spans: tuple[tuple[int, int], ...], runs: bool, symbols: bool) -> str:
    """`clean_title` given the noise spans, whether `text` has a symbol run at all and
    whether it has any symbol (`title_hygiene.word_chars_only`).

    Without them, there is nothing of the kind to remove: cutting spans out only joins
    pieces of `text` with a space, which can make neither a run nor a symbol.
    """
    stripped = title_hygiene.without(text, spans) if spans else text
    if runs:
        stripped = _SYMBOL_RUN.sub(" ", stripped)
    if symbols:
        lone = _LONE_SYMBOLS_ASCII if stripped.isascii() else _LONE_SYMBOLS
        stripped = lone.sub(" ", stripped)
    return " ".join(stripped.split())


def symbol_runs(text: str, kinds: bytes | None) -> list[str]:
    """The runs of one symbol repeated ("!!!") or of emoji; `kinds`: `ascii_kinds(text)`."""
    run = _SYMBOL_RUN if kinds is None else _SYMBOL_RUN_ASCII
    return [m.group(0) for m in run.finditer(text)]


def upper_ratio(text: str, brand: str = "", kinds: bytes | None = _UNKNOWN) -> float:
    """Share of alphabetic words of 4+ letters written in capitals.

    Short words are exempt because acronyms (UMKM, ATBM, MD, BPOM) and short brand names
    are legitimately capitalised, and so are the words of the listing's own brand
    ("KYLAFOOD"); a seller shouting "KERIPIK PEDAS MANTAP" is not. `kinds`: `ascii_kinds(text)`
    when the caller has it (the symbol-run test reads the same translation).
    """
    if kinds is _UNKNOWN:
        kinds = ascii_kinds(text)
    if kinds is not None:
        if b"AAAA" not in kinds:
            return 0.0  # an ASCII word of 4+ capitals holds four capitals in a row: none here
        words = [w for w in ascii_runs(text, LETTERS) or () if len(w) >= 4]
    else:
        words = [w for w in _WORD.findall(text) if len(w) >= 4]
    if brand:
        exempt = set(brand_words(brand))
        words = [w for w in words if w.lower() not in exempt]
    if not words:
        return 0.0
    return sum(map(str.isupper, words)) / len(words)

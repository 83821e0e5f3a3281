"""Title slots: what a specific UMKM title says — type, brand, variant, size, material, origin.

Curators call a title "not specific" when it leaves out what a buyer searches for: the
product type (jenis), the brand (merek), the variant (rasa/level/warna/motif), the net
quantity (berat/isi) or size (ukuran), the material (bahan) or technique (teknik), and the
region it comes from (asal). Every slot is read from data-file lexicons on folded words, so
"KRUPUK" and "kerupuk" are one type; a word claimed by one slot is not read again by
another ("Kopi" in "Kopi Bubuk Arabika" is the type, not a flavour).
"""

from __future__ import annotations

import functools
import re

from ..text.lexicon import Span, merged_index, split_words
from ..text.normalize import fold
from ..text.parsed import Parsed
from ..text.phrases import lowered
from .title_words import Annotation, annotate, settings

__all__ = ["find_slots", "product_type", "settings", "type_category", "type_count"]

_LEVEL = re.compile(r"(?i)\blevel\s{0,2}(\d{1,2})\b")
"""A spicy level ("Level 5"). Only ASCII letters match l, e, v case-insensitively, so the
regex is only run on a title whose lower case holds "level"."""
FOOD_ONLY = ("flavours",)
CRAFT_FIRST = ("materials", "techniques", "flavours")
SLOT_OF = {"flavours": "varian", "materials": "bahan", "techniques": "teknik"}
BRAND_KNOWN = ("not_brands", "flavours", "materials", "regions")
"""Lexicons whose words, before the product type, show the lead is not a brand."""


class _Words:
    """A title's annotation (shared, read-only) and the word positions this search of its
    slots has claimed so far."""

    __slots__ = ("ann", "folded", "raw", "taken")

    def __init__(self, ann: Annotation) -> None:
        self.ann = ann
        self.raw = ann.raw
        self.folded = ann.folded
        self.taken: set[int] = set()

    def take(self, span: Span) -> str:
        """Claim the words of `span` for one slot, and return them as written."""
        self.taken.update(range(span[0], span[1]))
        return " ".join(self.raw[span[0]:span[1]])


def _words(text: str, ann: Annotation | None = None) -> _Words:
    return _Words(annotate(text) if ann is None else ann)


@functools.lru_cache(maxsize=1)
def _categories() -> dict[str, str]:
    """Product-type phrase -> its category: that of the first type lexicon listing it."""
    categories = settings()["type_lexicons"]
    first_lexicon = merged_index(tuple(categories))[1]
    return {phrase: categories[lexicon] for phrase, lexicon in first_lexicon.items()}


def product_type(words: _Words) -> tuple[Span, str] | None:
    """The first (then longest) product type in the title, and its category."""
    spans = words.ann.types
    if not spans:
        return None
    return spans[0], _categories()[spans[0][2]]


def _origin(words: _Words) -> str | None:
    """A region after a cue ("khas Kediri"), else an unambiguous region name anywhere."""
    regions = words.ann.spans("regions", words.taken)
    if not regions:
        return None
    cue_ends = {end for _, end, _ in words.ann.spans("cues_origin", words.taken)}
    ambiguous = {phrase for _, _, phrase in words.ann.spans("regions_ambiguous")}
    for span in regions:
        if span[0] in cue_ends or span[2] not in ambiguous:
            return words.take(span)
    return None


def _brand(words: _Words, type_start: int | None, brand: str) -> str | None:
    """The seller's brand if the title names it, else 1-3 capitalised unknown leading words.

    "Kylafood Seblak Tulang Rawan": a word before the product type that no lexicon knows
    and that is written with a capital is, on marketplaces, almost always the brand.
    """
    wanted = brand_words(brand) if brand else ()
    if (at := first_at(words.folded, wanted)) is not None:
        return words.take((at, at + len(wanted), ""))
    limit = settings()["brand_max_words"]
    if not type_start or type_start > limit or words.taken & set(range(type_start)):
        return None
    lead = words.raw[:type_start]
    known = words.ann.any_before(BRAND_KNOWN, type_start)
    if not known and all(w[:1].isupper() and w.isalpha() and not w.isupper() for w in lead):
        return words.take((0, type_start, ""))
    return None


@functools.lru_cache(maxsize=256)
def brand_words(brand: str) -> tuple[str, ...]:
    """`split_words(fold(brand))`, remembered: a seller's listings share one brand, and the
    brand slot and the capitals ratio both read it (a synthetic catalog of 100,000 listings
    holds 2,724 brands; 256 recent ones answered 63% of its listings in order)."""
    return tuple(split_words(fold(brand)))


def first_at(words: tuple[str, ...], wanted: tuple[str, ...]) -> int | None:
    """Where `wanted` (2+ words or 1) first stands in `words`, or None: only the places of
    its first word are compared (`tuple.index`, in C), where every place was sliced."""
    if not wanted or wanted[0] not in words:
        return None  # (the usual title: one test in C)
    n, at = len(wanted), -1
    stop = len(words) - n + 1
    while (at := _index(words, wanted[0], at + 1, stop)) is not None:
        if words[at:at + n] == wanted:
            return at
    return None


def _index(words: tuple[str, ...], word: str, start: int, stop: int) -> int | None:
    try:
        return words.index(word, start, stop)
    except ValueError:
        return None


def _descriptors(words: _Words, food: bool, type_span: Span | None) -> dict[str, str]:
    """Variant, material and technique words; food has flavours only, crafts materials first.

    A craft's type may itself name its material or technique ("Tas Rotan", "Tenun Ikat"):
    those words count for bahan/teknik too, but never as a variant.
    """
    found = words.ann.found
    slots: dict[str, str] = {}
    for lexicon in FOOD_ONLY if food else CRAFT_FIRST:
        if lexicon not in found:
            continue  # no phrase of it in the title (most lexicons, most titles)
        skip = words.taken
        if lexicon != "flavours" and type_span:
            skip = skip - set(range(type_span[0], type_span[1]))
        if parts := [words.take(span) for span in words.ann.spans(lexicon, skip)[:3]]:
            slots[SLOT_OF[lexicon]] = " ".join(parts)  # (one lexicon fills each slot)
    return slots


def find_slots(text: str, brand: str = "", parsed: Parsed | None = None,
               ann: Annotation | None = None) -> dict[str, str]:
    """Slot -> text as written in `text` (normalised): jenis, merek, varian, berat, ukuran,
    bahan, teknik, asal. A slot the title does not fill is absent. `parsed`: `text`
    already parsed (its quantities and sizes are reused); `ann`: `annotate(text)`."""
    parsed = parsed if parsed is not None and parsed.text == text else Parsed(text)
    words = _words(text, ann)
    plain = words.ann.plain
    if plain is not None:  # its letters tell the number scan and size search what to skip
        parsed.know_letters(plain.letters, plain.digits)
    slots: dict[str, str] = {}
    typed = product_type(words)
    if typed:
        slots["jenis"] = words.take(typed[0])
    if (merek := _brand(words, typed[0][0] if typed else None, brand)) is not None:
        slots["merek"] = merek
    food = typed is not None and typed[1] == "kuliner"
    slots.update(_descriptors(words, food, typed[0] if typed else None))
    low = plain.letters if plain is not None else (lowered(text) or text.lower())
    if "level" in low and (level := _LEVEL.search(text)):
        slots["varian"] = " ".join(filter(None, (slots.get("varian"), level.group(0))))
    if (berat := parsed.first_quantity(("mass", "volume", "count"))) is not None:
        slots["berat"] = berat
    if sizes := parsed.sizes:
        slots["ukuran"] = sizes[0]
    if (asal := _origin(words)) is not None:
        slots["asal"] = asal
    return slots


def type_count(text: str, ann: Annotation | None = None) -> int:
    """How many different product types the title names ("Somay, Gurilem, Batagor, Seblak,
    Baso Aci, Cuanki": six products in one title is a keyword list, not a name). Types after
    a purpose cue ("topping Baso Aci, Seblak") say what it is for and are not counted.
    `ann`: `annotate(text)`, when the caller has it."""
    ann = annotate(text) if ann is None else ann
    cues = ann.spans("cues_purpose")
    stop = cues[0][0] if cues else len(ann.folded)
    return len({phrase for start, _, phrase in ann.types if start < stop})


def type_category(text: str) -> str | None:
    """The category of the title's product type (kuliner, kriya, busana, umum), or None."""
    typed = product_type(_words(text))
    return typed[1] if typed else None

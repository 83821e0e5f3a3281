"""Normalise titles and read Indonesian number notation: the base layer of `text/`.

Titles come from spreadsheets, scrapers and phone keyboards: full-width digits, zero-width
spaces, NaN cells, "krupuk" next to "kerupuk". Every measurement downstream (slots, duplicates,
the classifier) must see one spelling, so this module makes text comparable without losing
anything a curator cares about: no stopword list, numbers keep their units ("250gr"), size
words stay. It also owns the unit table loaded from `units.yaml`, which `quantities`,
`rupiah` and `numbers` (reading "1.250.000" vs "1,5") share.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from typing import Any

import yaml

from .clean import already_clean

MAX_TEXT_CHARS = 20_000
"""Longest text any helper looks at; longer input is cut first, so work per row is bounded."""

_LABEL_WINDOW = 30
_SEPARATORS = " \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f:=()-"  # `[\s:=()\-]` in ASCII
_DROP_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Cn"})
NUMBER_RE = re.compile(r"[0-9]+(?:[.,/][0-9]+)*")  # digits and their separators
_TOKEN_RE = re.compile(
    r"[0-9]+(?:[.,/][0-9]+)*[^\W_]*(?:-[^\W_]+)*"  # numbers, glued units/codes: 250gr, 1,5kg
    r"|[^\W_]+(?:-[^\W_]+|(?<=[0-9])[.,/][0-9]+)*"  # words, hyphenated words, rp25.000
)
_WORD_RE = re.compile(r"[^\W\d_]+")
_ASCII_LETTERS = re.compile(r"[a-z]+")  # `_WORD_RE` on lower-case ASCII text, twice as fast


@dataclass(frozen=True)
class Unit:
    """One canonical unit: "kg" is mass with factor 1000 (to grams)."""

    name: str
    kind: str  # "mass" | "volume" | "count" | "length"
    factor: float  # to g, ml, pcs or cm
    max_value: float | None = None


def is_missing(value: object) -> bool:
    """True for None, NaN and pandas' NA: an empty spreadsheet cell, not the text "nan"."""
    if value is None:
        return True
    try:
        return bool(value != value)
    except Exception:  # noqa: BLE001 - pd.NA refuses bool(); an object with a broken __ne__ is no text
        return True


def normalize(text: object) -> str:
    """NFKC, control characters out, whitespace collapsed; missing cells become "".

    NFKC turns full-width digits and ligatures into plain ones, so "２５０ｇ" reads as "250g";
    format characters (zero-width spaces, bidi marks) are invisible in a title but break
    matching. Never raises: an object whose str() fails becomes "".
    """
    if type(text) is str and not text:
        return ""  # an empty cell (a brand or description left blank): nothing to read
    if type(text) is str and (clean := already_clean(text[:MAX_TEXT_CHARS])) is not None:
        return clean  # only blanks to collapse (clean.py): most titles and descriptions
    if is_missing(text):
        return ""
    try:
        raw = text if isinstance(text, str) else str(text)
    except Exception:  # noqa: BLE001 - a str() that raises is no text
        return ""
    raw = raw[:MAX_TEXT_CHARS]
    kept = _UNUSUAL.sub(lambda m: _unusual(m.group(0)), raw)
    folded = unicodedata.normalize("NFKC", kept).replace("\u2044", "/")  # ½ -> 1⁄2 -> 1/2
    return " ".join(folded.split())[:MAX_TEXT_CHARS]  # `\s+` to one space, in C


# Only what is neither printable ASCII nor an ASCII blank calls `_unusual`, in Python.
_UNUSUAL = re.compile(r"[^\x20-\x7e\t\n\x0b\x0c\r\x1c-\x1f]")


@functools.lru_cache(maxsize=4096)
def _unusual(ch: str) -> str:
    """Whitespace becomes a space, control/format characters go, everything else stays."""
    return " " if ch.isspace() else "" if unicodedata.category(ch) in _DROP_CATEGORIES else ch


def bounded(text: object) -> str:
    """`text` as a str of at most MAX_TEXT_CHARS, without other changes (offsets stay valid)."""
    return text[:MAX_TEXT_CHARS] if isinstance(text, str) else normalize(text)


def alternation(words: Iterable[object]) -> str:
    """Regex alternation of literal words, longest first; a space matches 1-2 blanks."""
    ordered = sorted({str(w).lower() for w in words}, key=lambda w: (-len(w), w))
    return "|".join(re.escape(w).replace(r"\ ", r"\s{1,2}") for w in ordered)


@functools.lru_cache(maxsize=8)
def _label_re(key: str) -> tuple[re.Pattern[str], frozenset[str] | None]:
    words = alternation(text_data()[key])
    ends = frozenset(str(w)[-1].lower() for w in text_data()[key])  # every label's last letter
    return (re.compile(rf"(?<![^\W\d_])(?:{words})\.?[\s:=()\-]{{0,4}}$", re.IGNORECASE),
            ends if all(c.isascii() for c in ends) else None)


def label_before(text: str, pos: int, key: str) -> int | None:
    """Start of a `units.yaml` label list `key` ("Netto: ", "isi ") ending exactly at `pos`;
    only an ASCII tail ending in a label's last letter, ".", <= 4 separators runs the regex."""
    regex, ends = _label_re(key)
    tail = text[pos - 7 if pos > 7 else 0:pos]  # (a conditional: max() cost more, per atom)
    if ends is not None and tail.isascii():
        word = tail.rstrip(_SEPARATORS)
        last = word[-2:-1] if word.endswith(".") else word[-1:]
        if len(tail) - len(word) - tail.endswith("\n") > 4 or last.lower() not in ends:
            return None
    match = regex.search(text, pos - _LABEL_WINDOW if pos > _LABEL_WINDOW else 0, pos)
    return match.start() if match else None


@functools.lru_cache(maxsize=1)
def text_data() -> dict[str, Any]:
    """The parsed `units.yaml` (units, number words, labels, price multipliers)."""
    raw = (resources.files("listing_quality.text") / "units.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(raw)
    if not isinstance(data, dict) or not isinstance(data.get("units"), dict):
        raise ValueError("listing_quality/text/units.yaml: top-level key 'units' is missing")
    return data


@functools.lru_cache(maxsize=1)
def unit_table() -> dict[str, Unit]:
    """Lower-case spelling -> Unit, from `units.yaml` ("gr" -> g, "kilo" -> kg, "bks" -> ...)."""
    table: dict[str, Unit] = {}
    for name, spec in text_data()["units"].items():
        unit = Unit(str(name), spec["kind"], float(spec["factor"]), spec.get("max_value"))
        for spelling in spec["spellings"]:
            table[str(spelling).lower()] = unit
    return table


@functools.lru_cache(maxsize=1)
def _variants() -> tuple[dict[str, str], re.Pattern[str]]:
    """Variant -> canonical word, from `lexicons/variants.txt` (first word of a line wins),
    and a regex finding exactly the whole words that are variants (a dict probe per word,
    in Python, cost more than folding the rest of a title)."""
    path = resources.files("listing_quality.text") / "lexicons" / "variants.txt"
    mapping: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        words = line.split("#", 1)[0].lower().split()
        for word in words[1:]:
            mapping[word] = words[0]
    keys = sorted((w for w in mapping if _WORD_RE.fullmatch(w)), key=lambda w: (-len(w), w))
    found = rf"(?<![^\W\d_])(?:{'|'.join(map(re.escape, keys))})(?![^\W\d_])" if keys else "(?!)"
    return mapping, re.compile(found)


def fold(text: str) -> str:
    """Lower-case and map spelling variants to one form ("Krupuk Coklat" -> "kerupuk cokelat").

    Why: duplicate detection and title slots must treat "kripik" and "keripik" as one word.
    Only true spelling variants are folded, never translations or synonyms.
    """
    variants, found = _variants()
    lowered = normalize(text).lower()
    if lowered.isascii() and variants.keys().isdisjoint(_ASCII_LETTERS.findall(lowered)):
        return lowered  # no letter run is a variant (most titles): no regex scan
    return found.sub(lambda m: variants[m.group(0)], lowered)


def tokens(text: str) -> list[str]:
    """Lower-case word tokens; a number keeps its unit ("250 gr" -> "250gr").

    Why no stopword list: "dua", "besar", "kecil" and "250gr" are exactly the specific words
    a good title has (ecosystem-conventions section 4, PySastrawi's stopwords drop them).
    Punctuation-only runs are dropped; hyphenated words ("oleh-oleh") stay whole.
    """
    clean, units = normalize(text).lower(), unit_table()
    out: list[str] = []
    glue_end = -1
    for match in _TOKEN_RE.finditer(clean):
        word = match.group(0)
        gap = clean[glue_end : match.start()]
        if out and glue_end >= 0 and word in units and gap.isspace() and len(gap) <= 2:
            out[-1] += word
            glue_end = -1
            continue
        out.append(word)
        glue_end = match.end() if NUMBER_RE.fullmatch(word) else -1
    return out

"""Title hygiene: keyword stuffing, repeated words, unsupported claims, contact details.

Sellers pad titles for search ("KERUPUK / KRUPUK SEBLAK | SEBRING | ..."), repeat the
product word, promise what nobody can check ("100% ORI", "No. 1") or send buyers off the
marketplace ("WA 0812...", "@tokosaya"). Each is measured here as the exact text found, so
a rule can quote it back to the seller. Patterns are bounded (no nested quantifiers).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from rapidfuzz.distance import Indel

from ..text.lexicon import phrase_matches, split_words
from ..text.normalize import unit_table
from .title_slots import folded, settings

# A list separator: a pipe or semicolon anywhere, a comma, a slash or dash set off by a space
# ("Kerupuk / Krupuk", "tgf58 - Hitam"); not "1/2", "S/M", "oleh-oleh".
_SEPARATOR = re.compile(r"[|;,]|\s[/\-–—]|[/\-–—]\s")
_WORDLIKE = re.compile(r"\w")
_PHONE = re.compile(r"(?<![\w+])(?:\+?62|0)[\s.\-]?8[0-9](?:[\s.\-]?[0-9]){6,11}(?![0-9])")
_URL = re.compile(
    r"(?i)(?:https?://|www\.)[^\s]{1,100}"
    r"|(?<![\w@.])[a-z0-9][a-z0-9-]{1,40}\.(?:com|co\.id|id|net|org|shop|store|link|me)(?![\w])"
)
_HANDLE = re.compile(r"(?<![\w@])@[A-Za-z0-9_.]{3,30}")


def separators(text: str) -> int:
    """How many list separators the title holds: 3+ means a keyword list, not a name.

    Counted as items minus one, where an item holds a word: a separator with nothing on one
    side separates nothing ("/ / /"), and must not start counting once a seller adds words
    after it (found by the property "adding a net quantity never lowers the score").
    """
    items = [piece for piece in _SEPARATOR.split(text) if _WORDLIKE.search(piece)]
    return max(0, len(items) - 1)


def repeated_words(text: str) -> list[str]:
    """Words written more than once, exactly or almost ("sepatu ... sepatuu"), folded.

    Numbers and units are skipped ("2 x 250 g" repeats nothing a buyer would notice);
    fuzzy pairs are only tried between words with the same first letter and similar
    length, so the check stays cheap on long titles.
    """
    cfg = settings()
    units = unit_table()
    words = [w for w in split_words(folded(text))
             if len(w) >= cfg["repeat_min_len"] and w.isalpha() and w not in units]
    seen: dict[str, int] = {}
    for word in words:
        seen[word] = seen.get(word, 0) + 1
    repeats = [w for w, n in seen.items() if n > 1]
    cutoff = cfg["fuzzy_repeat_ratio"] / 100.0
    distinct = [w for w in seen if len(w) >= cfg["fuzzy_min_len"]]
    for i, a in enumerate(distinct):
        for b in distinct[i + 1:]:
            if (a[0] == b[0] and abs(len(a) - len(b)) <= 2
                    and Indel.normalized_similarity(a, b) >= cutoff):
                repeats.append(f"{a}/{b}")
    return repeats[:10]


@dataclass(frozen=True)
class Noise:
    """What in a title is padding rather than description, and where it is."""

    promo: list[str]
    claims: list[str]
    contacts: list[str]
    spans: tuple[tuple[int, int], ...]


def _phrases(lexicon: str, text: str, spans: list[tuple[int, int]]) -> list[str]:
    found: list[str] = []
    for match in phrase_matches(text, lexicon):
        spans.append(match.span())
        phrase = " ".join(match.group(0).lower().split())
        if phrase not in found:
            found.append(phrase)
    return found


@functools.lru_cache(maxsize=256)
def noise(text: str) -> Noise:
    """Promo words, unsupported claims ("100% ori", "no. 1") and contact details (phone
    numbers, links, @handles, other platforms), with their spans: one pass per pattern
    serves both the rules (the hits) and `title.clean` (the text without the spans)."""
    spans: list[tuple[int, int]] = []
    promo = _phrases("promo", text, spans)
    claims = _phrases("claims", text, spans)
    contacts: list[str] = []
    for rx in _patterns(text):
        for match in rx.finditer(text):
            spans.append(match.span())
            contacts.append(match.group(0).strip())
    contacts += _phrases("platforms", text, spans)
    return Noise(promo, claims, contacts[:10], tuple(sorted(spans)))


def without(text: str, spans: tuple[tuple[int, int], ...]) -> str:
    """`text` with every span replaced by a space (spans may overlap)."""
    parts, last = [], 0
    for start, end in spans:
        if start > last:
            parts.append(text[last:start])
        last = max(last, end)
    parts.append(text[last:])
    return " ".join(parts)


def _patterns(text: str) -> tuple[re.Pattern[str], ...]:
    """Only the contact patterns that can match: a link needs a ".", a handle an "@", a
    phone number an 8 (08..., +628...). Most titles have none of these, and skipping is
    what keeps the check cheap at a million titles."""
    wanted = [(_PHONE, "8" in text), (_URL, "." in text), (_HANDLE, "@" in text)]
    return tuple(rx for rx, possible in wanted if possible)

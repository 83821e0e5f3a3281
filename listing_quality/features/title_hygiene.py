"""Title hygiene: keyword stuffing, repeated words, unsupported claims, contact details.

Sellers pad titles for search ("KERUPUK / KRUPUK SEBLAK | SEBRING | ..."), repeat the
product word, promise what nobody can check ("100% ORI", "No. 1") or send buyers off the
marketplace ("WA 0812...", "@tokosaya"). Each is measured here as the exact text found, so
a rule can quote it back to the seller. Patterns are bounded (no nested quantifiers).
"""

from __future__ import annotations

import functools
import operator
import re
from collections import Counter
from collections.abc import Iterable
from itertools import filterfalse
from typing import Any, NamedTuple

from rapidfuzz.distance import Indel

from ..text.lexicon import phrase_spans_all
from ..text.normalize import text_data, unit_table
from ..text.phrases import lowered
from ..text.runs import LETTERS, ascii_runs
from .title_plain import Plain
from .title_words import Annotation, annotate, settings

# A list separator: a pipe or semicolon anywhere, a comma, a slash or dash set off by a space
# ("Kerupuk / Krupuk", "tgf58 - Hitam"); not "1/2", "S/M", "oleh-oleh".
_SEPARATOR = re.compile(r"[|;,]|\s[/\-–—]|[/\-–—]\s")
_SEPARATOR_AT = re.compile(r"[|;,\s/\-–—](?:(?<=[|;,])|(?<=\s)[/\-–—]|(?<=[/\-–—])\s)")
"""`_SEPARATOR` opening with one class of every character a separator starts with: `re`
skips to those in C, where it tried three alternatives at every position. The look-behinds
tell which alternative the character began (none of them begins two)."""
_LETTERS = re.compile(r"[^\W\d_]+")
_PHONE = re.compile(r"[+60](?<![\w+].)(?:(?<=\+)62|(?<=6)2|(?<=0))"
                    r"[\s.\-]?8[0-9](?:[\s.\-]?[0-9]){6,11}(?![0-9])")
r"""A phone number: `(?<![\w+])(?:\+?62|0)[\s.\-]?8[0-9](?:[\s.\-]?[0-9]){6,11}(?![0-9])`,
opening with the class of its first characters and its look-behind moved one character on
(as in `text/atoms.py`): `re` skips in C to a "+", "6" or "0", where it tried the pattern
at every position of a title holding an 8 and a digit (a year, a size 38)."""
_URL = re.compile(
    r"(?i)(?:https?://|www\.)[^\s]{1,100}"
    r"|(?<![\w@.])[a-z0-9][a-z0-9-]{1,40}\.(?:com|co\.id|id|net|org|shop|store|link|me)(?![\w])"
)
_HANDLE = re.compile(r"(?<![\w@])@[A-Za-z0-9_.]{3,30}")
_PHONE_HINT = re.compile(r"8[0-9]")
_URL_HINT = re.compile(r"://|www\.|\.(?:com|co\.id|id|net|org|shop|store|link|me)")
"""What every link holds, lower-cased: its scheme's "://", "www." or a dot and an ending."""


def word_chars_only(text: str) -> bool:
    """Whether `text` holds nothing but word characters and spaces (`str.isalnum` is the
    regex class `\\w` without "_"). Then no separator, symbol run or lone symbol can be in
    it, and the patterns that look for them are skipped."""
    return text.replace(" ", "").isalnum()


def separators(text: str, symbols: bool | None = None, plain: Plain | None = None) -> int:
    """How many list separators the title holds: 3+ means a keyword list, not a name.

    Counted as items minus one, where an item names something: it holds a word that is not
    a number, a unit or a count label. A separator with nothing on one side separates
    nothing ("/ / /"), and a size after one ("Keripik Pedas, 250 g", "... / isi 10") is the
    listing's spec, not a keyword — so adding a missing net quantity after a stray "/"
    never starts the count (both found by the property "adding a net quantity never
    lowers the score"). `symbols`: `not word_chars_only(text)`, when the caller has it;
    `plain`: `annotate(text).plain`, likewise.
    """
    if symbols is None:
        symbols = not word_chars_only(text)
    if not symbols:
        return 0
    cuts = [match.span() for match in _SEPARATOR_AT.finditer(text)]
    if not cuts:
        return 0  # no separator: one item at most
    return max(0, _named_pieces(text, cuts, plain) - 1)


def _named_pieces(text: str, cuts: list[tuple[int, int]], plain: Plain | None = None) -> int:
    """How many pieces of `text` between the separators at `cuts` name something.

    On ASCII text the title's letters are cut out once, lower-cased (offsets kept), and a
    piece's words are a slice of them: one split and one set test a piece, where each
    piece was translated on its own (`plain`: the annotation has them already), in one
    plain loop over the cuts (zipping their ends and starts cost as much as the tests).
    """
    if plain is None and not text.isascii():
        pieces = zip((0, *(end for _, end in cuts)), (*(start for start, _ in cuts), len(text)),
                     strict=True)
        return sum(names_something(text[start:end]) for start, end in pieces)
    letters = plain.letters if plain is not None else (
        text.lower().encode("ascii").translate(LETTERS).decode("ascii"))
    spec = _spec_words()
    named, start = 0, 0
    for cut_start, cut_end in cuts:
        named += not spec.issuperset(letters[start:cut_start].split())
        start = cut_end
    return named + (not spec.issuperset(letters[start:].split()))


def names_something(piece: str) -> bool:
    """Whether a piece of a title holds a word other than numbers, units and count labels."""
    spec = _spec_words()
    letters = ascii_runs(piece, LETTERS)
    if letters is None:
        letters = _LETTERS.findall(piece)
    return any(word.lower() not in spec for word in letters)


@functools.lru_cache(maxsize=1)
def _spec_words() -> frozenset[str]:
    """Unit spellings and the words of count and net labels (units.yaml): "g", "kg", "isi"."""
    labels = [str(label).lower().split() for key in ("count_labels", "net_labels")
              for label in text_data()[key]]
    return frozenset(unit_table()) | {word for label in labels for word in label}


_INITIAL = operator.itemgetter(0)


def repeated_words(text: str, ann: Annotation | None = None) -> list[str]:
    """Words written more than once, exactly or almost ("sepatu ... sepatuu"), folded.

    Numbers and units are skipped ("2 x 250 g" repeats nothing a buyer would notice);
    fuzzy pairs are only tried between words with the same first letter and similar
    length, so the check stays cheap on long titles. The words of letters that are no unit
    are picked out in C, and when no two share a first letter (half the titles) none can
    repeat another: one set test decides. `ann`: `annotate(text)`, when the caller has it.
    """
    folded = (annotate(text) if ann is None else ann).folded
    kept = list(filterfalse(unit_table().__contains__, filter(str.isalpha, folded)))
    if len(set(map(_INITIAL, kept))) == len(kept):
        return []  # no two words share a first letter: none is written twice, or almost
    cfg = settings()
    shortest = cfg["repeat_min_len"]
    words = [word for word in kept if len(word) >= shortest]
    distinct = dict.fromkeys(words)  # each word once, in the order first written
    repeats = [] if len(distinct) == len(words) else [
        word for word, n in Counter(words).items() if n > 1]
    return (repeats + _fuzzy_pairs(distinct, cfg))[:10]


def _fuzzy_pairs(seen: Iterable[str], cfg: dict[str, Any]) -> list[str]:
    """"a/b" for distinct words that are almost the same, in the order of a plain double loop
    over `seen`. Only words sharing a first letter are paired: most titles have none, and
    in the others, sorted, such words stand side by side (one sort in C, where the words
    were counted by first letter and every pair of the counted ones walked in Python).
    The similarity is symmetric, so a pair found in sorted order is the loop's pair."""
    shortest = cfg["fuzzy_min_len"]
    distinct = [w for w in seen if len(w) >= shortest]
    if len(set(map(_INITIAL, distinct))) == len(distinct):
        return []
    ordered = sorted(distinct)
    cutoff = cfg["fuzzy_repeat_ratio"] / 100.0
    found: list[tuple[str, str]] = []
    for i, a in enumerate(ordered):
        for b in ordered[i + 1:]:
            if b[0] != a[0]:
                break  # (no later word shares a's first letter)
            if abs(len(a) - len(b)) <= 2 and Indel.normalized_similarity(a, b) >= cutoff:
                found.append((a, b))
    if not found:
        return []  # (the usual title)
    at = {word: i for i, word in enumerate(distinct)}
    pairs = sorted(sorted((at[a], at[b])) for a, b in found)
    return [f"{distinct[i]}/{distinct[j]}" for i, j in pairs]


NOISE_LEXICONS = ("promo", "claims", "platforms")


class Noise(NamedTuple):
    """What in a title is padding rather than description, and where it is (a named tuple:
    one is built for every title, and a frozen dataclass costs more to build)."""

    promo: list[str]
    claims: list[str]
    contacts: list[str]
    spans: tuple[tuple[int, int], ...]


def _phrases(matches: list[re.Match[str]], spans: list[tuple[int, int]]) -> list[str]:
    found: list[str] = []
    for match in matches:
        spans.append(match.span())
        phrase = " ".join(match.group(0).lower().split())
        if phrase not in found:
            found.append(phrase)
    return found


@functools.lru_cache(maxsize=8)
def noise(text: str) -> Noise:
    """`find_noise(text)`, remembered for a few titles (kept longer, entries lived long
    enough for the garbage collector to move and rescan them: that cost more)."""
    return find_noise(text)


def find_noise(text: str, plain: Plain | None = None) -> Noise:
    """Promo words, unsupported claims ("100% ori", "no. 1") and contact details (phone
    numbers, links, @handles, other platforms), with their spans: one pass per pattern
    serves both the rules (the hits) and `title.clean` (the text without the spans).
    `plain`: `annotate(text).plain`, whose words spare a search (`_lexicon_hits`)."""
    spans: list[tuple[int, int]] = []
    promo_found, claims_found, platforms_found = _lexicon_hits(text, plain)
    promo = _phrases(promo_found, spans) if promo_found else []
    claims = _phrases(claims_found, spans) if claims_found else []
    contacts: list[str] = []
    for rx in _patterns(text):
        for match in rx.finditer(text):
            spans.append(match.span())
            contacts.append(match.group(0).strip())
    if platforms_found:
        contacts += _phrases(platforms_found, spans)
    return Noise(promo, claims, contacts[:10], tuple(sorted(spans)) if spans else ())


def _lexicon_hits(text: str, plain: Plain | None) -> list[list[re.Match[str]]]:
    """`phrase_spans_all(text, NOISE_LEXICONS)`, given the `\\w` runs of the lower-cased
    text when the annotation has them: in a plain title without "_", its lower-cased words."""
    words = plain.words if plain is not None and "_" not in text else None
    return phrase_spans_all(text, NOISE_LEXICONS, words)


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
    """Only the contact patterns that can match: a handle needs an "@", a phone number an
    8 and a digit after it (08..., +628...), a link "://", "www." or a dot before one of its
    endings (`_URL_HINT`, on the lower-cased text: exact, see `phrases.lowered`). Most
    titles have none of these (a "." or an "8" is common: "Rp.", "38"), and skipping is
    what keeps the check cheap at a million titles."""
    if "8" not in text and "." not in text and "@" not in text:
        return ()  # the usual title: none can match
    link = "." in text and ((low := lowered(text)) is None or _URL_HINT.search(low) is not None)
    phone = "8" in text and _PHONE_HINT.search(text) is not None
    wanted = [(_PHONE, phone), (_URL, link),
              (_HANDLE, "@" in text)]
    return tuple(rx for rx, possible in wanted if possible)

"""Fast, exact lexicon phrase search: the same matches as the lexicon's regex, found by word.

A lexicon regex (`lexicon.phrase_pattern`) is one case-insensitive alternation of a few
dozen phrases; Python's `re` tries every alternative at every word start, which made
phrase search the largest cost of measuring a listing. Here the text's words are listed
once (shared by every lexicon searched in it) and a phrase is only tried where the text
has a word that some phrase starts with: a dict probe instead of an alternation.

Exactness: a phrase whose first word is `w` can only match where the text has the word `w`
(its first word is followed by a non-word character or its end, and so must the text's).
At each such word, a regex of just those phrases, in the lexicon's order, decides the match
exactly as the full regex would, and scanning continues after a match, like `finditer`.
The only gap is case folding: `re.IGNORECASE` also equates a few non-ASCII letters with
ASCII ones (the Kelvin sign with "k", the long s with "s", dotless and dotted i with "i"),
which `str.lower()` does not; a text holding one of those is searched with the regex.

Lower-cased text also serves short texts (`find_lowered`): the lexicon regex without
IGNORECASE, run on `lowered(text)`, finds the same spans, because outside the look-alikes
lower-casing keeps every offset, maps no other character to ASCII and keeps which
characters are word characters and blanks (checked over every code point in
tests/test_title_fast_paths.py). Without
IGNORECASE, `re` skips an alternative on its first character in C, which made it about
2.5 times faster on titles.
"""

from __future__ import annotations

import array
import functools
import re
import sys

Index = dict[str, tuple[re.Pattern[str], re.Pattern[str]]]
BY_WORD_FROM = 100
"""Texts shorter than this (most titles) are searched with the regex: listing their words
costs as much as the regex does on a short text; on a description it is several times less."""
_WORD = re.compile(r"\w+")


@functools.lru_cache(maxsize=1)
def ascii_lookalikes() -> re.Pattern[str]:
    """Non-ASCII characters that `re.IGNORECASE` equates with an ASCII word character.

    Asked of the regex engine itself (every code point, once per process, ~40 ms), so the
    answer is right for the Python version running, whatever its case-folding table.
    """
    codes = array.array("I" if array.array("I").itemsize == 4 else "L", range(0x110000))
    codes[0xD800:0xE000] = array.array(codes.typecode, [0x20] * 0x800)  # no lone surrogates
    every = codes.tobytes().decode(f"utf-32-{'le' if sys.byteorder == 'little' else 'be'}")
    odd = {c for c in re.compile(r"[a-z0-9_]", re.IGNORECASE).findall(every) if not c.isascii()}
    return re.compile(f"[{re.escape(''.join(sorted(odd)))}]" if odd else r"(?!)")


@functools.lru_cache(maxsize=16)
def lowered(text: str) -> str | None:
    """`text.lower()` when that equals case-insensitive matching on it; else None.

    None for a text holding an IGNORECASE look-alike of an ASCII letter: only the regex
    itself is exact there. Otherwise lower-casing also keeps every offset (the one letter
    whose lower case is longer, dotted I, is a look-alike).
    """
    if not text.isascii() and ascii_lookalikes().search(text):
        return None
    return text.lower()


def start_places(regex: re.Pattern[str], text: str, not_before: frozenset[str]) -> list[int] | None:
    """Where plain `regex` matches lower-cased `text` with the character before not in
    `not_before` (or at the start), overlapping places included; None when only the real
    regex is exact (see `lowered`). `regex` has no flags, so `re` skips to its initials in C:
    the places where a case-insensitive regex starting with those words can match.
    """
    low = lowered(text)
    if low is None:
        return None
    places: list[int] = []
    pos = 0
    while (match := regex.search(low, pos)) is not None:
        if match.start() == 0 or low[match.start() - 1] not in not_before:
            places.append(match.start())
        pos = match.start() + 1
    return places


def may_start(regex: re.Pattern[str], text: str, not_before: frozenset[str]) -> bool:
    """Whether `start_places` finds a place (True when it cannot tell)."""
    places = start_places(regex, text, not_before)
    return places is None or bool(places)


@functools.lru_cache(maxsize=16)
def _words(text: str) -> tuple[str, frozenset[str]] | None:
    """`text` lower-cased and the set of its words; None when only the regex is exact.

    Small cache keyed by the text: the packaging and title measures search one text for
    several lexicons in a row, and each reuses this one pass.
    """
    low = lowered(text)
    return None if low is None else (low, frozenset(_WORD.findall(low)))


def _regex(phrases: list[str]) -> re.Pattern[str]:
    """The lexicon regex restricted to `phrases` (same order, same word boundaries)."""
    alternatives = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in phrases)
    return re.compile(rf"(?<![\w])(?:{alternatives})(?![\w])", re.IGNORECASE)


@functools.lru_cache(maxsize=32)
def first_word_index(phrases: tuple[str, ...]) -> Index | None:
    """First word -> (where the word stands alone in lower-cased text, a regex of the phrases
    starting with it in `phrases`' order).

    None when some phrase does not start with a lower-case ASCII word (then the search by
    word would not be exact, and the caller uses the full regex).
    """
    grouped: dict[str, list[str]] = {}
    for phrase in phrases:
        first = _WORD.match(phrase)
        if first is None or not first.group().isascii() or first.group() != first.group().lower():
            return None
        grouped.setdefault(first.group(), []).append(phrase)
    return {word: (re.compile(rf"(?<!\w){re.escape(word)}(?!\w)"), _regex(group))
            for word, group in grouped.items()}


def lowered_regex(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """A lexicon regex (`_regex`) without IGNORECASE, to run on `lowered(text)`; None unless
    its source is ASCII with no capital (a phrase with other letters, or `\\S`, `\\W`: only
    the case-insensitive regex is exact then)."""
    source = pattern.pattern
    if not source.isascii() or source != source.lower():
        return None
    return re.compile(source, pattern.flags & ~re.IGNORECASE)


def find_lowered(text: str, pattern: re.Pattern[str],
                 plain: re.Pattern[str] | None) -> list[re.Match[str]]:
    """The matches of case-insensitive `pattern` in `text`, found by `plain`
    (`lowered_regex(pattern)`) in the lower-cased text when that is exact: same spans,
    and `group(0)` lower-cased. For callers that read only those."""
    low = lowered(text) if plain is not None else None
    if low is None or plain is None:
        return list(pattern.finditer(text))
    return list(plain.finditer(low))


Search = tuple[re.Pattern[str], re.Pattern[str] | None]  # a lexicon regex, its lowered form


def any_phrase(phrases: tuple[str, ...]) -> re.Pattern[str] | None:
    """One lowered regex (`lowered_regex`) of all `phrases`: it finds a place exactly when
    one of the lexicons they come from would match there (or earlier)."""
    return lowered_regex(_regex(sorted(set(phrases), key=lambda w: (-len(w), w))))


def find_lowered_all(text: str, searches: tuple[Search, ...],
                     anywhere: re.Pattern[str] | None) -> list[list[re.Match[str]]]:
    """`find_lowered` for several lexicons of one text; `anywhere` is `any_phrase` of them all.

    Most titles hold no phrase of any of them (nine in ten real titles have no promo word,
    claim or platform): one scan tells so. Otherwise each lexicon is searched from the first
    place any matched, which none of them can match before.
    """
    low = lowered(text) if anywhere is not None else None
    if low is None or anywhere is None or any(plain is None for _, plain in searches):
        return [find_lowered(text, pattern, plain) for pattern, plain in searches]
    first = anywhere.search(low)
    if first is None:
        return [[] for _ in searches]
    return [list(plain.finditer(low, first.start())) for _, plain in searches]  # type: ignore[union-attr]


def find_matches(text: str, pattern: re.Pattern[str], index: Index | None) -> list[re.Match[str]]:
    """`list(pattern.finditer(text))`, found through `index` (see `first_word_index`)."""
    words = _words(text) if index is not None and len(text) >= BY_WORD_FROM else None
    if index is None or words is None:
        return list(pattern.finditer(text))
    lowered, present = words
    hits = present.intersection(index)
    if not hits:
        return []
    starts = sorted((m.start(), word) for word in hits for m in index[word][0].finditer(lowered))
    found: list[re.Match[str]] = []
    end = 0
    for start, word in starts:
        if start >= end and (match := index[word][1].match(text, start)):
            found.append(match)
            end = match.end()
    return found

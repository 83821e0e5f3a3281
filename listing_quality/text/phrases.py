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

from .runs import WORD, ascii_runs

Index = dict[str, tuple[re.Pattern[str], re.Pattern[str]]]
BY_WORD_FROM = 100
"""Texts shorter than this (most titles) are searched with the regex: listing their words
costs as much as the regex does on a short text; on a description it is several times less."""
_WORD = re.compile(r"\w+")


@functools.lru_cache(maxsize=1)
def lookalike_chars() -> tuple[str, ...]:
    """Non-ASCII characters that `re.IGNORECASE` equates with an ASCII word character.

    Asked of the regex engine itself (every code point, once per process, ~40 ms), so the
    answer is right for the Python version running, whatever its case-folding table.
    """
    codes = array.array("I" if array.array("I").itemsize == 4 else "L", range(0x110000))
    codes[0xD800:0xE000] = array.array(codes.typecode, [0x20] * 0x800)  # no lone surrogates
    every = codes.tobytes().decode(f"utf-32-{'le' if sys.byteorder == 'little' else 'be'}")
    odd = {c for c in re.compile(r"[a-z0-9_]", re.IGNORECASE).findall(every) if not c.isascii()}
    return tuple(sorted(odd))


@functools.lru_cache(maxsize=1)
def ascii_lookalikes() -> re.Pattern[str]:
    """`lookalike_chars` as one character class."""
    return re.compile(f"[{re.escape(''.join(lookalike_chars()))}]" if lookalike_chars()
                      else r"(?!)")


@functools.lru_cache(maxsize=16)
def lowered(text: str) -> str | None:
    """`text.lower()` when that equals case-insensitive matching on it; else None.

    None for a text holding an IGNORECASE look-alike of an ASCII letter: only the regex
    itself is exact there. Otherwise lower-casing also keeps every offset (the one letter
    whose lower case is longer, dotted I, is a look-alike). Four `in` tests, one per
    look-alike, cost a quarter of a class tested at every character of a long text.
    """
    odd = not text.isascii() and any(char in text for char in lookalike_chars())
    return None if odd else text.lower()


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


WordIndex = tuple[frozenset[str], dict[str, re.Pattern[str]]]
"""A lexicon's first words, and for each the lowered regex of the phrases it starts."""
Search = tuple[re.Pattern[str], re.Pattern[str] | None, WordIndex | None]
"""A lexicon regex, its lowered form (`lowered_regex`) and its `lowered_index`."""


@functools.lru_cache(maxsize=32)
def lowered_index(phrases: tuple[str, ...]) -> WordIndex | None:
    """`first_word_index` with each word's regex lowered (`lowered_regex`), for lower-cased
    text; None when either is not exact."""
    index = first_word_index(phrases)
    plain = {word: lowered_regex(group) for word, (_, group) in (index or {}).items()}
    if index is None or any(regex is None for regex in plain.values()):
        return None
    return frozenset(plain), plain  # type: ignore[return-value]


def first_words(searches: tuple[Search, ...]) -> frozenset[str] | None:
    """Every first word of the lexicons of `searches` (`lowered_index`), or None when one of
    them cannot be searched by word."""
    indexes = [index for _, _, index in searches]
    if not all(indexes):
        return None
    return frozenset().union(*(firsts for firsts, _ in indexes))  # type: ignore[misc]


def find_lowered_all(text: str, searches: tuple[Search, ...],
                     firsts: frozenset[str] | None = None,
                     words: tuple[str, ...] | None = None) -> list[list[re.Match[str]]]:
    """`find_lowered` for several lexicons of one text, searched by word (`find_by_word`).

    Most titles hold no phrase of any of them (nine in ten real titles have no promo word,
    claim or platform), and a title with one rarely holds a second lexicon's. A match
    starts with a phrase's first word standing alone (see `first_word_index`): the text's
    words are listed once, in C, a set test tells whether any first word of any of the
    lexicons is there (`firsts`: `first_words(searches)`, when the caller keeps it), one
    per lexicon which of its first words are, and only those are tried, where a regex of
    every phrase was tried at every position of every title. `words`: the `\\w` runs of
    an ASCII `text.lower()` when the caller has them (a title's annotation)."""
    given = words is not None and text.isascii()
    low = text.lower() if given else lowered(text)  # (`lowered` of ASCII text is lower())
    firsts = first_words(searches) if firsts is None else firsts
    if low is None or firsts is None:
        return [find_lowered(text, pattern, plain) for pattern, plain, _ in searches]
    runs = words if given else ascii_runs(low, WORD)
    present = firsts.intersection(_WORD.findall(low) if runs is None else runs)
    if not present:
        return [[] for _ in searches]  # no first word of any of them: the usual title
    found: list[list[re.Match[str]]] = []
    for _, _, (starts, index) in searches:  # type: ignore[misc]
        hits = starts.intersection(present)
        found.append(find_by_word(low, hits, index) if hits else [])
    return found


def find_by_word(low: str, hits: set[str] | frozenset[str],
                 index: dict[str, re.Pattern[str]]) -> list[re.Match[str]]:
    """`list(plain.finditer(low))` of a lexicon's lowered regex, given the words of `low`
    among its first words (`hits`): as `find_matches`, each tried only where `str.find`
    sees it (a word inside a longer one fails its regex there)."""
    starts: list[tuple[int, str]] = []
    for word in hits:
        at = low.find(word)
        while at >= 0:
            starts.append((at, word))
            at = low.find(word, at + 1)
    starts.sort()
    found: list[re.Match[str]] = []
    end = 0
    for start, word in starts:
        if start >= end and (match := index[word].match(low, start)):
            found.append(match)
            end = match.end()
    return found


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

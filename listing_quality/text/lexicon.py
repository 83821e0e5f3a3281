"""Word lists as data files: load them once, find their phrases in a text.

Lexicons live in `text/lexicons/*.txt`, one word or phrase per line, `#` for comments,
so a curator can grow them without touching code.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from importlib import resources

from .phrases import (
    Search,
    find_lowered,
    find_lowered_all,
    find_matches,
    first_word_index,
    first_words,
    lowered_index,
    lowered_regex,
)
from .runs import ALNUM, ascii_runs


@functools.lru_cache(maxsize=32)
def load_words(name: str) -> tuple[str, ...]:
    """Lowercased phrases of lexicon `name`, longest first (so "best seller" beats "best")."""
    if not re.fullmatch(r"[a-z0-9_-]+", name):
        raise ValueError(f"bad lexicon name {name!r}")
    text = (resources.files("listing_quality") / "text" / "lexicons" / f"{name}.txt").read_text(
        encoding="utf-8"
    )
    words = {line.split("#", 1)[0].strip().lower() for line in text.splitlines()}
    return tuple(sorted((w for w in words if w), key=lambda w: (-len(w), w)))


@functools.lru_cache(maxsize=32)
def phrase_pattern(name: str) -> re.Pattern[str]:
    """One case-insensitive regex for every phrase of lexicon `name`, as whole words."""
    alternatives = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in load_words(name))
    return re.compile(rf"(?<![\w])(?:{alternatives})(?![\w])", re.IGNORECASE)


def phrase_matches(text: str, name: str) -> list[re.Match[str]]:
    """The matches of `phrase_pattern(name)` in `text`, found by word (see `phrases`)."""
    return find_matches(text, phrase_pattern(name), first_word_index(load_words(name)))


@functools.lru_cache(maxsize=32)
def _lowered_pattern(name: str) -> re.Pattern[str] | None:
    return lowered_regex(phrase_pattern(name))


def phrase_spans(text: str, name: str) -> list[re.Match[str]]:
    """The matches of `phrase_pattern(name)` in `text` with `group(0)` lower-cased (found in
    the lower-cased text, `phrases.find_lowered`): for callers that read only spans and the
    phrase, on short texts (titles), where it is the fastest exact search."""
    return find_lowered(text, phrase_pattern(name), _lowered_pattern(name))


@functools.lru_cache(maxsize=8)
def _all_of(names: tuple[str, ...]) -> tuple[tuple[Search, ...], frozenset[str] | None]:
    """The searches of lexicons `names`, and every first word of theirs (`first_words`)."""
    searches = tuple((phrase_pattern(name), _lowered_pattern(name),
                      lowered_index(load_words(name))) for name in names)
    return searches, first_words(searches)


def phrase_spans_all(text: str, names: tuple[str, ...],
                     words: tuple[str, ...] | None = None) -> list[list[re.Match[str]]]:
    """`[phrase_spans(text, name) for name in names]`, skipping each lexicon whose first
    words the text lacks (`phrases.find_lowered_all`).

    `words`: the `\\w` runs of `text.lower()` for an ASCII `text`, when the caller has them
    (a title's annotation): the lexicons' first words are looked for among them, where
    the search lower-cased the text and listed its words again.
    """
    searches, firsts = _all_of(names)
    return find_lowered_all(text, searches, firsts, words)


def find_phrases(text: str, name: str) -> list[str]:
    """Phrases of lexicon `name` in `text`, lowercased, in order, without repeats."""
    return distinct_phrases(phrase_matches(text, name))


def distinct_phrases(matches: Iterable[re.Match[str]]) -> list[str]:
    """The phrases `matches` found, lowercased with single spaces, in order, once each."""
    found: list[str] = []
    for match in matches:
        phrase = " ".join(match.group(0).lower().split())
        if phrase not in found:
            found.append(phrase)
    return found


def strip_phrases(text: str, name: str) -> str:
    """`text` with every phrase of lexicon `name` replaced by a space."""
    return phrase_pattern(name).sub(" ", text)


# --------------------------------------------------------------------------- token lookup
# Big lexicons (product types, regions: hundreds of phrases each) are matched on tokens, not
# with one regex alternation: a dict lookup of 1..n-token windows costs the same whatever
# the lexicon size, which keeps slot-finding fast at a million titles.

Span = tuple[int, int, str]  # token start, token end (exclusive), the lexicon phrase
# first word -> ((phrase length in words, {words: phrase}), ...), longest first
Index = dict[str, tuple[tuple[int, dict[tuple[str, ...], str]], ...]]


@functools.lru_cache(maxsize=32)
def term_index(name: str) -> Index:
    """First folded word -> {folded word tuple -> phrase} for lexicon `name`.

    Phrases are folded like titles ("krupuk udang" -> "kerupuk udang"), so one entry
    matches every spelling variant listed in variants.txt. Keying by the first word means
    a title word that starts no phrase costs one dict lookup, whatever the lexicon's size.
    """
    from .normalize import fold  # normalize imports nothing from here; keep it lazy anyway

    grouped: dict[str, dict[tuple[str, ...], str]] = {}
    for phrase in load_words(name):
        key = tuple(split_words(fold(phrase)))
        if key:
            grouped.setdefault(key[0], {}).setdefault(key, " ".join(key))
    return _by_length(grouped)


def _by_length(grouped: dict[str, dict[tuple[str, ...], str]]) -> Index:
    """Group each first word's phrases by length, longest first: one dict probe per length."""
    index: Index = {}
    for first, keys in grouped.items():
        lengths: dict[int, dict[tuple[str, ...], str]] = {}
        for key, phrase in keys.items():
            lengths.setdefault(len(key), {})[key] = phrase
        index[first] = tuple(sorted(lengths.items(), reverse=True))
    return index


_SPLIT = re.compile(r"[^\W_]+(?:[-'][^\W_]+)*")
_SPLIT_ASCII = re.compile(r"[A-Za-z0-9]+(?:[-'][A-Za-z0-9]+)*")


def split_words(text: str) -> list[str]:
    """Words and numbers as written (hyphenated words stay whole), punctuation dropped.

    On ASCII text `[^\\W_]` is `[A-Za-z0-9]`, a class `re` reads from a bitmap where the
    Unicode one asks the character database of every character; and without a "-" or "'"
    no word is joined, so the words are the runs of that class (`runs.ascii_runs`, no
    regex at all). Each is several times cheaper than the general regex.
    """
    if not text.isascii():
        return _SPLIT.findall(text)
    if "-" in text or "'" in text:
        return _SPLIT_ASCII.findall(text)
    return ascii_runs(text, ALNUM)  # type: ignore[return-value]  # (ASCII: never None)


@functools.lru_cache(maxsize=8)
def merged_index(names: tuple[str, ...]) -> tuple[Index, dict[str, str]]:
    """One index over several lexicons, and phrase -> the first lexicon that lists it.

    Product types come in four lexicons (kuliner, kriya, busana, umum); one pass over the
    title with a merged index costs a quarter of four passes.
    """
    grouped: dict[str, dict[tuple[str, ...], str]] = {}
    origin: dict[str, str] = {}
    for name in names:
        for first, by_length in term_index(name).items():
            for _, keys in by_length:
                for key, phrase in keys.items():
                    grouped.setdefault(first, {}).setdefault(key, phrase)
                    origin.setdefault(phrase, name)
    return _by_length(grouped), origin


def find_terms(words: list[str] | tuple[str, ...], name: str,
               taken: set[int] | None = None) -> list[Span]:
    """Non-overlapping phrases of lexicon `name` in folded `words`, longest match first.

    `taken` holds word positions another slot already claimed; they are skipped so
    "kopi" in "Kopi Bubuk Arabika" is the product type and not also a flavour.
    """
    return match_terms(words, term_index(name), taken)


def match_terms(words: list[str] | tuple[str, ...], index: Index,
                taken: set[int] | None = None) -> list[Span]:
    """`find_terms` over a prepared index (see `term_index`, `merged_index`)."""
    if index.keys().isdisjoint(words):
        return []  # no word starts a phrase: the usual case, decided in C
    taken = taken or set()
    spans: list[Span] = []
    free = 0  # words before this belong to the phrase found last
    for i, word in enumerate(words):
        if i < free or i in taken or not (candidates := index.get(word)):
            continue
        for n, keys in candidates:  # longest first
            phrase = keys.get(tuple(words[i:i + n]))
            if phrase is not None and (not taken or taken.isdisjoint(range(i, i + n))):
                spans.append((i, i + n, phrase))
                free = i + n
                break
    return spans

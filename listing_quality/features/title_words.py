"""A title's words, read once: as written, folded, and where every slot lexicon matches.

Finding the slots used to search the folded words once per lexicon (regions, origin cues,
flavours, materials, techniques, product types, ...), each search with its own probe and
loop, and then again for the type count. Here one pass over the words, with one index of
every slot lexicon keyed by a phrase's first word, lists each lexicon's *candidates*: at
which word a phrase of that lexicon matches, with every matching length, longest first.

`Annotation.spans(name, taken)` then makes exactly the choice `lexicon.find_terms` makes
(left to right, longest match first, no overlap, skipping `taken` words), but only visits
the few words where a candidate is: that choice depends on `taken`, which the slots fill as
they go, so candidates are what can be shared, not spans.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Iterable
from importlib import resources
from itertools import compress
from typing import Any, NamedTuple

import yaml

from ..text.lexicon import Span, merged_index, split_words, term_index
from ..text.normalize import fold
from .title_plain import Plain, folded_words, plain_forms, plain_view, plain_words

__all__ = ["Annotation", "Plain", "annotate", "annotation", "candidates", "choose",
           "folded_words", "plain_view", "plain_words", "settings", "slot_index"]

TYPES = "types"
"""The product-type lexicons of `title_settings.yaml`, searched as one (a merged index)."""
LEXICONS = ("regions", "cues_origin", "regions_ambiguous", "not_brands", "flavours",
            "materials", "techniques", "cues_purpose")
"""The slot lexicons a title is annotated with, besides the product types."""

Match = tuple[int, int, str]  # word start, length in words, phrase
Hit = tuple[str, tuple[str, ...]]  # a phrase and the lexicons listing it
# first word -> ((phrase length, {folded words: hit}), ...) for the phrases of 2+ words,
# longest first, and the hit of the one-word phrase (the first word itself), if any
SlotIndex = dict[str, tuple[tuple[tuple[int, dict[tuple[str, ...], Hit]], ...], Hit | None]]


@functools.lru_cache(maxsize=1)
def settings() -> dict[str, Any]:
    """The measuring knobs in `title_settings.yaml` (thresholds live in data)."""
    path = resources.files("listing_quality.features") / "title_settings.yaml"
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _indexes() -> Iterable[tuple[str, dict]]:
    yield TYPES, merged_index(tuple(settings()["type_lexicons"]))[0]
    for name in LEXICONS:
        yield name, term_index(name)


@functools.lru_cache(maxsize=1)
def slot_index() -> SlotIndex:
    """Every slot lexicon in one index: a title word that starts no phrase of any of them
    costs one dict probe in all, instead of one per lexicon. A lexicon maps folded words
    to the phrase " ".join(words) (`term_index`), so one phrase serves every lexicon.
    A one-word phrase is its first word: its hit needs no probe, and is stored apart
    (most words start only that one)."""
    grouped: dict[str, dict[int, dict[tuple[str, ...], list[str]]]] = {}
    for name, index in _indexes():
        for first, by_length in index.items():
            for n, keys in by_length:
                for key in keys:
                    grouped.setdefault(first, {}).setdefault(n, {}).setdefault(key, []).append(name)
    index: SlotIndex = {}
    for first, lengths in grouped.items():
        hits = [(n, {key: (" ".join(key), tuple(names)) for key, names in keys.items()})
                for n, keys in sorted(lengths.items(), reverse=True)]
        one = hits.pop()[1][(first,)] if hits[-1][0] == 1 else None
        index[first] = tuple(hits), one
    return index


def candidates(words: tuple[str, ...]) -> dict[str, list[Match]]:
    """Lexicon -> its phrases matching folded `words`: left to right, and at one word
    longest first (the order `find_terms` tries them in)."""
    index = slot_index()
    if index.keys().isdisjoint(words):
        return {}  # no word starts a phrase: the usual case, decided in C
    found: defaultdict[str, list[Match]] = defaultdict(list)
    entries = list(map(index.get, words))  # (probed in C; only the words found are walked)
    for i, (longer, one) in compress(enumerate(entries), entries):
        for n, keys in longer:
            hit = keys.get(words[i:i + n])
            if hit is not None:
                for name in hit[1]:
                    found[name].append((i, n, hit[0]))
        if one is not None:
            match = (i, 1, one[0])  # (a tuple: the lexicons listing the word share it)
            for name in one[1]:
                found[name].append(match)
    return dict(found)  # (a plain dict: readers only look lexicons up)


class Annotation(NamedTuple):
    """One title's words as written (for output) and folded (for matching), and where each
    slot lexicon's phrases are. Shared, so never mutated: slots keep their own `taken`.
    (A named tuple: one is built per title, and a frozen dataclass costs more to build.)"""

    raw: tuple[str, ...]
    folded: tuple[str, ...]
    found: dict[str, list[Match]]
    types: list[Span]
    """`spans(TYPES)`: the slots and the type count both read the product types."""
    plain: Plain | None = None
    """The lower-cased forms of a plain title (`plain_view`), which the slots and hygiene
    read instead of lower-casing, translating and splitting the title again; None for
    any other title."""

    def spans(self, name: str, taken: set[int] | None = None) -> list[Span]:
        """`find_terms(self.folded, name, taken)`, from the candidates (`choose`)."""
        matches = self.found.get(name)
        return choose(matches, taken) if matches else []

    def any_before(self, names: tuple[str, ...], end: int) -> bool:
        """Whether `find_terms(self.folded[:end], name)` finds anything for some name: it
        does exactly when some phrase of the lexicon fits entirely before `end`."""
        return any(i + n <= end for name in names for i, n, _ in self.found.get(name, ()))


def choose(matches: list[Match], taken: set[int] | None = None) -> list[Span]:
    """The phrases `find_terms` chooses among a lexicon's candidates `matches`: once a
    phrase is chosen at a word, the shorter ones there (and the words it covers) are
    skipped, and so is a phrase over a `taken` word."""
    spans: list[Span] = []
    free = 0  # words before this belong to the phrase chosen last
    for i, n, phrase in matches:
        if i < free or (taken and (i in taken or not taken.isdisjoint(range(i, i + n)))):
            continue
        spans.append((i, i + n, phrase))
        free = i + n
    return spans


def _annotation(raw: tuple[str, ...], folded: tuple[str, ...],
                plain: Plain | None = None) -> Annotation:
    found = candidates(folded)
    types = found.get(TYPES)
    return Annotation(raw, folded, found, choose(types) if types else [], plain)


@functools.lru_cache(maxsize=8)
def annotate(text: str) -> Annotation:
    """`annotation(text)`, remembered for callers that each read it on their own. A few
    entries are enough for that: kept longer, they lived long enough for the garbage
    collector to move and rescan them. (`title.measure` reads it once and passes it on.)"""
    return annotation(text)


def annotation(text: str) -> Annotation:
    """The annotation of normalised `text`."""
    if (view := plain_view(text)) is not None:
        return _annotation(*view)
    raw = tuple(split_words(text))
    low = folded_words(text, raw)
    if low is not None:  # printable ASCII with "-" or "'": its words are joined, not its forms
        return _annotation(raw, low, plain_forms(text)[2])  # type: ignore[index]
    low = tuple(split_words(fold(text)))
    if len(low) != len(raw):  # a case mapping changed a length: output the folded words
        raw = low
    return _annotation(raw, low)

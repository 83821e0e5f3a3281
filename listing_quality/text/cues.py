"""One scan of a text for the cue words of many regexes and lexicons at once.

A label text is searched with a dozen data-file regexes (`label_patterns.yaml`,
`registrations.yaml`) and four packaging lexicons. Each search alone, even prefiltered
(`prefilter.search`, `phrases.find_matches`), walked the whole text again in Python or in a
regex that cannot skip ahead, and together they were the largest cost of measuring a
listing. Here one regex finds, in C, every place where any of those regexes or phrases can
start, and each search then only tries its own places.

Exactness, for a regex: `prefilter.starts` gives words every match starts with, never
after an ASCII letter; for a lexicon: every phrase starts with a whole word of
`phrases.first_word_index`. Only lower-case ASCII-letter words take part, so a place never
hides inside another word's match (the letter before it would be a letter), and at each
place the scan reports the longest word, of which every other word starting there is a
prefix. As in `prefilter`, a text holding an IGNORECASE look-alike (`phrases.lowered` is
None) and any regex or lexicon the scan cannot read go to the plain search instead.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from .lexicon import load_words, phrase_matches
from .phrases import Index, first_word_index, lowered
from .prefilter import needs, search, starts

_LETTER_WORD = re.compile(r"[a-z]+")


def trie_regex(words: Iterable[str]) -> str:
    """An alternation of `words` as a character trie, longest match first at each place.

    A flat alternation of a few hundred words is tried word by word at every place; the
    trie tries one branch per character.
    """
    tree: dict[str, dict] = {}
    for word in words:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _branches(tree)


def _branches(node: dict[str, dict]) -> str:
    ends = "" in node
    options = [re.escape(ch) + _branches(child) for ch, child in sorted(node.items()) if ch]
    if not options:
        return ""
    body = options[0] if len(options) == 1 else f"(?:{'|'.join(options)})"
    return f"(?:{body})?" if ends else body


@dataclass(frozen=True)
class Plan:
    """The combined scan for fixed regexes and lexicons: built once, used for every text."""

    regex: re.Pattern[str]  # `[^a-z](word...)` over " " + the lower-cased text
    slots: dict[re.Pattern[str] | str, int]  # regex or lexicon name -> its slot
    by_word: dict[str, tuple[tuple[int, str], ...]]  # longest word -> (slot, its word)
    indexes: dict[str, Index]  # lexicon name -> its first-word index
    needs: dict[int, frozenset[str]]  # slot -> words one of which a match needs, or empty


def _readable(words: Iterable[str]) -> bool:
    return all(_LETTER_WORD.fullmatch(word) for word in words)


def _regex_words(pattern: re.Pattern[str]) -> frozenset[str] | None:
    first = starts(pattern)
    if first is None or not first[1] or not _readable(first[0]):
        return None
    return first[0]


@functools.lru_cache(maxsize=8)
def plan(patterns: tuple[re.Pattern[str], ...], lexicons: tuple[str, ...]) -> Plan:
    """The scan for `patterns` and `lexicons`; those it cannot read are left out (searched
    plainly by `Cues`)."""
    words: dict[int, frozenset[str]] = {}
    slots: dict[re.Pattern[str] | str, int] = {}
    indexes: dict[str, Index] = {}
    wanted: dict[int, frozenset[str]] = {}
    for pattern in patterns:
        if (found := _regex_words(pattern)) is not None:
            slots[pattern] = len(slots)
            words[slots[pattern]] = found
            # a one-letter start is found at many words; the words a match needs (`prefilter`)
            # rule those out at once ("p" of P-IRT without "irt" in the text)
            short = min(map(len, found)) == 1
            wanted[slots[pattern]] = (needs(pattern) if short else None) or frozenset()
    for name in lexicons:
        index = first_word_index(load_words(name))
        if index is not None and _readable(index):
            slots[name] = len(slots)
            words[slots[name]] = frozenset(index)
            indexes[name] = index
    every = {word for group in words.values() for word in group}
    by_word = {longest: tuple((slot, word) for slot, group in words.items() for word in group
                              if longest.startswith(word)) for longest in every}
    regex = re.compile(f"[^a-z]({trie_regex(every) or '(?!)'})")
    return Plan(regex, slots, by_word, indexes, wanted)


def _is_word_char(ch: str) -> bool:
    """`re`'s `\\w` on one character."""
    return ch.isalnum() or ch == "_"


def _whole_word(low: str, start: int, end: int) -> bool:
    """`(?<!\\w)` at `start` and `(?!\\w)` at `end`, as `phrases.first_word_index` asks."""
    return not (start and _is_word_char(low[start - 1])) and not (
        end < len(low) and _is_word_char(low[end]))


class Cues:
    """One text's places for every regex and lexicon of a `Plan`, found in one scan."""

    __slots__ = ("_low", "_places", "plan", "text")

    def __init__(self, text: str, scan_plan: Plan) -> None:
        self.text = text
        self.plan = scan_plan
        self._low = lowered(text)
        self._places: list[list[tuple[int, str]]] = [[] for _ in scan_plan.slots]
        if self._low is not None:
            self._scan(self._low)

    def _scan(self, low: str) -> None:
        """Append (place, word) to each slot that a found word may start."""
        by_word, places = self.plan.by_word, self._places
        for match in self.plan.regex.finditer(" " + low):
            at, longest = match.start(), match.group(1)  # `at`: the place in `low`
            for slot, word in by_word[longest]:
                places[slot].append((at, word))

    def search(self, pattern: re.Pattern[str]) -> re.Match[str] | None:
        """`pattern.search(text)`: its leftmost match is at one of its places, in order."""
        slot = self.plan.slots.get(pattern)
        low = self._low
        if slot is None or low is None:
            return search(pattern, self.text)
        places = self._places[slot]
        wanted = self.plan.needs[slot]
        if not places or (wanted and not any(word in low for word in wanted)):
            return None
        for at, _ in places:
            if (match := pattern.match(self.text, at)) is not None:
                return match
        return None

    def phrase_matches(self, name: str) -> list[re.Match[str]]:
        """`lexicon.phrase_matches(text, name)`: phrases tried at whole first words only."""
        slot, low = self.plan.slots.get(name), self._low
        if slot is None or low is None:
            return phrase_matches(self.text, name)
        index, found, end = self.plan.indexes[name], [], 0
        for at, word in self._places[slot]:
            if at >= end and _whole_word(low, at, at + len(word)) and (
                    match := index[word][1].match(self.text, at)) is not None:
                found.append(match)
                end = match.end()
        return found

    def phrases(self, name: str) -> list[str]:
        """`lexicon.find_phrases(text, name)`: phrases found, lower case, in order, once."""
        found: list[str] = []
        for match in self.phrase_matches(name):
            phrase = " ".join(match.group(0).lower().split())
            if phrase not in found:
                found.append(phrase)
        return found

"""One scan of a text for the cue words of many regexes, lexicons and word groups at once.

A label text is searched with a dozen data-file regexes and four packaging lexicons, and its
number and size parsers ask where their words start (word groups). Each search alone
walked the whole text again; here one regex finds, in C, every place where any of them
can start (over the text's `letters.letters_only` form), and each search then only tries
its own places.

Exactness, for a regex: `prefilter.starts` gives words every match starts with, never
after an ASCII letter; for a lexicon: every phrase starts with a whole word of
`phrases.first_word_index`. Only lower-case ASCII-letter words take part, so a place never
hides inside another word's match (the letter before it would be a letter), and at each
place the scan reports the longest word, of which every other word starting there is a
prefix. As in `prefilter`, a text holding an IGNORECASE look-alike (`phrases.lowered` is
None) and any regex or lexicon the scan cannot read go to the plain search instead.

A regex is tried at a place without IGNORECASE on the lower-cased text first (exact:
`phrases.lowered_regex`); most places fail, where `re` skips its branches on their first
letter, as it cannot case-insensitively. Only a match is tried on the text itself.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from .letters import scan_regex, scan_text
from .lexicon import distinct_phrases, load_words, phrase_matches
from .phrases import Index, first_word_index, lowered, lowered_index, lowered_regex
from .prefilter import needs, search, starts

_LETTER_WORD = re.compile(r"[a-z]+")
_MAX_GATED = 4
"""Slots with needs that get a scan without their words (2 ** this many scans at most)."""
_GATE_WORDS = 2
"""A slot is gated when it needs one of this many words at most (tested on every text)."""
_TRY_PLACES = 4
"""Beyond this many places, testing the words a match needs costs less than trying them."""


@dataclass(frozen=True, eq=False)
class Plan:
    """The combined scan for fixed regexes and lexicons: built once, used for every text."""

    regex: re.Pattern[bytes]  # ` (word...)` over `letters.scan_text(low)`
    slots: dict[re.Pattern[str] | str, int]  # regex or lexicon name -> its slot
    by_word: dict[bytes, tuple[tuple[int, str], ...]]  # longest word -> (slot, its word)
    indexes: dict[str, Index]  # lexicon name -> its first-word index
    needs: dict[int, frozenset[str]]  # slot -> words one of which a match needs, or empty
    ids: dict[int, int]  # id of a regex in `slots` -> its slot (hashing a regex is slow)
    gates: tuple[tuple[frozenset[str], frozenset[int]], ...]  # needs -> the slots it gates
    gated: dict[frozenset[int], re.Pattern[bytes]]  # gated slots whose needs are absent -> scan
    plain: dict[int, re.Pattern[str]]  # slot -> its regex without IGNORECASE, for `_low`
    plain_words: dict[str, dict[str, re.Pattern[str]]]  # lexicon -> `indexes` so lowered

    def dead(self, low: str) -> frozenset[int]:
        """The gated slots (one or two needed words: a cheap test) that cannot match in
        `low`: it holds none of the words they need."""
        dead: frozenset[int] = frozenset()
        for words, slots in self.gates:
            if not any(word in low for word in words):
                dead |= slots
        return dead


def _readable(words: Iterable[str]) -> bool:
    return all(_LETTER_WORD.fullmatch(word) for word in words)


def _regex_words(pattern: re.Pattern[str]) -> frozenset[str] | None:
    first = starts(pattern)
    return first[0] if first is not None and first[1] and _readable(first[0]) else None


Group = tuple[str, tuple[str, ...]]
"""A named word group: `Cues.places(name)` lists where one of its words starts a word."""
_Words = dict[int, frozenset[str]]  # slot -> its words (or the words its match needs)


@functools.lru_cache(maxsize=8)
def plan(patterns: tuple[re.Pattern[str], ...], lexicons: tuple[str, ...],
         groups: tuple[Group, ...] = ()) -> Plan:
    """The scan for `patterns`, `lexicons` and word `groups`; those it cannot read are left
    out (searched plainly by `Cues`; `Cues.places` is None for a group left out)."""
    slots, words, indexes, wanted = _slots(patterns, lexicons, groups)
    every = {word for group in words.values() for word in group}
    by_word = {longest.encode(): tuple((slot, word) for slot, group in words.items()
                                       for word in group if longest.startswith(word))
               for longest in every}
    ids = {id(key): slot for key, slot in slots.items() if not isinstance(key, str)}
    gate = [slot for slot, need in wanted.items() if need and len(need) <= _GATE_WORDS]
    gate = gate[:_MAX_GATED]
    gates = {wanted[slot]: frozenset(s for s in gate if wanted[s] == wanted[slot])
             for slot in gate}
    gated = _gated(words, tuple(gates.items()))
    plain = {slot: low for key, slot in slots.items()
             if not isinstance(key, str) and (low := lowered_regex(key)) is not None}
    plain_words = {name: index[1] for name in indexes
                   if (index := lowered_index(load_words(name))) is not None}
    return Plan(gated[frozenset()], slots, by_word, indexes, wanted, ids,
                tuple(gates.items()), gated, plain, plain_words)


def _slots(patterns: tuple[re.Pattern[str], ...], lexicons: tuple[str, ...],
           groups: tuple[Group, ...]) -> tuple[dict[re.Pattern[str] | str, int], _Words,
                                               dict[str, Index], _Words]:
    """A slot for each regex, lexicon and group the scan can read, with its words, the
    lexicons' indexes and the words a regex's match needs (for a one-letter start)."""
    words: _Words = {}
    slots: dict[re.Pattern[str] | str, int] = {}
    indexes: dict[str, Index] = {}
    wanted: _Words = {}
    for pattern in patterns:
        if (found := _regex_words(pattern)) is not None:
            slots[pattern] = len(slots)
            words[slots[pattern]] = found
            # a one-letter start is found at many words; the words a match needs (`prefilter`)
            # rule those out at once ("p" of P-IRT without "irt" in the text)
            short = min(map(len, found)) == 1
            wanted[slots[pattern]] = (needs(pattern) if short else None) or frozenset()
    for name, group in ((name, first_word_index(load_words(name))) for name in lexicons):
        if group is not None and _readable(group):
            slots[name] = len(slots)
            words[slots[name]] = frozenset(group)
            indexes[name] = group
    for name, listed in groups:
        if listed and _readable(listed):
            slots[name] = len(slots)
            words[slots[name]] = frozenset(listed)
    return slots, words, indexes, wanted


def _gated(words: dict[int, frozenset[str]],
           gates: tuple[tuple[frozenset[str], frozenset[int]], ...]
           ) -> dict[frozenset[int], re.Pattern[bytes]]:
    """A scan for every set of `gates` that may be dead (each gates the slots that need the
    same words), leaving out the words no live slot starts with ("p" of P-IRT in a text
    without "irt"). Every live slot still sees each place of its words: the longest live
    word at a place is what `by_word` maps to every word that is a prefix of it."""
    regexes: dict[frozenset[int], re.Pattern[bytes]] = {}
    for closed in itertools.chain.from_iterable(
            itertools.combinations(gates, size) for size in range(len(gates) + 1)):
        dead = frozenset().union(*(slots for _, slots in closed))
        live = {word for slot, group in words.items() if slot not in dead for word in group}
        regexes[dead] = scan_regex(live)
    return regexes


def _whole_word(low: str, start: int, end: int) -> bool:
    """`(?<!\\w)` at `start` and `(?!\\w)` at `end`, as `phrases.first_word_index` asks."""
    before, after = low[start - 1] if start else " ", low[end] if end < len(low) else " "
    return not (before.isalnum() or after.isalnum() or "_" in (before, after))


class Cues:
    """One text's places for every regex and lexicon of a `Plan`, found in one scan."""

    __slots__ = ("_dead", "_low", "_places", "plan", "text")

    def __init__(self, text: str, scan_plan: Plan) -> None:
        self.text = text
        self.plan = scan_plan
        self._low = lowered(text)
        self._places: list[list[tuple[int, str]]] = [[] for _ in scan_plan.slots]
        self._dead: frozenset[int] = frozenset()
        if self._low is not None:
            self._dead = scan_plan.dead(self._low)
            self._scan(self._low, scan_plan.gated.get(self._dead, scan_plan.regex))

    def _scan(self, low: str, regex: re.Pattern[bytes]) -> None:
        by_word, places = self.plan.by_word, self._places  # (place, word) to each slot
        for match in regex.finditer(scan_text(low)):
            at, longest = match.start(), match.group(1)  # `at`: the place in `low`
            for slot, word in by_word[longest]:
                places[slot].append((at, word))

    def search(self, pattern: re.Pattern[str]) -> re.Match[str] | None:
        """`pattern.search(text)`: its leftmost match is at one of its places, in order."""
        slot = self.plan.ids.get(id(pattern))  # (by identity: hashing a regex is slow)
        if slot is None:
            slot = self.plan.slots.get(pattern)
        if slot is None or self._low is None:
            return search(pattern, self.text)
        places = self._places[slot]
        if not places or slot in self._dead:
            return None
        wanted = self.plan.needs[slot]  # worth asking before trying many places only
        if len(places) > _TRY_PLACES and wanted and not any(w in self._low for w in wanted):
            return None
        plain = self.plan.plain.get(slot)
        for at, _ in places:
            if plain is not None and plain.match(self._low, at) is None:
                continue  # (most places: the lowered try is the cheap one)
            if (match := pattern.match(self.text, at)) is not None:
                return match
        return None

    def quiet(self, patterns: Iterable[re.Pattern[str]]) -> bool:
        """True when none of `patterns` has a place to match in the text (False when the
        scan cannot tell): one question for several searches that usually find nothing."""
        if self._low is None:
            return False
        places, dead, slot_of = self._places, self._dead, self.plan.ids.get
        for pattern in patterns:
            slot = slot_of(id(pattern))
            if slot is None or (places[slot] and slot not in dead):
                return False
        return True

    def places(self, group: str) -> list[int] | None:
        """Where a word of `group` starts a word of the text (after no ASCII letter), in
        order, once each (see the module's exactness); None when the plan has no such group
        or only the plain search is exact (a look-alike in the text)."""
        slot = self.plan.slots.get(group)
        if slot is None or self._low is None:
            return None
        found = self._places[slot]
        return sorted({at for at, _ in found}) if len(found) > 1 else [at for at, _ in found]

    def phrase_matches(self, name: str) -> list[re.Match[str]]:
        """`lexicon.phrase_matches(text, name)`: phrases tried at whole first words only."""
        slot, low = self.plan.slots.get(name), self._low
        if slot is None or low is None:
            return phrase_matches(self.text, name)
        places = self._places[slot]
        if not places:  # most texts, for most lexicons
            return []
        index, found, end = self.plan.indexes[name], [], 0
        plain = self.plan.plain_words.get(name)
        for at, word in places:
            if at >= end and _whole_word(low, at, at + len(word)) and (
                    plain is None or plain[word].match(low, at) is not None) and (
                    match := index[word][1].match(self.text, at)) is not None:
                found.append(match)
                end = match.end()
        return found

    def phrases(self, name: str) -> list[str]:
        """`lexicon.find_phrases(text, name)`: phrases found, lower case, in order, once."""
        return distinct_phrases(self.phrase_matches(name))

"""The scanner under quantities and sizes: every number with the word after it (an "atom").

`quantities` turns atoms into net contents and `sizes` into dimensions; both read the same
atoms of the same text, so the scan is cached here once. Units and number words are data
(`units.yaml`).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from typing import NamedTuple

from .normalize import (
    Unit,
    alternation,
    label_before,
    text_data,
    unit_table,
)
from .numbers import read_amount
from .phrases import lowered

SEP_RE = re.compile(r"\s{0,3}[x×X*@]\s{0,3}")
"""What joins atoms into a multipack or a size: "2 x 250 g", "30x25 cm", "10 sachet @ 25 g"."""
SEP_WIDTH = 7
"""The most characters `SEP_RE` takes (a test pins it): atoms further apart, as most numbers
of a description are, need no `SEP_RE.fullmatch` to tell they are not joined."""


class Atom(NamedTuple):
    """A number as written, its unit (None when bare) and where a count label starts.

    A named tuple, not a frozen dataclass: every number of every text makes one, and a
    frozen dataclass's `__init__` (one `object.__setattr__` per field) cost more than
    reading the number.
    """

    start: int
    end: int
    value: float
    unit: Unit | None  # None: a bare number ("isi 10", the 2 of "2 x 250 gr")
    lead: int | None  # start of a count label before it ("isi 10"), else None


@functools.lru_cache(maxsize=1)
def _atom_re() -> re.Pattern[str]:
    words = alternation(text_data()["number_words"])
    initials = "".join(sorted({str(w)[0] for w in text_data()["number_words"]}))
    return re.compile(
        rf"(?=[0-9½¼¾{initials}])"  # cheap first test: most positions start no number
        r"(?:(?<![\w.,/])(?<![^\W_]-)|(?<=(?<![^\W\d_])[xX×])|(?<=[^\W\d_],)|(?<=(?<![^\W\d_])[iI][sS][iI]))"
        r"(?P<num>[0-9]{1,6}\s?/\s?[0-9]{1,6}(?![0-9/])"  # 1/2
        r"|[0-9]+(?:[.,][0-9]+)*(?:\s?[½¼¾])?|[½¼¾]"  # 1.000, 1,5, 1½, ½
        rf"|(?:{words})(?![^\W_]))"  # setengah
        r"(?:\s{0,2}(?P<unit>[^\W\d_]+))?",
        re.IGNORECASE,
    )


# Most texts hold no number word ("dua", "setengah"): for them a digits-only form of the
# regex above finds the same atoms, and it starts with a plain character class, which
# lets `re` skip to the next digit in C instead of trying every position (the scan was the
# largest cost of a title). Same lookbehinds, moved one character on: `(?<!X)` before a
# digit is `(?<!X.)` after it. tests/test_text_fast_paths.py pins the two regexes together.
_DIGITS_RE = re.compile(
    r"(?P<num>[0-9½¼¾]"
    r"(?:(?<![\w.,/].)(?<![^\W_]-.)|(?<=(?<![^\W\d_])[xX×].)|(?<=[^\W\d_],.)"
    r"|(?<=(?<![^\W\d_])[iI][sS][iI].))"
    r"(?:(?<=[0-9])[0-9]{0,5}\s?/\s?[0-9]{1,6}(?![0-9/])"  # 1/2
    r"|(?<=[0-9])[0-9]*(?:[.,][0-9]+)*(?:\s?[½¼¾])?|(?<=[½¼¾])))"  # 1.000, 1,5, 1½, ½
    r"(?:\s{0,2}(?P<unit>[^\W\d_]+))?",
    re.IGNORECASE,
)
_INF = float("inf")
_NOT_BEFORE_WORD = frozenset("abcdefghjklmnopqrstuvwyz0123456789_")  # all but x and isi


@functools.lru_cache(maxsize=1)
def _number_word_re() -> re.Pattern[str]:
    """First words of the number words, lower case: the "may hold one" test (no flags, so
    `re` skips to their initials in C)."""
    firsts = {str(w).split()[0].lower() for w in text_data()["number_words"]}
    return re.compile("|".join(re.escape(w) for w in sorted(firsts, key=lambda w: (-len(w), w))))


@functools.lru_cache(maxsize=1)
def _number_word_start_re() -> re.Pattern[str]:
    """`_number_word_re` after a character it may follow, in one regex over " " + the
    lower-cased text: the class in front lets `re` skip in C to the few such characters,
    and the lookahead takes nothing, so places next to each other are all tried."""
    allowed = re.escape("".join(sorted(_NOT_BEFORE_WORD)))
    return re.compile(f"[^{allowed}](?={_number_word_re().pattern})")


@functools.lru_cache(maxsize=256)
def _may_hold_number_word(text: str) -> bool:
    """False only when no number word can start an atom: then the digits-only regex is exact.

    An atom's number word is never glued to a letter or digit before it, except the x of
    "2x" and the i of "isi". (`may_start(_number_word_re(), text, _NOT_BEFORE_WORD)`, which
    walked every occurrence in Python.)
    """
    low = lowered(text)
    return low is None or _number_word_start_re().search(" " + low) is not None


NUMBER_WORDS = "atoms.number_words"
"""The `cues` word group (`number_word_group`) whose places stand for `_may_hold_number_word`."""


@functools.lru_cache(maxsize=1)
def number_word_group() -> tuple[str, tuple[str, ...]]:
    """The words one of which starts the letter run of every number-word atom, for a label
    text's one cue scan (which then stands for `_may_hold_number_word`, a scan of its own).

    A number word is glued to no letter before it but the "x" of "2xdua" or the "isi" of
    "isidua", themselves glued to no letter: its run starts with the word, "x" + it or
    "isi" + it. No place of these: no number-word atom, and the digits-only regex is exact.
    """
    firsts = sorted({str(w).split()[0].lower() for w in text_data()["number_words"]})
    return NUMBER_WORDS, tuple(f"{glue}{word}" for glue in ("", "x", "isi") for word in firsts)


@functools.lru_cache(maxsize=1)
def _not_quantities() -> frozenset[str]:
    return frozenset(str(s) for s in text_data()["not_quantities"])


@functools.lru_cache(maxsize=4096)
def _amount(raw: str) -> float | None:
    """`read_amount`, remembered for short numbers: "250", "1,5" recur in every catalog."""
    return read_amount(raw)


@functools.lru_cache(maxsize=256)
def scan(text: str) -> tuple[Atom, ...]:
    """Numbers not glued to a code ("A455L", not "2x250g"), with their unit; cached (shared)."""
    return read_atoms(text, _may_hold_number_word(text))


def read_atoms(text: str, number_words: bool) -> tuple[Atom, ...]:
    """`scan(text)` for a caller that knows whether a number word may start an atom (False
    only when none can: the places of `number_word_group` in the text's cue scan)."""
    return tuple(_read(text, _atom_re() if number_words else _DIGITS_RE, len(text) + 1))


def _read(text: str, regex: re.Pattern[str], stop: int) -> list[Atom]:
    """The atoms of the matches of `regex` in `text` that start before `stop`."""
    skip = _not_quantities()
    units = unit_table()
    atoms: list[Atom] = []
    labelled: bool | None = None  # whether a count label can be in `text`: asked once
    for match in regex.finditer(text):
        start, end = match.span()
        if start >= stop:
            break
        raw, word = match.groups()  # (num, unit: both regexes have these two groups only)
        value = _amount(raw) if len(raw) <= 16 else read_amount(raw)
        if value is None:
            continue
        unit = units.get(word.lower()) if word else None
        if unit and (text[end : end + 1].isdigit()  # "G2", "G40": model codes
                     or value > (unit.max_value or _INF)):  # "868L": not litres
            unit = None
        if unit is None:
            if raw[0].isalpha():
                continue  # a number word means nothing without its unit
            end = match.end(1)
        if text[start:end] not in skip:
            if labelled is None:
                labelled = may_hold_label(text, "count_labels")
            lead = label_before(text, start, "count_labels") if labelled else None
            atoms.append(Atom(start, end, value, unit, lead))
    return atoms


def may_hold_label(text: str, key: str) -> bool:
    """False only when `label_before(text, pos, key)` is None wherever `pos` is.

    A label found before `pos` lies in `text`, starts with the first word of one of the
    labels of `key` ("isi", "jumlah", "total" for a count) and follows no letter (the
    label regex's lookbehind). A text whose lower case (`phrases.lowered`, exact) holds
    none of those words after a non-letter asks for no label at any of its numbers: most
    titles, and the descriptions whose only "isi" is inside a word ("komposisi").
    """
    low = lowered(text)
    if low is None:
        return True
    for word in _label_firsts(key):
        at = low.find(word)
        while at >= 0:
            if not (at and low[at - 1].isalpha()):  # (a letter is in `[^\W\d_]`)
                return True
            at = low.find(word, at + 1)
    return False


@functools.lru_cache(maxsize=8)
def _label_firsts(key: str) -> tuple[str, ...]:
    """The first words of the labels of `key`, lower case, none starting with another."""
    firsts = {str(label).split()[0].lower() for label in text_data()[key]}
    return tuple(sorted(w for w in firsts if not any(o != w and w.startswith(o) for o in firsts)))


_BARRIER = re.compile(r"[^\w\s.,/]|_")
"""A character no match of the scan can hold: not a digit, letter, blank, ".", "," or "/"."""
_NOT_HELD = re.compile(r"[^\w\s.,/]")  # `_BARRIER` but "_", as one class `re` skips to in C
_SYNC_FROM = 40  # beyond the lookbehinds (5 characters) and a count label's window (31)


def _barrier(text: str, start: int) -> int | None:
    """Where `_BARRIER.search(text, start)` starts, or None. `re` gives an alternation
    no first-character class, and tried it at every character up to the barrier, often
    hundreds; a class search and a `str.find` for the "_" skip there in C."""
    found = _NOT_HELD.search(text, start)
    end = len(text) if found is None else found.start()
    under = text.find("_", start, end)
    if under >= 0:
        return under
    return None if found is None else end


def suffix_atoms(outer: str, outer_atoms: Sequence[Atom], offset: int,
                 number_words: bool | None = None) -> tuple[Atom, ...] | None:
    """`scan(outer[offset:])` read off `outer_atoms` (`scan(outer)`), or None if unsure.

    A description is the end of its label text (title, a space, description), and the label
    is scanned anyway. No match spans a `_BARRIER` character, so from the first one
    `_SYNC_FROM` characters in, both scans stand between matches, see the same text ahead
    and look back no further than the description: they find the same numbers there. Only
    the description's head is scanned. Number words take the full regex: not read off.
    `number_words`: `_may_hold_number_word(outer)` (or a test as safe) when the caller has it.
    """
    if not 0 < offset < len(outer) or outer[offset - 1] != " ":
        return None  # (a space before the suffix: its number-word places are the outer's)
    if _may_hold_number_word(outer) if number_words is None else number_words:
        return None
    text = outer[offset:]
    stop = _barrier(text, _SYNC_FROM)
    if stop is None:
        return None
    tail = [Atom(a.start - offset, a.end - offset, a.value, a.unit,
                 None if a.lead is None else a.lead - offset)
            for a in outer_atoms if a.start > offset + stop]
    return (*_read(text, _DIGITS_RE, stop), *tail)

"""Sizes ("30 x 25 cm", "2 m x 1,15 m", "ukuran 40 cm", "XL"), kept apart from net contents.

Crafts and clothes are judged on their size, food on its net quantity; a length is never a
net quantity, and a run holding a mass ("2 x 250 gr") is never a size.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from .atoms import SEP_RE, Atom, scan
from .normalize import alternation, bounded, label_before, text_data
from .phrases import lowered


@functools.lru_cache(maxsize=1)
def _letters_re() -> re.Pattern[str]:
    """Letter sizes: "XL" anywhere, "S"/"M"/"L" only after a label ("ukuran M", "Size: L")."""
    letters, short, label = (
        alternation(text_data()[key])
        for key in ("letter_sizes", "letter_sizes_after_label", "size_labels")
    )
    words = (*text_data()["letter_sizes"], *text_data()["size_labels"])
    return re.compile(  # the lookahead is a cheap first test at every position
        rf"(?=[{re.escape(''.join(sorted({str(w)[0].lower() for w in words})))}])"
        rf"(?:(?<![^\W\d_])(?:{label})\.?\s{{0,2}}[:=]?\s{{0,2}}(?:{letters}|{short})"
        rf"|(?<![^\W_])(?:{letters}))(?![^\W_])",
        re.IGNORECASE,
    )


@functools.lru_cache(maxsize=1)
def _size_word_re() -> re.Pattern[str]:
    """First words of letter sizes and size labels, lower case, no flags: the cheap test."""
    words = {str(w).split()[0].lower()
             for key in ("letter_sizes", "size_labels") for w in text_data()[key]}
    return re.compile("|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w))))


_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyz")


@functools.lru_cache(maxsize=1)
def _size_start_re() -> re.Pattern[str]:
    """`_size_word_re` after a non-letter, over " " + the lower-cased text: the class in
    front lets `re` skip in C to non-letters, the lookahead takes nothing, so overlapping
    places ("2xl" and its "xl") are all found."""
    return re.compile(f"[^a-z](?={_size_word_re().pattern})")


def _size_places(text: str) -> list[int] | None:
    """`phrases.start_places(_size_word_re(), text, _LETTERS)` in one C-level pass."""
    low = lowered(text)
    if low is None:
        return None
    if _size_word_re().search(low) is None:
        return []  # none of the words anywhere (the usual title): no place to look at
    return [match.start() for match in _size_start_re().finditer(" " + low)]


def _letter_sizes(text: str, places: list[int] | None) -> list[tuple[int, int]]:
    """Spans of letter sizes, as `_letters_re().finditer` gives them. A letter size or its
    label starts with one of their first words, never after a letter: the regex is tried
    at those places (`_size_places`) only (most texts have none)."""
    if places is None:
        return [m.span() for m in _letters_re().finditer(text)]
    spans: list[tuple[int, int]] = []
    for place in places:
        if (not spans or place >= spans[-1][1]) and (m := _letters_re().match(text, place)):
            spans.append(m.span())
    return spans


def _runs(text: str, atoms: Sequence[Atom]) -> list[list[Atom]]:
    """Atoms joined by "x": "30 x 25 x 10 cm" is one run, a lone atom a run of one."""
    runs: list[list[Atom]] = []
    for atom in atoms:
        if runs and SEP_RE.fullmatch(text, runs[-1][-1].end, atom.start):
            runs[-1].append(atom)
        else:
            runs.append([atom])
    return runs


def _size_spans(text: str, atoms: Sequence[Atom]) -> list[tuple[int, int]]:
    """Letter sizes, and runs of bare numbers and lengths after a size label or holding a
    length. A size label starts at one of `_size_places` too: without one, no run is asked
    for its label, and neither is a run holding a mass, volume or count (never a size)."""
    places = _size_places(text)
    spans = _letter_sizes(text, places)
    for run in _runs(text, atoms):
        kinds = {atom.unit.kind if atom.unit else "bare" for atom in run}
        if not kinds <= {"bare", "length"}:
            continue
        lead = label_before(text, run[0].start, "size_labels") if places != [] else None
        # "3M" alone is a brand far more often than three metres
        tail = text[run[0].start : run[0].end]
        brand = len(run) == 1 and tail[-1].isupper() and not tail[-2:-1].isalpha()
        if lead is not None or ("length" in kinds and not brand):
            spans.append((run[0].start if lead is None else lead, run[-1].end))
    return spans


def find_sizes(text: str, atoms: Sequence[Atom] | None = None) -> list[str]:
    """Sizes as written: "2 m x 1,15 m", "30x25x10 cm", "ukuran 40 cm", "size 42", "XL".

    Kept apart from net quantities so a rule can ask "is the size stated?" for crafts and
    clothes. A run holding a mass or volume ("2 x 250 gr", "ukuran 250 gr") is no size.
    `atoms`: the scan of this very text when the caller has it.
    """
    text = bounded(text)
    sizes: list[str] = []
    last_end = -1
    found = _size_spans(text, scan(text) if atoms is None else atoms)
    for start, end in sorted(found, key=lambda s: (s[0], -s[1])):
        if start >= last_end:
            sizes.append(text[start:end].strip())
            last_end = end
    return sizes

"""Sizes ("30 x 25 cm", "2 m x 1,15 m", "ukuran 40 cm", "XL"), kept apart from net contents.

Crafts and clothes are judged on their size, food on its net quantity; a length is never a
net quantity, and a run holding a mass ("2 x 250 gr") is never a size.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from .atoms import SEP_RE, SEP_WIDTH, Atom, scan
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
def _size_words() -> frozenset[str]:
    """First words of letter sizes and size labels, lower case."""
    return frozenset(str(w).split()[0].lower()
                     for key in ("letter_sizes", "size_labels") for w in text_data()[key])


@functools.lru_cache(maxsize=1)
def _size_word_re() -> re.Pattern[str]:
    """`_size_words` as one regex without flags: the cheap test."""
    words = sorted(_size_words(), key=lambda w: (-len(w), w))
    return re.compile("|".join(re.escape(w) for w in words))


_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyz")
_LETTER_WORD = re.compile("[a-z]+")  # what a cue scan's word is made of
SIZE_WORDS = "sizes.size_words"
"""The `cues` word group (`size_word_group`) whose places stand for most of `_size_places`."""


@functools.lru_cache(maxsize=1)
def _first_words() -> tuple[tuple[str, ...], tuple[str, ...], str]:
    """The first words of `_size_word_re` of letters only, the others ("2xl"), and the
    longest part every other holds ("xl"): a text without it holds none of them, and a
    substring test costs a quarter of a regex search over a description."""
    words = sorted(_size_words())
    letters = tuple(w for w in words if _LETTER_WORD.fullmatch(w))
    others = tuple(w for w in words if w not in letters)
    parts = {w[i:j] for w in others[:1] for i in range(len(w)) for j in range(i + 1, len(w) + 1)}
    common = max((p for p in parts if all(p in w for w in others)), key=len, default="")
    return letters, others, common


def _holds_other_word(low: str) -> bool:
    """Whether lower-cased text `low` holds one of the size words that are not letters."""
    _, others, common = _first_words()
    return bool(others) and common in low and any(word in low for word in others)


def size_word_group() -> tuple[str, tuple[str, ...]]:
    """The letter words of `_size_word_re`, for a label text's one cue scan: their places
    there are `_size_places`' own (a word after no letter), the others are asked apart."""
    return SIZE_WORDS, _first_words()[0]


@functools.lru_cache(maxsize=1)
def _size_start_re() -> re.Pattern[str]:
    """`_size_word_re` after a non-letter, over " " + the lower-cased text: the class in
    front lets `re` skip in C to non-letters, the lookahead takes nothing, so overlapping
    places ("2xl" and its "xl") are all found."""
    return re.compile(f"[^a-z](?={_size_word_re().pattern})")


WALK_HITS = 4
"""Hits of the plain word search walked one by one before one pass of the start regex takes
over: a title's few hits are mostly inside a word ("uk" of "bubuk", "kerupuk", "produk"),
each a search from the next character, where the start regex tried its words after every
space and digit of the text."""


def _size_places(text: str, letter_places: list[int] | None = None) -> list[int] | None:
    """`phrases.start_places(_size_word_re(), text, _LETTERS)`: walked for the first few
    hits of the words anywhere (`WALK_HITS`), then in one C-level pass.

    `letter_places`: where the text's cue scan found `size_word_group` (not None only when
    `lowered(text)` is not None); they are all the places unless the text holds one of the
    other words ("2xl", rare), and then the start regex finds them all."""
    low = lowered(text)
    if low is None:
        return None
    if letter_places is not None and not _holds_other_word(low):
        return letter_places
    regex = _size_word_re()
    match = regex.search(low)
    places: list[int] = []
    for _ in range(WALK_HITS):
        if match is None:
            return places  # no more hits (none at all in the usual title)
        at = match.start()
        if not at or low[at - 1] not in _LETTERS:
            places.append(at)
        match = regex.search(low, at + 1)
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
        if runs and atom.start - runs[-1][-1].end <= SEP_WIDTH and SEP_RE.fullmatch(
                text, runs[-1][-1].end, atom.start):
            runs[-1].append(atom)
        else:
            runs.append([atom])
    return runs


def _size_spans(text: str, atoms: Sequence[Atom],
                letter_places: list[int] | None) -> list[tuple[int, int]]:
    """Letter sizes, and runs of bare numbers and lengths after a size label or holding a
    length. A size label starts at one of `_size_places` too: without one, no run is asked
    for its label, and neither is a run holding a mass, volume or count (never a size)."""
    places = _size_places(text, letter_places)
    spans = _letter_sizes(text, places)
    if places == [] and not any(atom.unit is not None and atom.unit.kind == "length"
                                for atom in atoms):
        return spans  # no label and no length: no run is a size (most food labels)
    for run in _runs(text, atoms):
        if len(run) == 1 and (run[0].unit.kind != "length" if run[0].unit is not None
                              else places == []):
            continue  # a lone mass, volume or count; a bare number with no label in the text
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


def find_sizes(text: str, atoms: Sequence[Atom] | None = None,
               letter_places: list[int] | None = None) -> list[str]:
    """Sizes as written: "2 m x 1,15 m", "30x25x10 cm", "ukuran 40 cm", "size 42", "XL".

    Kept apart from net quantities so a rule can ask "is the size stated?" for crafts and
    clothes. A run holding a mass or volume ("2 x 250 gr", "ukuran 250 gr") is no size.
    `atoms`: the scan of this very text when the caller has it; `letter_places`: where its
    cue scan found `size_word_group`, when the caller has that (`parsed.Parsed.share`).
    """
    text = bounded(text)
    found = _size_spans(text, scan(text) if atoms is None else atoms, letter_places)
    if not found:
        return []  # (most texts)
    sizes: list[str] = []
    last_end = -1
    for start, end in sorted(found, key=lambda s: (s[0], -s[1])):
        if start >= last_end:
            sizes.append(text[start:end].strip())
            last_end = end
    return sizes

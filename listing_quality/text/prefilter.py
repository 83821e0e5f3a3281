"""Words a regex cannot match without: a sound, cheap "can it match here at all?" test.

Label facts and registration numbers are a dozen data-file regexes (`label_patterns.yaml`,
`registrations.yaml`) searched in every listing's text, and most texts hold none of them.
A search that finds nothing still tries every position, which made these searches a
large cost of measuring a listing. Reading the regex's own parse tree gives words every
match must contain ("irt" for P-IRT, "komposisi" or "bahan" or ... for composition); when
the lower-cased text holds none of them, the regex cannot match and is not run.

Soundness: only ASCII literals that the match must contain count (optional parts,
character classes and look-arounds require nothing); the text is lower-cased, and a text
holding an IGNORECASE look-alike of an ASCII letter (see `phrases.lowered`) always runs the
regex. Anything the reader does not recognise requires nothing, so it errs towards
running the regex, never towards skipping a match.
"""

from __future__ import annotations

import functools
import re
from typing import Any

from .phrases import lowered

try:  # the parser `re` itself uses (public in spirit: re's own compile step)
    from re import _constants as _sre
    from re import _parser as _sre_parse
except ImportError:  # Python 3.10
    import sre_constants as _sre  # type: ignore[no-redef]
    import sre_parse as _sre_parse  # type: ignore[no-redef]

Needs = frozenset[str] | None  # any one of these words is in every match; None: unknown
_REPEATS = {getattr(_sre, name) for name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT")
            if hasattr(_sre, name)}


def _score(needs: frozenset[str]) -> tuple[int, int]:
    """How selective a set is: its shortest word, punctuation counting double (":" is rarer
    in a description than "e"); then the fewer words the better."""
    return min(len(w) + sum(not c.isalnum() for c in w) for w in needs), -len(needs)


def _best(options: list[frozenset[str]]) -> Needs:
    return max(options, key=_score) if options else None


def _item(op: Any, av: Any) -> Needs:
    """What one parsed element requires (never a literal: `_sequence` joins those)."""
    if op is _sre.SUBPATTERN:
        return _sequence(av[-1])
    if op is _sre.BRANCH:  # one word of each branch, or a word every branch needs
        alternatives = [_options(branch) for branch in av[1]]
        if not all(alternatives):
            return None
        union = frozenset().union(*(_best(a) for a in alternatives))  # type: ignore[arg-type]
        return _best([union, *set(alternatives[0]).intersection(*alternatives[1:])])
    if op in _REPEATS:
        low, _, body = av
        return _sequence(body) if low >= 1 else None
    if getattr(_sre, "ATOMIC_GROUP", None) is op:
        return _sequence(av)
    return None  # classes, look-arounds, anchors, categories: nothing to count on


def _sequence(items: Any) -> Needs:
    """The most selective requirement of a sequence."""
    return _best(_options(items))


def _options(items: Any) -> list[frozenset[str]]:
    """Every requirement of a sequence: each element is required, and runs of ASCII
    literals are required whole."""
    options: list[frozenset[str]] = []
    run = ""
    for op, av in items:
        if op is _sre.LITERAL and chr(av).isascii():
            run += chr(av).lower()
            continue
        if run:
            options.append(frozenset({run}))
            run = ""
        if (needs := _item(op, av)) is not None:
            options.append(needs)
    if run:
        options.append(frozenset({run}))
    return options


def needs(pattern: re.Pattern[str]) -> Needs:
    """Words (lower case) one of which every match of `pattern` contains; None if unknown.

    Remembered by source and flags, not by the compiled pattern: hashing a `re.Pattern`
    hashes its compiled code too (up to a microsecond for a label regex), on every call.
    """
    return _needs(pattern.pattern, pattern.flags)


@functools.lru_cache(maxsize=64)
def _needs(source: str, flags: int) -> Needs:
    try:
        return _sequence(_sre_parse.parse(source, flags))
    except Exception:  # noqa: BLE001 - an unreadable parse tree only costs speed
        return None


_ZERO_WIDTH = {_sre.ASSERT, _sre.ASSERT_NOT, _sre.AT}
_ASCII_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyz")


def _starts(items: Any) -> Needs:
    """Words (lower case) one of which every match of `items` starts with; None if unknown."""
    items = [item for item in items]
    while items and items[0][0] in _ZERO_WIDTH:  # look-arounds and anchors take no text
        items.pop(0)
    if not items:
        return None
    op, av = items[0]
    run = ""
    for op2, av2 in items:
        if op2 is not _sre.LITERAL or not chr(av2).isascii():
            break
        run += chr(av2).lower()
    if run:
        return _then_class(run, items[len(run):])
    if op is _sre.SUBPATTERN:
        return _starts(av[-1])
    if op is _sre.BRANCH:
        return _union([_starts(branch) for branch in av[1]])
    if op in _REPEATS and av[0] >= 1:
        return _starts(av[2])
    if op in _REPEATS:  # optional: a match starts with the body or with what follows it
        return _union([_starts(av[2]), _starts(items[1:])])
    return None


def _union(alternatives: list[Needs]) -> Needs:
    return None if any(a is None for a in alternatives) else frozenset().union(*alternatives)  # type: ignore[arg-type]


def _then_class(run: str, rest: Any) -> frozenset[str]:
    """`run`, lengthened by a small class of ASCII letters right after it ("m[dl]": "md",
    "ml"): a one-letter start alone would be tried at every word with that letter."""
    if not rest or rest[0][0] is not _sre.IN:
        return frozenset({run})
    members = rest[0][1]
    if len(members) > 4 or any(op is not _sre.LITERAL or not chr(av).isascii()
                               or not chr(av).isalpha() for op, av in members):
        return frozenset({run})
    return frozenset(run + chr(av).lower() for _, av in members)


def _after_non_letter(items: Any) -> bool:
    """Whether the regex opens with `(?<![a-z])` (the data files' "starts a word" idiom),
    or another one-character negative lookbehind whose class holds all of a-z
    (`(?<![a-z0-9])`)."""
    first = list(items[:1])
    if not first or first[0][0] is not _sre.ASSERT_NOT or first[0][1][0] != -1:
        return False
    body = list(first[0][1][1])
    if len(body) != 1 or body[0][0] is not _sre.IN:
        return False
    members = body[0][1]
    return all(op is not _sre.NEGATE for op, _ in members) and any(
        op is _sre.RANGE and av[0] <= ord("a") and av[1] >= ord("z") for op, av in members)


def starts(pattern: re.Pattern[str]) -> tuple[frozenset[str], bool] | None:
    """Words every match starts with, and whether a match never follows a letter; None when
    unknown, or when a one-letter start could be anywhere (then plain search is faster).
    Remembered by source and flags, as `needs`."""
    return _starts_of(pattern.pattern, pattern.flags)


@functools.lru_cache(maxsize=64)
def _starts_of(source: str, flags: int) -> tuple[frozenset[str], bool] | None:
    try:
        items = _sre_parse.parse(source, flags)
        words, word_start = _starts(items), _after_non_letter(items)
    except Exception:  # noqa: BLE001 - an unreadable parse tree only costs speed
        return None
    if not words or (min(map(len, words)) < 2 and not word_start):
        return None
    return words, word_start


def _places(low: str, words: frozenset[str], word_start: bool) -> list[int]:
    """Every offset where one of `words` starts in `low` (after a non-letter, if
    `word_start`), ascending."""
    found: set[int] = set()
    for word in words:
        at = low.find(word)
        while at >= 0:
            if not (word_start and at and low[at - 1] in _ASCII_LETTERS):
                found.add(at)
            at = low.find(word, at + 1)
    return sorted(found)


def can_match(pattern: re.Pattern[str], text: str) -> bool:
    """False only when `pattern` certainly has no match in `text`."""
    words = needs(pattern)
    if not words:
        return True
    low = lowered(text)
    return low is None or any(word in low for word in words)


def search(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    """`pattern.search(text)`, skipped when the text lacks every word a match needs, and
    tried only where a match can start when every match starts with a known word."""
    low = lowered(text)
    if low is None:
        return pattern.search(text)
    words = needs(pattern)
    if words and not any(word in low for word in words):
        return None
    first = starts(pattern)
    if first is None:
        return pattern.search(text)
    for at in _places(low, *first):  # search's leftmost match, without trying the rest
        if (match := pattern.match(text, at)) is not None:
            return match
    return None

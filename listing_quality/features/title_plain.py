"""A printable ASCII title's words and lower-cased forms, cut out by translation.

`lexicon.split_words` lists a title's words with a regex and `normalize.fold` folds the
whole text with another; on printable ASCII (most titles) the same words come from
mapping every byte outside a class to a space and splitting (`runs`), all in C, and the
lower-cased forms the measures read besides are cut from the same translations.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from ..text.folded import _word_variants as word_variants  # fold's own table
from ..text.runs import ALNUM, LETTERS, ascii_runs


class Plain(NamedTuple):
    """A printable ASCII title lower-cased, in the forms its measures read (the noise
    lexicons, the separators, the number scan and size search of its `Parsed`), where each
    lower-cased, translated and split the title on its own."""

    words: tuple[str, ...]
    """The runs of letters and digits, lower-cased: the `\\w` runs of a title without
    "_", and the words before folding of one without "-" or "'" either."""
    letters: str
    """The title lower-cased, every character but a letter a space (offsets kept)."""
    runs: list[str]
    """The letter runs: `letters.split()`."""
    digits: bool
    """Whether the title holds a digit."""


_ASCII_LETTERS = re.compile(r"[a-z]+")


def plain_words(text: str) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """`split_words(text)` and its folded words (`folded_words`) for a printable ASCII
    text without "-" or "'" (two real titles in three); None for any other text."""
    view = plain_view(text)
    return None if view is None else view[:2]


def plain_view(text: str) -> tuple[tuple[str, ...], tuple[str, ...], Plain] | None:
    """`plain_words(text)` and the title's lower-cased forms (`Plain`); None unless the
    text is printable ASCII without "-" or "'".

    Without those two no word is joined, so the words are the runs of letters and digits
    (`runs.ALNUM`, as `split_words` reads them), and the folded words are the same runs of
    the lower-cased text: the translation that gives the plain forms gives them too. The
    letter runs tell whether a spelling variant is there.
    """
    variants = word_variants()
    if variants is None or "-" in text or "'" in text or (forms := plain_forms(text)) is None:
        return None
    spaced, low, plain = forms
    return tuple(spaced.split()), _folded(low, variants, plain.runs, plain.words), plain


def plain_forms(text: str) -> tuple[str, str, Plain] | None:
    """A printable ASCII text with every character but a letter or digit a space, that
    lower-cased, and its `Plain` forms; None for any other text. Two translations: the
    letters and digits, then the letters (the two differ exactly where a digit is)."""
    if not (text.isascii() and text.isprintable()):
        return None
    spaced = text.encode("ascii").translate(ALNUM).decode("ascii")
    low = spaced.lower()
    letters = low.encode("ascii").translate(LETTERS).decode("ascii")
    return spaced, low, Plain(tuple(low.split()), letters, letters.split(), letters != low)


def _replaced(low: str, variants: dict[str, str]) -> tuple[str, ...]:
    """The words of lower-cased printable ASCII `low`, each letter run that is a spelling
    variant replaced."""
    low = _ASCII_LETTERS.sub(lambda m: variants.get(m.group(0), m.group(0)), low)
    return tuple(low.split())


def _folded(low: str, variants: dict[str, str], runs: list[str] | None = None,
            words: tuple[str, ...] | None = None) -> tuple[str, ...]:
    """`_replaced`, skipped when no letter run is a variant (most titles: one set test);
    `runs`, `words`: the letter runs and words of `low`, when the caller has them."""
    runs = ascii_runs(low, LETTERS) if runs is None else runs
    if not variants.keys().isdisjoint(runs):  # type: ignore[arg-type]
        return _replaced(low, variants)
    return tuple(low.split()) if words is None else words


def folded_words(text: str, raw: tuple[str, ...]) -> tuple[str, ...] | None:
    """`split_words(fold(text))` read off the words `raw` (`split_words(text)`) of a printable
    ASCII text; None for any other text, or when a spelling variant is not one word.

    `fold` lower-cases and replaces a whole letter run that is a variant. In printable ASCII,
    normalising only collapses blanks, lower-casing maps letter to letter, every letter run
    lies inside one word, and a variant's canonical form is letters: so the folded words are
    the words, lower-cased, with each letter run looked up. Joined by spaces, the words are
    lower-cased, cut into letter runs (`runs.ascii_runs`) and split again in C, not one by
    one in Python; most titles hold no variant at all, which one set test tells.
    """
    variants = word_variants()
    if variants is None or not (text.isascii() and text.isprintable()):
        return None
    return _folded(" ".join(raw).lower(), variants)

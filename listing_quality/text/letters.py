"""A lower-cased text as the cue scan reads it: the letters a-z, every other character a space.

The cue scan (`cues`) looks for words made of a-z, each after a character that is not one.
It used to be `[^a-z](word...)` over " " + the lower-cased text, and `re` tested that class
at every character before trying the words at each place. Over these bytes the same places
and words are ` (word...)`: with a literal space in front, `re` skips from place to place
with a plain byte search, and matches one byte a character even where the text is wider.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .trie import trie_regex

_NOT_LETTERS = bytes(code if 0x61 <= code <= 0x7A else 0x20 for code in range(256))
"""A `bytes.translate` table keeping a-z and turning every other byte into a space."""


def letters_only(low: str) -> bytes:
    """`low` as bytes of the same length, a-z kept and every other character a space.

    A character `ascii` cannot encode becomes one "?" ("replace"), and then a space, so
    offsets stay those of `low`; it was never a-z, so no place or word changes.
    """
    return low.encode("ascii", "replace").translate(_NOT_LETTERS)


def scan_text(low: str) -> bytes:
    """b" " + `letters_only(low)`, with most spaces that no letter follows made "_".

    Every space is a place where `re` enters the word trie, in vain unless a letter follows
    (a third of them: digits, punctuation, ". "). Two C-level replaces turn the first of
    two spaces, then a space before such a "_", into "_": a space before a letter is never
    touched, so the scan finds the same places and words, and enters the trie at fewer.
    """
    return (b" " + letters_only(low)).replace(b"  ", b"_ ").replace(b" _", b"__")


def scan_regex(words: Iterable[str]) -> re.Pattern[bytes]:
    """The scan for `words` (lower-case a-z each) over `scan_text(low)`: at each place, the
    longest word that starts there (`trie_regex`), in group 1."""
    return re.compile(f" ({trie_regex(words) or '(?!)'})".encode("ascii"))

"""The words of a folded text, folded word by word.

`normalize.fold` maps spelling variants to one form ("Krupuk" -> "kerupuk") with one regex
substitution over the whole text, and callers that want words then split the result. When
every canonical spelling is itself one word, which `lexicons/variants.txt` keeps to, the
words of the folded text are simply the words of the lower-cased text, each looked up in
the variant table: a dict probe per word instead of a regex over every character.
"""

from __future__ import annotations

import functools
import re

from .normalize import _variants as variant_table  # fold's own table, not a copy of it
from .normalize import fold, normalize

WORD = re.compile(r"[^\W\d_]+")  # a run of letters: what `fold` replaces whole
_ASCII_WORD = re.compile(r"[a-z]+")  # WORD on lower-case ASCII text, at a third of the cost


def folded_words(text: str, normalized: str | None = None) -> list[str]:
    """`WORD.findall(fold(text))`, read word by word when that is exact (see above).

    `normalized` is `normalize(text)` when the caller already has it (a listing's title is
    normalised once for every measure), saving the one step that reads every character.
    """
    variants = _word_variants()
    if variants is None:
        return WORD.findall(fold(text))
    lowered = (normalize(text) if normalized is None else normalized).lower()
    words = (_ASCII_WORD if lowered.isascii() else WORD).findall(lowered)
    return [variants.get(word, word) for word in words]


@functools.lru_cache(maxsize=1)
def _word_variants() -> dict[str, str] | None:
    """`fold`'s variant table when folding word by word is exact for it, else None."""
    variants, _ = variant_table()
    if all(WORD.fullmatch(canon) for canon in variants.values()):
        return variants
    return None

"""Whether a text needs no more from `normalize` than its blanks collapsed: most do.

`normalize` used to take a short way only for printable ASCII; a description has line
breaks, and often a bullet or an emoji, so it took the long way: a regex substitution
calling Python for each such character, an NFKC pass and the blank collapse. Yet for most
titles and descriptions collapsing the blanks is all that changes them. `normalize` asks
this module first, and takes the long way only when the answer is no.
"""

from __future__ import annotations

import unicodedata


def already_clean(raw: str) -> str | None:
    """`normalize(raw)` when collapsing blanks is all it does, else None (take the long way).

    Blanks are what `split()` splits on, the very characters `normalize` turns into spaces
    or keeps as blanks. When what is left prints, no character is dropped (control and
    format characters do not print); when it is NFKC already, NFKC keeps every word, as
    the blanks between words never compose with a neighbour. `raw` is cut to
    MAX_TEXT_CHARS by the caller, as `normalize` cuts it.
    """
    joined = _single_spaced(raw)  # (it prints when not None)
    if joined is None:
        joined = " ".join(raw.split())
        if not prints(joined):
            return None
    if joined.isascii() or unicodedata.is_normalized("NFKC", joined):
        return joined.replace("\u2044", "/")  # (a fraction slash NFKC kept: as `normalize`)
    return None


def _single_spaced(raw: str) -> str | None:
    """`" ".join(raw.split())`, which prints, when the only blanks of `raw` are single
    spaces and line breaks between words (a typed description), else None.

    Every blank but the space fails `isprintable`, so a text that prints once its line
    breaks are spaces, with no two spaces together and none at either end, has nothing
    else to collapse; a replace and three tests in C cost far less than listing its words.
    """
    spaced = raw.replace("\n", " ")
    if prints(spaced) and "  " not in spaced and spaced[:1] != " " != spaced[-1:]:
        return spaced
    return None


_PRINTABLE_ASCII = bytes(range(0x20, 0x7F))
"""The ASCII characters `str.isprintable` passes: the space and the visible ones."""


def prints(text: str) -> bool:
    """`text.isprintable()`. An ASCII text (most titles and descriptions) is asked in one
    C pass deleting its printable bytes, where `isprintable` looks every character up in
    the Unicode database: about a quarter of the instructions on a description."""
    if text.isascii():
        return not text.encode("ascii").translate(None, _PRINTABLE_ASCII)
    return text.isprintable()

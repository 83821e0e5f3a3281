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
    joined = " ".join(raw.split())
    if joined.isprintable() and (joined.isascii() or unicodedata.is_normalized("NFKC", joined)):
        return joined.replace("\u2044", "/")  # (a fraction slash NFKC kept: as `normalize`)
    return None

"""Remember what a short text cell reads as: catalogs repeat a few hundred spellings.

A price column holds "Rp25.000", "25rb", "Rp 25.000,-" thousands of times over, and so do
category and brand columns; what they read as follows from the cell alone. Only exact
`str` cells of up to `CACHED_CHARS` characters are remembered (a bounded cache): 25000 and
25000.0 are equal keys yet show differently, and a `str` subclass may carry more than its
text.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TypeVar

CACHED_CHARS = 64
T = TypeVar("T")


def short_texts_remembered(maxsize: int
                           ) -> Callable[[Callable[[object], T]], Callable[[object], T]]:
    """Decorate a one-cell reader so short `str` cells are read once (lru, `maxsize`)."""
    def wrap(fn: Callable[[object], T]) -> Callable[[object], T]:
        cached = functools.lru_cache(maxsize=maxsize)(fn)

        @functools.wraps(fn)
        def call(cell: object) -> T:
            if type(cell) is str and len(cell) <= CACHED_CHARS:
                return cached(cell)
            return fn(cell)
        call.cache_clear = cached.cache_clear  # type: ignore[attr-defined]  # for benchmarks
        return call
    return wrap

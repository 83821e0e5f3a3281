"""Word lists as data files: load them once, find their phrases in a text.

Lexicons live in `text/lexicons/*.txt`, one word or phrase per line, `#` for comments,
so a curator can grow them without touching code.
"""

from __future__ import annotations

import functools
import re
from importlib import resources


@functools.lru_cache(maxsize=32)
def load_words(name: str) -> tuple[str, ...]:
    """Lowercased phrases of lexicon `name`, longest first (so "best seller" beats "best")."""
    if not re.fullmatch(r"[a-z0-9_-]+", name):
        raise ValueError(f"bad lexicon name {name!r}")
    text = (resources.files("listing_quality") / "text" / "lexicons" / f"{name}.txt").read_text(
        encoding="utf-8"
    )
    words = {line.split("#", 1)[0].strip().lower() for line in text.splitlines()}
    return tuple(sorted((w for w in words if w), key=lambda w: (-len(w), w)))


@functools.lru_cache(maxsize=32)
def _pattern(name: str) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in load_words(name))
    return re.compile(rf"(?<![\w])(?:{alternatives})(?![\w])", re.IGNORECASE)


def find_phrases(text: str, name: str) -> list[str]:
    """Phrases of lexicon `name` in `text`, lowercased, in order, without repeats."""
    found: list[str] = []
    for match in _pattern(name).finditer(text):
        phrase = " ".join(match.group(0).lower().split())
        if phrase not in found:
            found.append(phrase)
    return found


def strip_phrases(text: str, name: str) -> str:
    """`text` with every phrase of lexicon `name` replaced by a space."""
    return _pattern(name).sub(" ", text)

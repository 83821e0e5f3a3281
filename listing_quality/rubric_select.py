"""Pick a built-in rubric per listing from its category, for mixed catalogs.

A city's catalog mixes keripik and batik; judging batik by food-label rules would be
wrong. `rubric="auto"` maps each listing's category text (as sellers and marketplaces
write it) to a rubric through the data file `rubrics/categories.yaml`.
"""

from __future__ import annotations

import functools
import re

import yaml

from .rubric import rubric_dir

AUTO = "auto"
FALLBACK = "umum"


@functools.lru_cache(maxsize=1)
def _table() -> tuple[tuple[str, re.Pattern[str]], ...]:
    raw = yaml.safe_load((rubric_dir() / "categories.yaml").read_text(encoding="utf-8"))
    table = []
    for rubric, words in raw["rubrics"].items():
        alternatives = "|".join(re.escape(w.lower()) for w in words)
        table.append((rubric, re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")))
    return tuple(table)


@functools.lru_cache(maxsize=4096)
def rubric_for_category(category: str) -> str:
    text = (category or "").lower()[:200]
    for rubric, pattern in _table():
        if pattern.search(text):
            return rubric
    return FALLBACK

"""Duplicate and near-duplicate titles in one catalog (a seller listing one thing five times).

Exact duplicates are grouped by a dictionary key. Near-duplicates ("Seblak Pedas Level 3
250g" / "Seblak Pedas Level 5 250g", word order swapped, a promo word added) are found
without comparing all pairs: titles are blocked by their folded product type (else their
first word), sorted inside the block by their sorted-word key, and each is compared with the
next `near_duplicate_window` titles only (sorted-neighbourhood blocking). rapidfuzz `ratio`
(Indel) on sorted words is used deliberately: token order is already removed by sorting,
and `ratio` is about ten times cheaper than `WRatio`. The pass is O(n * window).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from typing import Any

from rapidfuzz.distance import Indel

from ..text.lexicon import split_words
from ..text.normalize import fold
from .title_slots import settings


def exact_title_duplicates(facts: Sequence[Mapping[str, Any]],
                           ids: Sequence[str]) -> dict[str, list[Any]]:
    """Ids of the other listings whose title is the same, ignoring case and spacing."""
    groups: dict[str, list[int]] = defaultdict(list)
    for i, row in enumerate(facts):
        key = _exact_key(row)
        if key:
            groups[key].append(i)
    duplicates: list[Any] = [[] for _ in facts]
    for members in groups.values():
        if len(members) > 1:
            for i in members:
                duplicates[i] = [ids[j] for j in members if j != i][:10]
    return {"catalog.title_duplicates": duplicates}


def _exact_key(row: Mapping[str, Any]) -> str:
    return " ".join(str(row.get("title.text") or "").casefold().split())


def _near_key(row: Mapping[str, Any]) -> tuple[str, str]:
    """(block, comparable text): folded product type or first word; sorted clean words."""
    words = sorted(split_words(fold(str(row.get("title.clean") or row.get("title.text") or ""))))
    kind = row.get("title.type")
    block = " ".join(split_words(fold(str(kind)))) if kind else (words[0] if words else "")
    return block, " ".join(words)


def near_title_duplicates(facts: Sequence[Mapping[str, Any]],
                          ids: Sequence[str]) -> dict[str, list[Any]]:
    """Ids of other listings whose title is almost the same (not identical: that is T110)."""
    cfg = settings()
    cutoff = cfg["near_duplicate_ratio"] / 100.0
    window, most = int(cfg["near_duplicate_window"]), int(cfg["near_duplicate_max_ids"])
    blocks: dict[str, list[tuple[str, str, int]]] = defaultdict(list)
    for i, row in enumerate(facts):
        block, text = _near_key(row)
        if text:
            blocks[block].append((text, _exact_key(row), i))
    found: list[list[str]] = [[] for _ in facts]
    for members in blocks.values():
        # two sort orders (words ascending, then descending) so a title that differs only in
        # its first sorted word ("3 ... seblak" / "5 ... seblak") still meets its twin
        for order in (sorted(members), sorted(members, key=_reverse_key)):
            _compare_window(order, window, cutoff, found, ids, most)
    return {"catalog.title_near_duplicates": found}


def _reverse_key(member: tuple[str, str, int]) -> tuple[list[str], int]:
    return member[0].split()[::-1], member[2]


def _compare_window(order: list[tuple[str, str, int]], window: int, cutoff: float,
                    found: list[list[str]], ids: Sequence[str], most: int) -> None:
    """Compare each title with the next `window` titles of this sort order."""
    for a, (text_a, exact_a, i) in enumerate(order):
        for text_b, exact_b, j in order[a + 1:a + 1 + window]:
            if exact_a != exact_b and Indel.normalized_similarity(text_a, text_b) >= cutoff:
                _add(found, i, ids[j], most)
                _add(found, j, ids[i], most)


def _add(found: list[list[str]], i: int, other: str, most: int) -> None:
    if len(found[i]) < most and other not in found[i]:
        found[i].append(other)

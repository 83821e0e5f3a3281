"""Duplicate and near-duplicate titles in one catalog (a seller listing one thing five times).

Exact duplicates are grouped by a hash of the case- and space-folded title. Near-duplicates
("Seblak Pedas Level 3 250g" / "Seblak Pedas Level 5 250g", word order swapped, a promo
word added) are found without comparing all pairs: titles are blocked by their folded
product type (else their first word), sorted inside the block by their sorted-word key, and
each is compared with the next `near_duplicate_window` titles only (sorted-neighbourhood
blocking). rapidfuzz `ratio` (Indel) on sorted words is used deliberately: token order is
already removed by sorting, and `ratio` is about ten times cheaper than `WRatio`. The pass
is O(n * window).

Both passes are split in three so they also run on a cluster (see features/catalog.py):
`title_keys` per listing, a reduction per group of keys (exact hash, block) that may see
any subset holding whole groups, and `apply_titles` that reads the reduced tables back.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd
from rapidfuzz.distance import Indel

from ..text.lexicon import split_words
from ..text.normalize import fold
from .title_slots import settings

EXACT_MAX_IDS = 10


def title_keys(facts: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """Per listing: hash of the exact key (0 = no title), near-duplicate block and text."""
    exact = [_exact_key(row) for row in facts]
    near = [_near_key(row) for row in facts]
    hashed = pd.util.hash_array(np.array(exact, dtype=object)).astype(np.int64)
    hashed[np.array([not key for key in exact], dtype=bool)] = 0
    return {"exact": hashed, "block": [b for b, _ in near], "near": [t for _, t in near]}


def _exact_key(row: Mapping[str, Any]) -> str:
    return " ".join(str(row.get("title.text") or "").casefold().split())


def _near_key(row: Mapping[str, Any]) -> tuple[str, str]:
    """(block, comparable text): folded product type or first word; sorted clean words."""
    words = sorted(split_words(fold(str(row.get("title.clean") or row.get("title.text") or ""))))
    kind = row.get("title.type")
    block = " ".join(split_words(fold(str(kind)))) if kind else (words[0] if words else "")
    return block, " ".join(words)


def exact_groups(keys: pd.DataFrame) -> pd.DataFrame:
    """(row, ids): for each listing sharing its exact title, the others' ids in row order."""
    titled = keys[keys["exact"] != 0]
    shared = titled[titled.duplicated("exact", keep=False)].sort_values("row", kind="stable")
    rows, found = [], []
    for _, group in shared.groupby("exact", sort=False):
        members = list(zip(group["row"].tolist(), group["id"].tolist(), strict=True))
        for row, _ in members:
            rows.append(row)
            found.append([other for r, other in members if r != row][:EXACT_MAX_IDS])
    return pd.DataFrame({"row": pd.Series(rows, dtype=np.int64),
                         "ids": pd.Series(found, dtype=object)})


def near_groups(keys: pd.DataFrame) -> pd.DataFrame:
    """(row, ids): listings whose title is almost the same (not identical: that is T110).

    Titles that clean to the same sorted words ("MADU MURAH!!!", "jual madu murah") are
    one text: listings sharing it are near-duplicates of each other outright, and only
    the distinct texts go through the window — else a run of one text longer than the
    window would hide its neighbours.
    """
    cfg = settings()
    cutoff = cfg["near_duplicate_ratio"] / 100.0
    window, most = int(cfg["near_duplicate_window"]), int(cfg["near_duplicate_max_ids"])
    texted = keys[keys["near"] != ""].sort_values("row", kind="stable")
    found: dict[int, list[tuple[int, str]]] = {}
    for _, block in texted.groupby("block", sort=False):
        by_text: dict[str, list[tuple[int, int, str]]] = {}
        for text, row, exact, ident in zip(block["near"].tolist(), block["row"].tolist(),
                                           block["exact"].tolist(), block["id"].tolist(),
                                           strict=True):
            by_text.setdefault(text, []).append((row, exact, ident))
        for members in by_text.values():
            _pair_up(members, members, found, most)
        texts = sorted(by_text)
        # two sort orders (words ascending, then descending) so a title that differs only in
        # its first sorted word ("3 ... seblak" / "5 ... seblak") still meets its twin
        for order in (texts, sorted(texts, key=lambda t: t.split()[::-1])):
            for a, text_a in enumerate(order):
                for text_b in order[a + 1:a + 1 + window]:
                    if Indel.normalized_similarity(text_a, text_b) >= cutoff:
                        _pair_up(by_text[text_a], by_text[text_b], found, most)
    rows = sorted(r for r, others in found.items() if others)
    return pd.DataFrame({"row": pd.Series(rows, dtype=np.int64), "ids": pd.Series(
        [[ident for _, ident in sorted(found[r])] for r in rows], dtype=object)})


Member = tuple[int, int, str]  # (row, exact-title hash, listing id)


def _pair_up(group_a: list[Member], group_b: list[Member],
             found: dict[int, list[tuple[int, str]]], most: int) -> None:
    """Record each listing of one group in the other's list (exact twins excepted)."""
    _fill(group_a, _by_exact(group_b), found, most)
    if group_b is not group_a:
        _fill(group_b, _by_exact(group_a), found, most)


def _by_exact(group: list[Member]) -> list[tuple[int, list[Member]]]:
    """The group split by exact title, so a listing skips its exact twins in one step."""
    split: dict[int, list[Member]] = {}
    for member in group:
        split.setdefault(member[1], []).append(member)
    return list(split.items())


def _fill(targets: list[Member], sources: list[tuple[int, list[Member]]],
          found: dict[int, list[tuple[int, str]]], most: int) -> None:
    """Up to `most` ids per listing: a run of thousands of one text stays linear."""
    for row_t, exact_t, _ in targets:
        mine = found.setdefault(row_t, [])
        for exact_s, members in sources:
            if len(mine) >= most:
                break
            if exact_s == exact_t:
                continue
            for row_s, _, id_s in members:
                if (row_s, id_s) not in mine:
                    mine.append((row_s, id_s))
                    if len(mine) >= most:
                        break


def lookup(table: pd.DataFrame, rows: Sequence[int]) -> list[list[str]]:
    """The ids a reduced (row, ids) table holds for each of `rows`; [] where none."""
    by_row = dict(zip(table["row"].tolist(), table["ids"].tolist(), strict=True))
    return [list(by_row.get(row, ())) for row in rows]


def exact_title_duplicates(facts: Sequence[Mapping[str, Any]],
                           ids: Sequence[str]) -> dict[str, list[Any]]:
    """Ids of the other listings whose title is the same, ignoring case and spacing."""
    keys = _frame(facts, ids)
    return {"catalog.title_duplicates": lookup(exact_groups(keys), keys["row"].tolist())}


def near_title_duplicates(facts: Sequence[Mapping[str, Any]],
                          ids: Sequence[str]) -> dict[str, list[Any]]:
    """Ids of other listings whose title is almost the same (not identical: that is T110)."""
    keys = _frame(facts, ids)
    return {"catalog.title_near_duplicates": lookup(near_groups(keys), keys["row"].tolist())}


def _frame(facts: Sequence[Mapping[str, Any]], ids: Sequence[str]) -> pd.DataFrame:
    return pd.DataFrame({"row": np.arange(len(facts), dtype=np.int64),
                         "id": pd.Series(list(ids), dtype=object), **title_keys(facts)})

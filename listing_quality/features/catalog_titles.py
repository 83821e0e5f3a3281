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

from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd
from rapidfuzz import process
from rapidfuzz.distance import Indel

from ..text.lexicon import split_words
from ..text.normalize import fold
from .column_take import taker
from .title_slots import settings

EXACT_MAX_IDS = 10


def title_keys(facts: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """Per listing: hash of the exact key (0 = no title), near-duplicate block and text."""
    exact = [_exact_key(row) for row in facts]
    blocks: dict[str, str] = {}  # a few hundred product types name most of a chunk's blocks
    near = [_near_key(row, blocks) for row in facts]
    hashed = pd.util.hash_array(np.array(exact, dtype=object)).astype(np.int64)
    hashed[np.array([not key for key in exact], dtype=bool)] = 0
    return {"exact": hashed, "block": [b for b, _ in near], "near": [t for _, t in near]}


def _exact_key(row: Mapping[str, Any]) -> str:
    return " ".join(str(row.get("title.text") or "").casefold().split())


def _near_key(row: Mapping[str, Any], blocks: dict[str, str] | None = None
              ) -> tuple[str, str]:
    """(block, comparable text): folded product type or first word; sorted clean words.
    `blocks` remembers each product type's folded block across calls."""
    words = sorted(split_words(fold(str(row.get("title.clean") or row.get("title.text") or ""))))
    kind = row.get("title.type")
    if not kind:
        return (words[0] if words else ""), " ".join(words)
    kind = str(kind)
    block = blocks.get(kind) if blocks is not None else None
    if block is None:
        block = " ".join(split_words(fold(kind)))
        if blocks is not None:
            blocks[kind] = block
    return block, " ".join(words)


def exact_groups(keys: pd.DataFrame) -> pd.DataFrame:
    """(row, ids): for each listing sharing its exact title, the others' ids in row order.

    Groups come in order of their first listing, members in row order. Worked on arrays
    and plain lists rather than one pandas group at a time: at a million listings almost
    half share a title with another, and a sub-frame per group cost seconds and memory.
    """
    exact = keys["exact"].to_numpy()
    titled = np.flatnonzero(exact != 0)
    shared = titled[pd.Series(exact[titled]).duplicated(keep=False).to_numpy()]
    shared = shared[np.argsort(keys["row"].to_numpy()[shared], kind="stable")]
    codes, _ = pd.factorize(exact[shared])  # numbered in order of first appearance
    shared = shared[np.argsort(codes, kind="stable")]
    rows = keys["row"].to_numpy()[shared]
    ids = taker(keys["id"])(shared)
    bounds = np.flatnonzero(np.diff(np.sort(codes, kind="stable"))) + 1
    found = []
    for start, stop in zip([0, *bounds.tolist()], [*bounds.tolist(), len(ids)], strict=True):
        members = ids[start:stop]
        for k in range(len(members)):
            head = members[:min(k, EXACT_MAX_IDS)]
            found.append(head + members[k + 1:k + 1 + EXACT_MAX_IDS - len(head)])
    return pd.DataFrame({"row": pd.Series(rows, dtype=np.int64),
                         "ids": pd.Series(found, dtype=object)})


def near_groups(keys: pd.DataFrame) -> pd.DataFrame:
    """(row, ids): listings whose title is almost the same (not identical: that is T110).

    Titles that clean to the same sorted words ("MADU MURAH!!!", "jual madu murah") are
    one text: listings sharing it are near-duplicates of each other outright, and only
    the distinct texts go through the window — else a run of one text longer than the
    window would hide its neighbours. One block is held as Python objects at a time (its
    texts, positions, hashes), so a million keys never become a million Python strings.
    """
    cfg = settings()
    cutoff = cfg["near_duplicate_ratio"] / 100.0
    window, most = int(cfg["near_duplicate_window"]), int(cfg["near_duplicate_max_ids"])
    listed: list[tuple[int, list[str]]] = []
    ids = taker(keys["id"])
    for by_text, exact, row_of in _blocks(keys):
        found: dict[int, list[int]] = {}
        for members in by_text.values():
            if len(members) > 1:  # a text of one listing has no one to pair with
                _pair_up(members, members, exact, found, most)
        texts = sorted(by_text)
        # two sort orders (words ascending, then descending) so a title that differs only in
        # its first sorted word ("3 ... seblak" / "5 ... seblak") still meets its twin
        for order in (texts, sorted(texts, key=lambda t: t.split()[::-1])):
            for i, j in window_matches(order, window, cutoff):
                _pair_up(by_text[order[i]], by_text[order[j]], exact, found, most)
        listed.extend(_listed(ids, found, row_of))
    listed.sort(key=lambda item: item[0])
    return pd.DataFrame({"row": pd.Series([r for r, _ in listed], dtype=np.int64),
                         "ids": pd.Series([ids for _, ids in listed], dtype=object)})


def window_matches(order: Sequence[str], window: int, cutoff: float) -> list[tuple[int, int]]:
    """(i, j) for each text and each of the next `window` texts similar enough to it, in
    the order of the plain nested loop (by i, then j).

    Scored by rapidfuzz in C, one call per distance between the two texts (`cpdist` of
    the list against itself shifted), instead of one Python call per pair: a million
    listings make ten million pairs. float64 scores, so `>= cutoff` decides exactly as a
    single `Indel.normalized_similarity` call does.
    """
    span = min(window, len(order) - 1)
    if span < 1:
        return []
    hit = np.zeros((len(order), span), dtype=bool)
    for k in range(1, span + 1):
        scores = process.cpdist(order[:-k], order[k:], scorer=Indel.normalized_similarity,
                                dtype=np.float64)
        hit[:len(order) - k, k - 1] = scores >= cutoff
    first, shift = np.nonzero(hit)
    return list(zip(first.tolist(), (first + shift + 1).tolist(), strict=True))


def _blocks(keys: pd.DataFrame) -> Iterator[tuple[dict[str, list[int]], dict[int, int],
                                                   dict[int, int]]]:
    """Per block: sorted-words text -> positions of its listings in catalog order, and each
    position's exact-title hash and row. Grouped by sorting codes, not by Python dicts."""
    near, rows = keys["near"], keys["row"].to_numpy()
    blocks, _ = pd.factorize(keys["block"], use_na_sentinel=False)
    codes, uniques = pd.factorize(near)
    texts = taker(uniques)
    titled = np.flatnonzero((near.notna() & (near != "")).to_numpy(dtype=bool))
    titled = titled[np.lexsort((rows[titled], codes[titled], blocks[titled]))]
    exact = keys["exact"].to_numpy()
    for block in np.split(titled, np.flatnonzero(np.diff(blocks[titled])) + 1):
        if not len(block):
            continue
        cuts = (np.flatnonzero(np.diff(codes[block])) + 1).tolist()
        starts, positions = [0, *cuts], block.tolist()
        names = texts(codes[block][starts])
        yield ({name: positions[a:b] for name, a, b in
                zip(names, starts, [*cuts, len(positions)], strict=True)},
               dict(zip(positions, exact[block].tolist(), strict=True)),
               dict(zip(positions, rows[block].tolist(), strict=True)))


def _listed(ids: Callable[[np.ndarray], list[Any]], found: dict[int, list[int]],
            row_of: dict[int, int]) -> list[tuple[int, list[str]]]:
    """(row, the others' ids in row order) of each listing of one block that has any."""
    hits = {p: sorted(others, key=row_of.__getitem__) for p, others in found.items() if others}
    need = sorted({o for others in hits.values() for o in others})
    id_of = dict(zip(need, ids(np.array(need, dtype=np.intp)), strict=True))
    return [(row_of[p], [id_of[o] for o in others]) for p, others in hits.items()]


def _pair_up(group_a: list[int], group_b: list[int], exact: Mapping[int, int],
             found: dict[int, list[int]], most: int) -> None:
    """Record each listing of one group in the other's list (exact twins excepted)."""
    if len(group_a) == 1 == len(group_b) and group_a is not group_b:
        _pair_two(group_a[0], group_b[0], exact[group_a[0]] == exact[group_b[0]], found, most)
        return
    _fill(group_a, _by_exact(group_b, exact), exact, found, most)
    if group_b is not group_a:
        _fill(group_b, _by_exact(group_a, exact), exact, found, most)


def _pair_two(a: int, b: int, twins: bool, found: dict[int, list[int]], most: int) -> None:
    """`_pair_up` of two texts of one listing each, most pairs the window finds: what
    `_fill` does for them, without splitting one-listing groups by exact title."""
    for target, other in ((a, b), (b, a)):
        mine = found.setdefault(target, [])
        if not twins and len(mine) < most and other not in mine:
            mine.append(other)


def _by_exact(group: list[int], exact: Mapping[int, int]) -> list[tuple[int, list[int]]]:
    """The group split by exact title, so a listing skips its exact twins in one step."""
    split: dict[int, list[int]] = {}
    for p in group:
        split.setdefault(exact[p], []).append(p)
    return list(split.items())


def _fill(targets: list[int], sources: list[tuple[int, list[int]]], exact: Mapping[int, int],
          found: dict[int, list[int]], most: int) -> None:
    """Up to `most` others per listing: a run of thousands of one text stays linear."""
    for target in targets:
        mine = found.setdefault(target, [])
        for exact_s, members in sources:
            if len(mine) >= most:
                break
            if exact_s == exact[target]:
                continue
            for other in members:
                if other not in mine:
                    mine.append(other)
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

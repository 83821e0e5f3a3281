"""The same photo used by several listings of a catalog, found by hash buckets.

Sellers copy one photo to every variant listing, or lift a supplier's photo that other
shops use too; buyers (and the marketplace's duplicate filter) read that as one product
listed many times. Comparing every photo with every other is quadratic, so each 64-bit
dHash is cut into `hash_bands` bands: two hashes that differ in `duplicate_bits` bits or
fewer leave at least `hash_bands - duplicate_bits` bands untouched (pigeonhole). Bucketing
by one band was not selective (an 8-bit band of a plain backdrop is "00" in half the
catalog: 400 sample photos took 6 s); bucketing by every *pair* of bands is, and is still
exact as long as two bands are guaranteed to agree. Each candidate pair is checked once
(`photo_hash.same_photo`: both hash scales and the colour grid), signatures parsed once.

Split in three so a cluster runs it too (features/catalog.py): `photo_keys` per listing,
`photo_buckets` per partition (one row per photo and band pair), `photo_pairs` per bucket
(valid on any subset holding whole buckets) and `apply_photos`, which reads the pairs back.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from itertools import combinations
from typing import Any

import numpy as np
import pandas as pd

from ..fact_columns import Facts, fact_columns
from .photo_decode import settings
from .photo_hash import same_photo

MAX_IDS = 5  # a finding names at most this many other listings


def photo_keys(facts: Sequence[Mapping[str, Any]]) -> dict[str, list[Any]]:
    """Per listing: the signature of each photo (None where a photo has none)."""
    return {"photo_sigs": [_signatures(row) for row in facts]}


def _signatures(listing: Mapping[str, Any]) -> list[str | None] | None:
    records = listing.get("photos.signature") or []
    if not isinstance(records, (list, tuple)) or not records:
        return None
    sigs = [r.get("value") if isinstance(r, Mapping) else None for r in records]
    return [s if isinstance(s, str) and ":" in s else None for s in sigs]


def photo_buckets(keys: pd.DataFrame) -> pd.DataFrame:
    """One row per (photo, pair of hash bands): photos sharing a bucket are candidates."""
    cfg = settings()
    bands = int(cfg["hash_bands"])
    pairs = list(combinations(range(bands), 2)) if bands - cfg["duplicate_bits"] >= 2 \
        else [(band, band) for band in range(bands)]
    out: dict[str, list[Any]] = {"bucket": [], "row": [], "id": [], "index": [], "sig": []}
    for row, ident, sigs in zip(keys["row"].tolist(), keys["id"].tolist(),
                                keys["photo_sigs"].tolist(), strict=True):
        for index, sig in enumerate(sigs or ()):
            if sig is None:
                continue
            bits = sig.split(":", 1)[0]
            width = max(1, len(bits) // bands)
            cuts = [bits[band * width:(band + 1) * width] for band in range(bands)]
            for i, j in pairs:
                for name, value in zip(out, (f"{i}{j}:{cuts[i]}:{cuts[j]}", row, ident,
                                             index, sig), strict=True):
                    out[name].append(value)
    return pd.DataFrame({**out, "row": pd.Series(out["row"], dtype=np.int64),
                         "index": pd.Series(out["index"], dtype=np.int64)})


def photo_pairs(buckets: pd.DataFrame) -> pd.DataFrame:
    """(row, index, other_row, other_id) for photos of different listings that match.

    Buckets are cut from the signature alone, so two photos with one signature share every
    bucket, and whether two photos are candidates depends on their signatures only. The
    pass therefore pairs distinct signatures that share a bucket, judges each such pair
    once, and only then lists the photos behind a matching pair: a photo copied into a
    hundred listings costs one verdict, not five thousand candidate pairs.
    """
    cfg = settings()
    sig_pairs, members = _candidate_signatures(buckets)
    hashes: dict[str, tuple[int, int] | None] = {}
    blocks = [np.empty((0, 3), dtype=np.int64)]
    for key in sig_pairs:
        if key[0] == key[1] and len({m[0] for m in members[key[0]]}) < 2:
            continue  # one listing's own copies: no pair across listings to judge
        if _match(key, hashes, cfg):
            blocks.append(_pair_block(members[key[0]], members[key[1]]))
    found = _sorted_unique(np.vstack(blocks))
    id_of = {m[0]: m[2] for group in members.values() for m in group}
    return pd.DataFrame({"row": found[:, 0], "index": found[:, 1], "other_row": found[:, 2],
                         "other_id": pd.Series([id_of[r] for r in found[:, 2].tolist()],
                                               dtype=object)})


def _sorted_unique(pairs: np.ndarray) -> np.ndarray:
    """Rows of `pairs` once each, sorted by row, index, other row (`np.unique(axis=0)`,
    which sorts a structured view, took several times longer)."""
    pairs = pairs[np.lexsort((pairs[:, 2], pairs[:, 1], pairs[:, 0]))]
    fresh = np.ones(len(pairs), dtype=bool)
    fresh[1:] = (pairs[1:] != pairs[:-1]).any(axis=1)
    return pairs[fresh]


def _pair_block(group_a: list[Member], group_b: list[Member]) -> np.ndarray:
    """(row, index, other_row) both ways: each photo of one group with the first
    `MAX_IDS` other listings, in row order, holding a photo of the other group (copies
    within one listing are D-rule business).

    A finding names at most `MAX_IDS` listings, the first in row order, and those are
    the first of every matching group's own first few; so the table stays linear in
    photos. Every pair instead would make a stock photo copied into 5,000 listings 25
    million rows (and the sample photo benchmark, which reuses each file ~125 times,
    spent its catalog pass on 375,000 of them).
    """
    return np.vstack([_firsts(group_a, group_b), _firsts(group_b, group_a)])


def _firsts(photos: list[Member], others: list[Member]) -> np.ndarray:
    """Each photo with the first `MAX_IDS` listings of `others` other than its own."""
    mine = np.array([m[:2] for m in photos], dtype=np.int64).reshape(-1, 2)
    # of the first MAX_IDS + 1 listings at most one is the photo's own
    rows = np.array(sorted({m[0] for m in others})[:MAX_IDS + 1], dtype=np.int64)
    left, right = np.repeat(mine, len(rows), axis=0), np.tile(rows, len(mine))
    keep = left[:, 0] != right
    keep &= np.cumsum(keep.reshape(len(mine), len(rows)), axis=1).ravel() <= MAX_IDS
    return np.column_stack([left[keep], right[keep]])


Member = tuple[int, int, str, str]  # (row, photo index, listing id, signature)


def _candidate_signatures(buckets: pd.DataFrame
                          ) -> tuple[set[tuple[str, str]], dict[str, list[Member]]]:
    """Pairs of signatures (a <= b; a signature with itself too) sharing a bucket, and the
    photos holding each signature, each photo once."""
    by_bucket: dict[str, set[str]] = defaultdict(set)
    members: dict[str, dict[Member, None]] = defaultdict(dict)
    for bucket, *member in zip(buckets["bucket"].tolist(), buckets["row"].tolist(),
                               buckets["index"].tolist(), buckets["id"].tolist(),
                               buckets["sig"].tolist(), strict=True):
        by_bucket[bucket].add(member[3])
        members[member[3]][tuple(member)] = None  # type: ignore[index]
    pairs: set[tuple[str, str]] = set()
    for sigs in by_bucket.values():
        ordered = sorted(sigs)
        for k, a in enumerate(ordered):
            pairs.update((a, b) for b in ordered[k:])
    return pairs, {sig: list(found) for sig, found in members.items()}


def _match(sigs: tuple[str, str], hashes: dict[str, tuple[int, int] | None],
           cfg: Mapping[str, Any]) -> bool:
    for sig in sigs:
        if sig not in hashes:
            hashes[sig] = _hash_ints(sig)
    return _hashes_close(hashes[sigs[0]], hashes[sigs[1]], cfg) and \
        same_photo(sigs[0], sigs[1], cfg)


def apply_photos(pairs: pd.DataFrame, facts: Facts, rows: Sequence[int]
                 ) -> dict[str, list[Any]]:
    """`catalog.photo_reuse`: per photo, the other listings that show the same photo."""
    matches: dict[tuple[int, int], dict[int, str]] = defaultdict(dict)
    for row, index, other_row, other_id in zip(*(pairs[c].tolist() for c in (
            "row", "index", "other_row", "other_id")), strict=True):
        matches[(row, index)][other_row] = other_id
    out: list[Any] = []
    signatures = fact_columns(facts, ["photos.signature"])["photos.signature"]
    for row, found in zip(rows, signatures, strict=True):
        records = found or []
        column = []
        for index, record in enumerate(records):
            others = matches.get((row, index), {})
            value = [others[o] for o in sorted(others)][:MAX_IDS] or None
            column.append({"file": _file(record), "value": value})
        out.append(column)
    return {"catalog.photo_reuse": out}


def photo_reuse(facts: Sequence[Mapping[str, Any]], ids: Sequence[str]) -> dict[str, list[Any]]:
    """`catalog.photo_reuse` for one in-memory catalog (keys, buckets, pairs, apply)."""
    rows = list(range(len(facts)))
    keys = pd.DataFrame({"row": pd.Series(rows, dtype=np.int64),
                         "id": pd.Series(list(ids), dtype=object), **photo_keys(facts)})
    return apply_photos(photo_pairs(photo_buckets(keys)), facts, rows)


def _hash_ints(sig: str) -> tuple[int, int] | None:
    """Both hashes of a signature as integers, parsed once per photo."""
    try:
        coarse, fine = sig.split(":")[:2]
        return int(coarse, 16), int(fine, 16)
    except ValueError:
        return None


def _hashes_close(a: tuple[int, int] | None, b: tuple[int, int] | None,
                  cfg: Mapping[str, Any]) -> bool:
    """The cheap pre-check: Hamming distances by XOR popcount, before the full comparison."""
    if a is None or b is None:
        return False
    return (bin(a[0] ^ b[0]).count("1") <= cfg["duplicate_bits"]
            and bin(a[1] ^ b[1]).count("1") <= cfg["duplicate_fine_bits"])


def _file(record: Any) -> str:
    return str(record.get("file") or "—") if isinstance(record, Mapping) else "—"

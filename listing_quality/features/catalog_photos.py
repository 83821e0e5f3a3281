"""The same photo used by several listings of a catalog, found by hash buckets.

Sellers copy one photo to every variant listing, or lift a supplier's photo that other
shops use too; buyers (and the marketplace's duplicate filter) read that as one product
listed many times. Comparing every photo with every other is quadratic, so each 64-bit
dHash is cut into `hash_bands` bands: two hashes that differ in fewer bits than there are
bands must agree exactly on at least one band (pigeonhole), so only photos sharing a band
are compared. The check itself (`photo_hash.same_photo`) also compares mean colours.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from typing import Any

from .photo_decode import settings
from .photo_hash import same_photo

MAX_IDS = 5  # a finding names at most this many other listings


def photo_reuse(facts: Sequence[Mapping[str, Any]], ids: Sequence[str]) -> dict[str, list[Any]]:
    """`catalog.photo_reuse`: per photo, the other listings that show the same photo."""
    cfg = settings()
    photos = _photos(facts)
    buckets = _buckets(photos, cfg["hash_bands"])
    matches: dict[tuple[int, int], set[int]] = defaultdict(set)
    for members in buckets.values():
        _match_bucket(members, photos, matches, cfg)
    out: list[Any] = []
    for row, record_list in enumerate(facts):
        records = record_list.get("photos.signature") or []
        column = []
        for index, record in enumerate(records):
            others = sorted(matches.get((row, index), ()))
            value = [ids[o] for o in others][:MAX_IDS] or None
            column.append({"file": _file(record), "value": value})
        out.append(column)
    return {"catalog.photo_reuse": out}


def _photos(facts: Sequence[Mapping[str, Any]]) -> list[tuple[int, int, str]]:
    """(listing row, photo index, signature) for every measured photo."""
    found = []
    for row, listing in enumerate(facts):
        for index, record in enumerate(listing.get("photos.signature") or []):
            sig = record.get("value") if isinstance(record, Mapping) else None
            if isinstance(sig, str) and ":" in sig:
                found.append((row, index, sig))
    return found


def _buckets(photos: Sequence[tuple[int, int, str]], bands: int) -> dict[tuple, list[int]]:
    """Band key -> positions in `photos` whose hash has exactly that band."""
    buckets: dict[tuple, list[int]] = defaultdict(list)
    for position, (_, _, sig) in enumerate(photos):
        bits = sig.split(":", 1)[0]
        width = max(1, len(bits) // bands)
        for band in range(bands):
            buckets[(band, bits[band * width:(band + 1) * width])].append(position)
    return buckets


def _match_bucket(members: Sequence[int], photos: Sequence[tuple[int, int, str]],
                  matches: dict[tuple[int, int], set[int]], cfg: Mapping[str, Any]) -> None:
    """Compare the photos of one bucket that belong to different listings."""
    if len(members) < 2:
        return
    for i, a in enumerate(members):
        row_a, index_a, sig_a = photos[a]
        for b in members[i + 1:]:
            row_b, index_b, sig_b = photos[b]
            if row_a == row_b or row_b in matches[(row_a, index_a)]:
                continue
            if same_photo(sig_a, sig_b, cfg):
                matches[(row_a, index_a)].add(row_b)
                matches[(row_b, index_b)].add(row_a)


def _file(record: Any) -> str:
    return str(record.get("file") or "—") if isinstance(record, Mapping) else "—"

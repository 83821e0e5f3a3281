"""One listing's peer comparison, as the `peers` kind reads it.

Kept apart from the peer tables (catalog_prices.py) because records are the per-listing
side of the pass: tables are per group, records are what one listing sees of its group.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

_GROUP_FIELDS = {"type": 0, "size": 1, "basis": 2, "median": 3, "low": 4, "high": 5, "n": 6}


class PeerRecord(Mapping):
    """One listing's peer comparison, read by the `peers` kind as a plain mapping.

    Why not a dict: a catalog of a million listings needs two records each, and dicts
    made that 1.2 GB. Here a record holds its own value, z and net size, and shares one
    tuple of group figures (type, size class, basis, median, 80% range, n) with its peers.
    """

    __slots__ = ("group", "net", "value", "z")
    KEYS = ("value", "z", "net", "type", "size", "basis", "median", "low", "high", "n")

    def __init__(self, value: float, z: float, net: float | None, group: tuple) -> None:
        self.value, self.z, self.net, self.group = value, z, net, group

    def __getitem__(self, key: str) -> Any:
        if key in ("value", "z", "net"):
            return getattr(self, key)
        return self.group[_GROUP_FIELDS[key]]

    def __iter__(self) -> Iterator[str]:
        return iter(self.KEYS)

    def __len__(self) -> int:
        return len(self.KEYS)

    def __repr__(self) -> str:
        return f"PeerRecord({dict(self)!r})"

"""Peer prices for a catalog held as columns, judged without a record per listing.

`features.catalog_prices.peer_prices` reads one fact dict per listing and writes one
`PeerRecord` per listing, which is right for a catalog scored listing by listing. A
million listings held as columns (arrays of prices, lists of types) need neither: here
the same group tables are built from the columns and each peer feature stays a
`PeerColumns` — per-listing arrays the `peers` kind judges in numpy
(`peer_arrays`), while indexing it still gives the very record `peer_prices` would.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

from .fact_columns import FactTable
from .features.catalog_peer_record import PeerRecord
from .features.catalog_prices import (
    NUMERIC,
    PRICE_GROUP,
    SINGLE_GROUP,
    UNIT_GROUP,
    _codes,
    _fold,
    _numbers,
    _positions,
    keys_from,
    price_groups,
    single_groups,
    unit_groups,
)

_RECORD_TYPES = {PeerRecord, type(None)}
LABELS = ("category", "type", "brand", "size")


class PeerColumns(Sequence):
    """`catalog.price_peers` (or the unit-price one) of n listings, as arrays."""

    def __init__(self, value: np.ndarray, z: np.ndarray, net: np.ndarray, at: np.ndarray,
                 groups: list[tuple]) -> None:
        self.value, self.z, self.net, self.at, self.groups = value, z, net, at, groups

    def __len__(self) -> int:
        return len(self.value)

    def __getitem__(self, i: Any) -> Any:
        if isinstance(i, slice):
            return self.take(np.arange(len(self))[i])
        value, g = float(self.value[i]), int(self.at[i])
        if value != value or g < 0:
            return None
        net = float(self.net[i])
        return PeerRecord(value, float(self.z[i]), None if net != net else net, self.groups[g])

    def take(self, rows: np.ndarray) -> PeerColumns:
        return PeerColumns(self.value[rows], self.z[rows], self.net[rows], self.at[rows],
                           self.groups)

    def rows_of_types(self, rows: list[int], wanted: Callable[[Any], bool]) -> list[int]:
        """The rows among `rows` whose group's product type is `wanted` (asked once per
        group, not per row); a row without a record is never wanted."""
        ok = np.array([wanted(group[0]) for group in self.groups] + [False], dtype=bool)
        keep = ok[self.at[np.asarray(rows, dtype=np.intp)]].tolist()  # at -1: the False
        return [row for row, kept in zip(rows, keep, strict=True) if kept]

    def peer_arrays(self) -> tuple[np.ndarray, ...]:
        """(value, z, low, high, n) per listing; value NaN where there is no record."""
        figures = np.array([g[4:7] for g in self.groups], dtype=float).reshape(-1, 3)
        known = self.at >= 0
        rows = np.full((len(self), 3), np.nan)
        rows[known] = figures[self.at[known]]
        value = np.where(known, self.value, np.nan)
        return value, self.z, rows[:, 0], rows[:, 1], rows[:, 2]


def as_peer_columns(records: Sequence[Any]) -> Sequence[Any]:
    """A column of `PeerRecord`s (or None) as `PeerColumns`; any other column as it is.

    Why: the `peers` kind reads a record through the mapping protocol, five lookups per
    listing and rule; the records' own fields, read once per column, cost a fraction.
    """
    if isinstance(records, PeerColumns) or not set(map(type, records)) <= _RECORD_TYPES:
        return records
    index: dict[int, int] = {}
    groups: list[tuple] = []
    at, value, z, net = [], [], [], []
    for record in records:
        if record is None:
            at.append(-1)
            value.append(math.nan), z.append(math.nan), net.append(math.nan)
            continue
        if not (type(record.value) is float and type(record.z) is float
                and (record.net is None or type(record.net) is float)):
            return records  # an unusual record: the kind reads the records themselves
        key = id(record.group)
        if key not in index:
            index[key] = len(groups)
            groups.append(record.group)
        at.append(index[key])
        value.append(record.value), z.append(record.z)
        net.append(math.nan if record.net is None else record.net)
    return PeerColumns(np.array(value, dtype=float), np.array(z, dtype=float),
                       np.array(net, dtype=float), np.array(at, dtype=np.int64), groups)


def price_keys_of(columns: Mapping[str, Sequence[Any]] | FactTable, n: int) -> dict[str, Any]:
    """`catalog_prices.price_keys`, reading columns instead of one dict per listing."""
    missing = [None] * n
    num = {name: _numbers(_listed(columns.get(name, missing))) for name in NUMERIC}
    return keys_from(num, *_texts(columns, n))


def _listed(values: Sequence[Any]) -> Any:
    return values if isinstance(values, np.ndarray) else list(values)


def _texts(columns: Mapping[str, Sequence[Any]] | FactTable, n: int
           ) -> tuple[list[str], list[str], list[str]]:
    """Category, type and brand per listing, as `catalog_prices._texts` reads them."""
    missing = [None] * n
    slots = columns.get("title.slots", missing)
    kinds, brands = columns.get("price.type", missing), columns.get("price.brand", missing)
    categories = _strings(columns.get("price.category", missing))
    if not any(isinstance(slot, dict) for slot in slots):  # no title slots: one pass each
        return categories, _strings(kinds), _strings(brands)
    types, named = [], []
    for slot, kind, brand in zip(slots, kinds, brands, strict=True):
        jenis, merek = (slot.get("jenis"), slot.get("merek")) if isinstance(slot, dict) \
            else (None, None)
        types.append(_fold(jenis) if jenis else str(kind or ""))
        named.append(str(brand or "") or (_fold(merek) if merek else ""))
    return categories, types, named


def _strings(values: Sequence[Any]) -> list[str]:
    """`str(v or "")` per value; a column of strings already is that."""
    if set(map(type, values)) == {str}:
        return list(values)
    return [str(v or "") for v in values]


def peer_columns(columns: Mapping[str, Sequence[Any]], n: int) -> dict[str, Any]:
    """The three catalog price features of `peer_prices`, from columns, as columns."""
    raw = price_keys_of(columns, n)
    # Group labels as integer codes: grouping codes makes the very groups grouping the
    # labels makes, without a million strings in the frame; labels return in `_peers`.
    labels = {}
    for name in LABELS:
        raw[name], labels[name] = pd.factorize(pd.Series(raw[name], dtype=object))
    keys = pd.DataFrame(raw)
    by_type = _codes(raw["category"], raw["type"])
    codes = {UNIT_GROUP: by_type, PRICE_GROUP: _codes(by_type, raw["size"]),
             SINGLE_GROUP: _codes(by_type, raw["brand"], raw["has_g"])}
    return {
        "catalog.price_peers": _peers(price_groups(keys), keys, codes, labels, PRICE_GROUP,
                                      "pack_price", "price"),
        "catalog.unit_price_peers": _peers(unit_groups(keys), keys, codes, labels,
                                           UNIT_GROUP, "unit", "per_100g"),
        "catalog.multipack_ratio": _multipack_ratio(single_groups(keys), keys, codes),
    }


def _groups_at(table: pd.DataFrame, keys: pd.DataFrame, by: tuple[str, ...],
               codes: Mapping[tuple[str, ...], np.ndarray]) -> np.ndarray:
    """`catalog_prices._positions`, looking up each distinct group once, not each row.

    `codes[by]` numbers the groups 0..k-1 (`_codes`); rows of one code share one group.
    """
    code = codes[by]
    first = np.unique(code, return_index=True)[1]  # a row of each group, in code order
    return _positions(table, keys.iloc[first], by)[code] if len(first) else code


def _multipack_ratio(table: pd.DataFrame, keys: pd.DataFrame,
                     codes: Mapping[tuple[str, ...], np.ndarray]) -> np.ndarray:
    """`catalog_prices._multipack` as a float column (NaN where it gives None), rounded
    by Python's `round` like it, for the few multipacks only."""
    at = _groups_at(table, keys, SINGLE_GROUP, codes)
    median = np.full(len(keys), np.nan)
    median[at >= 0] = table["single_median"].to_numpy(float)[at[at >= 0]]
    ratio = keys["per_unit"].to_numpy(float) / median
    keep = keys["multi"].to_numpy(bool) & np.isfinite(ratio)
    out = np.full(len(keys), np.nan)
    out[keep] = [round(r, 3) for r in ratio[keep].tolist()]
    return out


def _peers(table: pd.DataFrame, keys: pd.DataFrame,
           codes: Mapping[tuple[str, ...], np.ndarray], labels: Mapping[str, pd.Index],
           by: tuple[str, ...], value: str, basis: str) -> PeerColumns:
    """`catalog_prices._peer_records`, keeping arrays where it builds records."""
    at = _groups_at(table, keys, by, codes)
    known = at >= 0
    stats = {c: np.full(len(keys), np.nan) for c in ("median_log", "scale")}
    for column in stats:
        stats[column][known] = table[column].to_numpy(float)[at[known]]
    values = keys[value].to_numpy(float)
    z = (np.log(values) - stats["median_log"]) / stats["scale"]
    sizes = (labels["size"].take(table["size"].to_numpy()).tolist() if "size" in table
             else [""] * len(table))
    kinds = labels["type"].take(table["type"].to_numpy()).tolist()
    groups = [(kind, size, basis, float(np.exp(m)), float(lo), float(hi), int(count))
              for kind, size, m, lo, hi, count in zip(
                  kinds, sizes, table["median_log"].tolist(),
                  table["low"].tolist(), table["high"].tolist(), table["n"].tolist(),
                  strict=True)]
    return PeerColumns(values, z, keys["net"].to_numpy(float), at, groups)

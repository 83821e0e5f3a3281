"""Peer prices, computed once per catalog: how a price compares with listings like it.

A price is only "too high" against something. Here the something is the listings of the
same category and product type in the same catalog: for each group we take the median and
the MAD of the log price (and of the log price per 100 g), so one absurd listing cannot
drag the yardstick the way a mean would, and a listing's robust z-score says how many
"typical spreads" it sits from the middle. Logs, because prices are multiplicative:
Rp30.000 against Rp15.000 is as far as Rp300.000 against Rp150.000.

Everything is vectorised (pandas groupby on integer group codes), so the pass is
near-linear in catalog size. Judging (how many spreads is "far", what to do with small
groups) belongs to the rubric: the record per listing carries the group size `n` and the
`peers` kind decides.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator, Mapping, Sequence
from itertools import pairwise
from typing import Any

import numpy as np
import pandas as pd

from .price import config

MAD_TO_SIGMA = 1.4826  # MAD * 1.4826 estimates the standard deviation of normal data
_GROUP_FIELDS = {"type": 0, "size": 1, "basis": 2, "median": 3, "low": 4, "high": 5, "n": 6}
NUMERIC = ("price.value", "price.per_100g", "packaging.net_g", "packaging.net_ml",
           "packaging.pack_count")


def _numbers(values: list[Any]) -> np.ndarray:
    """Floats, NaN where a value is missing, not a number, or not above zero."""
    try:
        array = np.array(values, dtype=float)
    except (TypeError, ValueError):  # a stray string or object: coerce item by item
        coerced = pd.to_numeric(pd.Series(values, dtype=object), errors="coerce")
        array = np.array(coerced, dtype=float)  # a writable copy
    array[~(array > 0) | ~np.isfinite(array)] = np.nan
    return array


def _texts(facts: Sequence[Mapping[str, Any]]) -> tuple[list[str], list[str], list[str]]:
    """Category, product type and brand per listing, case-folded.

    Type: the title engineer's `title.slots["jenis"]` when present, else our own key
    (`price.type`, already folded). Brand: the seller's brand field (`price.brand`, already
    folded), else the brand the title names (`title.slots["merek"]`).
    """
    categories, types, brands = [], [], []
    for row in facts:
        slots = row.get("title.slots")
        jenis, merek = (slots.get("jenis"), slots.get("merek")) if isinstance(slots, dict) \
            else (None, None)
        categories.append(str(row.get("price.category") or ""))
        types.append(_fold(jenis) if jenis else str(row.get("price.type") or ""))
        brands.append(str(row.get("price.brand") or "") or (_fold(merek) if merek else ""))
    return categories, types, brands


def _fold(text: Any) -> str:
    return " ".join(str(text).casefold().split())


def _codes(*columns: Sequence[Any]) -> np.ndarray:
    """One integer group code per row for the combination of `columns` (no string joins)."""
    code = np.zeros(len(columns[0]), dtype=np.int64)
    for column in columns:
        part, uniques = pd.factorize(pd.Series(column, dtype=object), sort=False)
        # re-factorised each step, so the combined code stays below rows^2 (no overflow)
        code = pd.factorize(code * (len(uniques) + 1) + part + 1)[0].astype(np.int64)
    return code


def group_stats(keys: Sequence[Any] | np.ndarray, values: np.ndarray) -> pd.DataFrame:
    """Per row: robust z of log(value) in its group, the group median, range and size.

    `keys` name each row's group (integer codes from `_codes`, or any hashable labels).
    Rows with no value get NaN z but still see their group's figures.
    """
    cfg = config()
    codes = pd.factorize(keys if isinstance(keys, np.ndarray)
                         else pd.Series(list(keys), dtype=object))[0]
    logs = pd.Series(np.log(values))
    grouped = logs.groupby(codes)
    median = grouped.transform("median").to_numpy()
    mad = pd.Series(np.abs(logs.to_numpy() - median)).groupby(codes).transform("median")
    scale = np.maximum(MAD_TO_SIGMA * mad.to_numpy(), cfg["min_log_scale"])
    lo_q, hi_q = cfg["range_low_quantile"], cfg["range_high_quantile"]
    # reindex: a catalog with no prices at all has no quantile columns to look up
    quantiles = grouped.quantile([lo_q, hi_q]).unstack().reindex(columns=[lo_q, hi_q])
    return pd.DataFrame({
        "z": (logs.to_numpy() - median) / scale, "median": np.exp(median),
        "low": np.exp(quantiles[lo_q].reindex(codes).to_numpy()),
        "high": np.exp(quantiles[hi_q].reindex(codes).to_numpy()),
        "n": grouped.transform("count").to_numpy(),
    })


def size_classes(nets: np.ndarray) -> list[str]:
    """Net-size class labels ("101–250 g"), "" when the size is unknown."""
    edges = [float(e) for e in config()["size_edges"]]
    labels = [f"<={edges[0]:g} g"] + [f"{a + 1:g}–{b:g} g" for a, b in pairwise(edges)]
    labels += [f">{edges[-1]:g} g", ""]
    slots = np.where(np.isnan(nets), len(edges) + 1, np.searchsorted(edges, nets, "left"))
    return [labels[i] for i in slots.tolist()]


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


@contextlib.contextmanager
def _gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while a million small records are built.

    Why: each allocation burst triggers collections that rescan every live object, which
    made building the records several times slower than the records themselves. Records
    hold numbers, strings and shared tuples (no cycles); the collector is restored after.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _records(stats: pd.DataFrame, codes: np.ndarray, values: np.ndarray, types: list[str],
             nets: np.ndarray, sizes: list[str], basis: str) -> list[PeerRecord | None]:
    """One record per listing for the `peers` kind; None where there is no value."""
    first = pd.Series(np.arange(len(codes))).groupby(codes).first().to_numpy()
    groups = [(types[i], sizes[i], basis, float(stats["median"][i]), float(stats["low"][i]),
               float(stats["high"][i]), int(stats["n"][i])) for i in first.tolist()]
    net_list = [None if n != n else n for n in nets.tolist()]
    with _gc_paused():
        return [None if value != value else PeerRecord(value, z, net, groups[code])
                for value, z, net, code in zip(values.tolist(), stats["z"].tolist(),
                                               net_list, codes.tolist(), strict=True)]


def peer_prices(facts: Sequence[Mapping[str, Any]], ids: Sequence[str]
                ) -> dict[str, list[Any]]:
    """`catalog.price_peers`, `catalog.unit_price_peers` and `catalog.multipack_ratio`.

    Pack prices are grouped by category, type and net-size class; prices per 100 g by
    category and type only, since the unit price already removes the size.
    """
    num = {name: _numbers([row.get(name) for row in facts]) for name in NUMERIC}
    categories, types, brands = _texts(facts)
    nets = np.fmax(num["packaging.net_g"], num["packaging.net_ml"])
    sizes = size_classes(nets)
    price, unit, count = num["price.value"], num["price.per_100g"], num["packaging.pack_count"]
    # A bundle of unknown total size is no peer of single packs: leave it out of the
    # pack-price groups (H110 compares it with its own single pack instead).
    pack_price = np.where((count > 1) & np.isnan(unit), np.nan, price)
    by_type, no_size = _codes(categories, types), [""] * len(types)
    by_size = _codes(by_type, sizes)
    return {
        "catalog.price_peers": _records(group_stats(by_size, pack_price), by_size, pack_price,
                                        types, nets, sizes, "price"),
        "catalog.unit_price_peers": _records(group_stats(by_type, unit), by_type, unit, types,
                                             nets, no_size, "per_100g"),
        "catalog.multipack_ratio": multipack_ratio(by_type, brands, price, unit, count),
    }


def multipack_ratio(by_type: np.ndarray, brands: list[str], price: np.ndarray,
                    unit: np.ndarray, count: np.ndarray) -> list[float | None]:
    """For multipacks: unit price / median unit price of single packs of the same product.

    Same product = same category, type and brand (a listing without a brand has no known
    single pack and is left out); unit = per 100 g when both know their net quantity,
    else per piece. Above 1 means buying the bundle costs more per unit than buying
    singles, which buyers notice and sellers rarely intend.
    """
    has_g = ~np.isnan(unit)
    per_unit = np.where(has_g, unit, price / np.where(np.isnan(count), 1.0, count))
    branded = np.array([bool(b) for b in brands], dtype=bool)
    multi = branded & (count > 1)
    key = _codes(by_type, brands, has_g)
    singles = pd.Series(per_unit[~multi]).groupby(key[~multi]).median()
    ratio = per_unit / pd.Series(key).map(singles).to_numpy(float)
    keep = multi & np.isfinite(ratio)
    return [round(r, 3) if k else None for r, k in zip(ratio.tolist(), keep.tolist(),
                                                       strict=True)]

"""Peer prices, computed once per catalog: how a price compares with listings like it.

A price is only "too high" against something. Here the something is the listings of the
same category and product type in the same catalog: for each group we take the median and
the MAD of the log price (and of the log price per 100 g), so one absurd listing cannot
drag the yardstick the way a mean would, and a listing's robust z-score says how many
"typical spreads" it sits from the middle. Logs, because prices are multiplicative:
Rp30.000 against Rp15.000 is as far as Rp300.000 against Rp150.000.

Everything is vectorised (pandas groupby), so the pass is near-linear in catalog size.
It runs in three steps so a cluster can run it too (features/catalog.py): `price_keys` per
listing, one table of figures per group (`price_groups`, `unit_groups`, `single_groups`,
valid on any subset holding whole groups) and `apply_prices`, which reads the tables back.
Judging (how many spreads is "far", what to do with small groups) belongs to the rubric:
the record per listing carries the group size `n` and the `peers` kind decides.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Mapping, Sequence
from itertools import pairwise
from typing import Any

import numpy as np
import pandas as pd

from ..gc_pause import gc_paused
from .catalog_peer_record import PeerRecord
from .price import config

MAD_TO_SIGMA = 1.4826  # MAD * 1.4826 estimates the standard deviation of normal data
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
    frame = pd.DataFrame({"group": pd.Series(list(keys), dtype=object), "value": values})
    table = table_stats(frame, ("group",), "value")
    at = _positions(table, frame, ("group",))
    row = {c: table[c].to_numpy()[at] for c in STAT_COLUMNS}
    return pd.DataFrame({"z": (np.log(values) - row["median_log"]) / row["scale"],
                         "median": np.exp(row["median_log"]), "low": row["low"],
                         "high": row["high"], "n": row["n"]})


def size_classes(nets: np.ndarray) -> list[str]:
    """Net-size class labels ("101–250 g"), "" when the size is unknown."""
    edges = [float(e) for e in config()["size_edges"]]
    labels = [f"<={edges[0]:g} g"] + [f"{a + 1:g}–{b:g} g" for a, b in pairwise(edges)]
    labels += [f">{edges[-1]:g} g", ""]
    slots = np.where(np.isnan(nets), len(edges) + 1, np.searchsorted(edges, nets, "left"))
    return [labels[i] for i in slots.tolist()]


PRICE_GROUP = ("category", "type", "size")
UNIT_GROUP = ("category", "type")
SINGLE_GROUP = ("category", "type", "brand", "has_g")
STAT_COLUMNS = ("median_log", "scale", "low", "high", "n")


def price_keys(facts: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """Per listing: the group labels and the numbers the peer tables are built from."""
    num = {name: _numbers([row.get(name) for row in facts]) for name in NUMERIC}
    return keys_from(num, *_texts(facts))


def keys_from(num: Mapping[str, np.ndarray], categories: list[str], types: list[str],
              brands: list[str]) -> dict[str, Any]:
    """The price keys from the numeric columns (NUMERIC) and the group labels."""
    nets = np.fmax(num["packaging.net_g"], num["packaging.net_ml"])
    price, unit, count = num["price.value"], num["price.per_100g"], num["packaging.pack_count"]
    # A bundle of unknown total size is no peer of single packs: leave it out of the
    # pack-price groups (H110 compares it with its own single pack instead).
    pack_price = np.where((count > 1) & np.isnan(unit), np.nan, price)
    has_g = ~np.isnan(unit)
    per_unit = np.where(has_g, unit, price / np.where(np.isnan(count), 1.0, count))
    return {"category": categories, "type": types, "brand": brands,
            "size": size_classes(nets), "net": nets, "pack_price": pack_price, "unit": unit,
            "per_unit": per_unit, "has_g": has_g,
            "multi": np.array([bool(b) for b in brands], dtype=bool) & (count > 1)}


def table_stats(keys: pd.DataFrame, by: Sequence[str], value: str) -> pd.DataFrame:
    """Per group: median and robust scale of log(value), its 80% range and its size.

    Valid on any subset of keys that holds whole groups, so a cluster can run it per
    group after a shuffle and get the same figures as one machine over the catalog.
    """
    cfg = config()
    logs = np.log(keys[value].to_numpy(float))
    frame = keys[list(by)].assign(_log=logs)
    grouped = frame.groupby(list(by), sort=False, dropna=False)["_log"]
    median = grouped.transform("median").to_numpy()
    mad = frame.assign(_dev=np.abs(logs - median)).groupby(
        list(by), sort=False, dropna=False)["_dev"].median()
    lo_q, hi_q = cfg["range_low_quantile"], cfg["range_high_quantile"]
    quantiles = grouped.quantile([lo_q, hi_q]).unstack().reindex(columns=[lo_q, hi_q])
    table = grouped.median().rename("median_log").to_frame()
    table["scale"] = np.maximum(MAD_TO_SIGMA * mad.to_numpy(), cfg["min_log_scale"])
    table["low"] = np.exp(quantiles[lo_q].reindex(table.index).to_numpy())
    table["high"] = np.exp(quantiles[hi_q].reindex(table.index).to_numpy())
    table["n"] = grouped.count().to_numpy().astype(np.int64)
    return table.reset_index()


def price_groups(keys: pd.DataFrame) -> pd.DataFrame:
    """Pack-price peers: category x product type x net-size class."""
    return table_stats(keys, PRICE_GROUP, "pack_price")


def unit_groups(keys: pd.DataFrame) -> pd.DataFrame:
    """Price-per-100 g peers: category x product type (the unit price removes the size)."""
    return table_stats(keys, UNIT_GROUP, "unit")


def single_groups(keys: pd.DataFrame) -> pd.DataFrame:
    """Median unit price of single packs per product (category, type, brand, unit basis).

    Only products that also sell a multipack are kept: no other listing reads the figure,
    and the table is what a cluster broadcasts.
    """
    multi = keys["multi"].to_numpy(bool)
    group = list(SINGLE_GROUP)
    wanted = keys.loc[multi, group].drop_duplicates()
    singles = keys[~multi].merge(wanted, on=group, how="inner")
    grouped = singles.groupby(group, sort=False, dropna=False)["per_unit"]
    return grouped.median().rename("single_median").reset_index()


def _positions(table: pd.DataFrame, keys: pd.DataFrame, by: Sequence[str]) -> np.ndarray:
    """Row of `table` holding each key row's group (-1 where the table lacks it)."""
    if table.empty:
        return np.full(len(keys), -1, dtype=np.int64)
    index = _table_index(table, tuple(by))
    return index.get_indexer(pd.MultiIndex.from_frame(keys[list(by)].astype(object)))


_INDEXES: OrderedDict[tuple[int, tuple[str, ...]], tuple[pd.DataFrame, pd.MultiIndex]] = \
    OrderedDict()
_MAX_INDEXES = 8  # the three group tables of a run, with room to spare


def _table_index(table: pd.DataFrame, by: tuple[str, ...]) -> pd.MultiIndex:
    """A group table's index, built once per table object.

    A streamed worker loads a run's group tables once and every slice it judges looks its
    listings up in them (stream.py): at a million listings a table holds 70,000 groups,
    and building its index for each 10,000-listing slice cost more than the look-ups.
    The memo holds the table itself, so an id is never reused while its entry lives;
    tables are never changed after their reduction.
    """
    key = (id(table), by)
    hit = _INDEXES.get(key)
    if hit is not None and hit[0] is table:
        _INDEXES.move_to_end(key)
        return hit[1]
    index = pd.MultiIndex.from_frame(table[list(by)].astype(object))
    _INDEXES[key] = (table, index)
    while len(_INDEXES) > _MAX_INDEXES:
        _INDEXES.popitem(last=False)
    return index


def _peer_records(table: pd.DataFrame, keys: pd.DataFrame, by: Sequence[str], value: str,
                  basis: str) -> list[PeerRecord | None]:
    """One record per listing for the `peers` kind; None where there is no value."""
    at = _positions(table, keys, by)
    values = keys[value].to_numpy(float)
    known = at >= 0
    stats = {c: np.full(len(keys), np.nan) for c in ("median_log", "scale")}
    for column in stats:
        stats[column][known] = table[column].to_numpy(float)[at[known]]
    z = (np.log(values) - stats["median_log"]) / stats["scale"]
    sizes = table["size"].tolist() if "size" in table else [""] * len(table)
    groups = [(kind, size, basis, float(np.exp(m)), float(lo), float(hi), int(n))
              for kind, size, m, lo, hi, n in zip(
                  table["type"].tolist(), sizes, table["median_log"].tolist(),
                  table["low"].tolist(), table["high"].tolist(), table["n"].tolist(),
                  strict=True)]
    nets = [None if n != n else n for n in keys["net"].tolist()]
    with gc_paused():
        return [None if v != v or g < 0 else PeerRecord(v, zz, net, groups[g])
                for v, zz, net, g in zip(values.tolist(), z.tolist(), nets, at.tolist(),
                                         strict=True)]


def _multipack(table: pd.DataFrame, keys: pd.DataFrame) -> list[float | None]:
    """For multipacks: unit price / median unit price of single packs of the same product.

    Same product = same category, type and brand (a listing without a brand has no known
    single pack and is left out); unit = per 100 g when both know their net quantity,
    else per piece. Above 1 means buying the bundle costs more per unit than buying
    singles, which buyers notice and sellers rarely intend.
    """
    at = _positions(table, keys, SINGLE_GROUP)
    median = np.full(len(keys), np.nan)
    median[at >= 0] = table["single_median"].to_numpy(float)[at[at >= 0]]
    ratio = keys["per_unit"].to_numpy(float) / median
    keep = keys["multi"].to_numpy(bool) & np.isfinite(ratio)
    return [round(r, 3) if k else None for r, k in zip(ratio.tolist(), keep.tolist(),
                                                       strict=True)]


def apply_prices(tables: Mapping[str, pd.DataFrame], keys: pd.DataFrame
                 ) -> dict[str, list[Any]]:
    """`catalog.price_peers`, `catalog.unit_price_peers` and `catalog.multipack_ratio`."""
    return {
        "catalog.price_peers": _peer_records(tables["price_groups"], keys, PRICE_GROUP,
                                             "pack_price", "price"),
        "catalog.unit_price_peers": _peer_records(
            tables["unit_groups"], keys, UNIT_GROUP, "unit", "per_100g"),
        "catalog.multipack_ratio": _multipack(tables["single_groups"], keys),
    }


def peer_prices(facts: Sequence[Mapping[str, Any]], ids: Sequence[str]
                ) -> dict[str, list[Any]]:
    """All three price features for one in-memory catalog (keys, tables, apply)."""
    keys = pd.DataFrame(price_keys(facts))
    tables = {"price_groups": price_groups(keys), "unit_groups": unit_groups(keys),
              "single_groups": single_groups(keys)}
    return apply_prices(tables, keys)

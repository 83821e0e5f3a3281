"""Catalog-level features: facts about a listing that only the whole catalog reveals.

Peer prices, duplicate titles and photos reused across listings need every listing's own
features first. Each builder works in three steps, so the same code serves one machine,
a stream of chunks and a cluster:

1. **keys** — a few compact columns per listing (a title hash, a product-type block, the
   price and its group labels, photo hashes), taken from its measured facts;
2. **reductions** — tables computed from the keys of the whole catalog, each valid on any
   subset that holds whole groups (`group_by`), so a cluster shuffles keys by group and
   concatenates the tables; nothing compares all pairs, so the pass stays near-linear;
3. **apply** — each listing reads its own values back from the tables.

`CatalogContext` holds the tables: small (per group, or only the listings that have a
duplicate), so a cluster broadcasts it to the scoring pass instead of collecting the
catalog. Rows are identified by `row`, an ordinal that follows catalog order; ties are
broken by it, so every engine lists duplicates in the same order.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, MutableMapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from ..fact_columns import FactTable
from ..gc_pause import gc_paused
from . import catalog_photos, catalog_prices, catalog_titles

Facts = MutableMapping[str, Any]
Table = pd.DataFrame


@dataclass(frozen=True)
class Reduction:
    """One table of the catalog pass: `reduce` over keys grouped by `group_by`.

    `prepare` (optional) reshapes one partition of keys first (photos: one row per photo
    and hash bucket). `columns` declares the table's columns and types for engines that
    need a schema (Spark); `reduce` must return exactly those. `distinct`: the same row
    may come out of several groups (a pair of photos shares several buckets), so an engine
    reducing group by group drops duplicate rows before it ships the table. `prepared`
    declares the columns and types `prepare` returns, for the same engines.
    """

    name: str
    group_by: tuple[str, ...]
    reduce: Callable[[pd.DataFrame], Table]
    columns: tuple[tuple[str, str], ...]
    prepare: Callable[[pd.DataFrame], pd.DataFrame] | None = None
    distinct: bool = False
    prepared: tuple[tuple[str, str], ...] = ()


_STATS = (("median_log", "float64"), ("scale", "float64"), ("low", "float64"),
          ("high", "float64"), ("n", "int64"))
_IDS = (("row", "int64"), ("ids", "list<string>"))
REDUCTIONS: tuple[Reduction, ...] = (
    Reduction("exact_titles", ("exact",), catalog_titles.exact_groups, _IDS),
    Reduction("near_titles", ("block",), catalog_titles.near_groups, _IDS),
    Reduction("price_groups", catalog_prices.PRICE_GROUP, catalog_prices.price_groups,
              (("category", "string"), ("type", "string"), ("size", "string"), *_STATS)),
    Reduction("unit_groups", catalog_prices.UNIT_GROUP, catalog_prices.unit_groups,
              (("category", "string"), ("type", "string"), *_STATS)),
    Reduction("single_groups", catalog_prices.SINGLE_GROUP, catalog_prices.single_groups,
              (("category", "string"), ("type", "string"), ("brand", "string"),
               ("has_g", "bool"), ("single_median", "float64"))),
    Reduction("photo_pairs", ("bucket",), catalog_photos.photo_pairs,
              (("row", "int64"), ("index", "int64"), ("other_row", "int64"),
               ("other_id", "string")), prepare=catalog_photos.photo_buckets,
              distinct=True, prepared=(("bucket", "string"), ("row", "int64"),
                                       ("id", "string"), ("index", "int64"),
                                       ("sig", "string"))),
)

KEY_COLUMNS: tuple[tuple[str, str], ...] = (
    ("row", "int64"), ("id", "string"), ("exact", "int64"), ("block", "string"),
    ("near", "string"), ("category", "string"), ("type", "string"), ("brand", "string"),
    ("size", "string"), ("net", "float64"), ("pack_price", "float64"), ("unit", "float64"),
    ("per_unit", "float64"), ("has_g", "bool"), ("multi", "bool"),
    ("photo_sigs", "list<string>"))


def catalog_keys(facts: Sequence[Mapping[str, Any]], ids: Sequence[str],
                 rows: Sequence[int] | None = None) -> pd.DataFrame:
    """The key columns (KEY_COLUMNS) of measured listings; `rows` = their catalog ordinals."""
    rows = range(len(facts)) if rows is None else rows
    frame = pd.DataFrame({
        "row": np.asarray(rows, dtype=np.int64), "id": pd.Series(list(ids), dtype=object),
        **catalog_titles.title_keys(facts), **catalog_prices.price_keys(facts),
        **catalog_photos.photo_keys(facts)})
    return frame[[name for name, _ in KEY_COLUMNS]]


def apply_keys(facts: Sequence[Mapping[str, Any]] | FactTable, rows: Sequence[int]
               ) -> pd.DataFrame:
    """What `CatalogContext.apply` reads of a chunk's keys: its rows and price keys.

    The title and photo tables are looked up by row, so a chunk whose full keys went to
    the reduction in pass 1 does not hash and fold its titles again to be judged.
    """
    if isinstance(facts, FactTable):
        from ..peer_columns import price_keys_of  # it reads catalog_prices: keep it lazy

        prices = price_keys_of(facts, len(facts))
    else:
        prices = catalog_prices.price_keys(facts)
    return pd.DataFrame({"row": np.asarray(rows, dtype=np.int64), **prices})


def reduce_keys(keys: pd.DataFrame,
                reductions: Sequence[Reduction] = REDUCTIONS) -> dict[str, Table]:
    """Every table of the catalog pass over keys held in memory (one machine); the
    collector paused meanwhile (gc_pause.py: a fifth of the time at 100k keys)."""
    with gc_paused():
        return {r.name: r.reduce(r.prepare(keys) if r.prepare else keys) for r in reductions}


@dataclass(frozen=True)
class CatalogContext:
    """The reduced tables of one catalog, ready to be applied to any chunk of it."""

    tables: Mapping[str, Table] = field(default_factory=dict)

    @classmethod
    def from_keys(cls, keys: pd.DataFrame) -> CatalogContext:
        return cls(reduce_keys(keys))

    def for_rows(self, start: int, stop: int) -> CatalogContext:
        """The context rows [start, stop) need: every group table whole, the per-listing
        tables (keyed by `row`: duplicates, photo pairs) cut to those rows.

        Applying reads a per-listing table into a dict; cut first, a chunk of a large
        catalog pays for its own rows, not for every duplicate in the catalog.
        """
        tables = {}
        for name, table in self.tables.items():
            if "row" in table.columns:
                rows = table["row"].to_numpy()
                table = table[(rows >= start) & (rows < stop)]
            tables[name] = table
        return CatalogContext(tables)

    def groups(self) -> CatalogContext:
        """The group tables alone (peer figures): the part of the context every slice of
        the catalog reads whole, which a streamed run hands each worker once."""
        return CatalogContext({name: table for name, table in self.tables.items()
                               if "row" not in table.columns})

    def rows_only(self, start: int, stop: int) -> CatalogContext:
        """`for_rows` without the group tables (see `groups`)."""
        return CatalogContext({name: table for name, table in
                               self.for_rows(start, stop).tables.items()
                               if "row" in table.columns})

    def with_tables(self, other: CatalogContext) -> CatalogContext:
        """This context's tables and `other`'s together."""
        return CatalogContext({**self.tables, **other.tables})

    def apply(self, facts: Sequence[Facts] | FactTable, keys: pd.DataFrame) -> None:
        """Add every catalog feature to each listing's facts, in place."""
        rows = keys["row"].tolist()
        steps: tuple[tuple[str, Callable[[], dict[str, list[Any]]]], ...] = (
            ("titles", lambda: {
                "catalog.title_duplicates": catalog_titles.lookup(
                    self.tables["exact_titles"], rows),
                "catalog.title_near_duplicates": catalog_titles.lookup(
                    self.tables["near_titles"], rows)}),
            ("prices", lambda: catalog_prices.apply_prices(self.tables, keys)),
            ("photos", lambda: catalog_photos.apply_photos(self.tables["photo_pairs"],
                                                           facts, rows)))
        for name, step in steps:
            _write(facts, name, step)


def _write(facts: Sequence[Facts] | FactTable, name: str,
           step: Callable[[], dict[str, list[Any]]]) -> None:
    try:
        columns = step()
    except Exception as exc:  # noqa: BLE001 - a catalog pass must not lose the batch
        columns = {"data.measure_error": [f"catalog {name}: {exc}"] * len(facts)}
    if isinstance(facts, FactTable):
        for feature, values in columns.items():
            facts.set(feature, values)
        return
    for feature, values in columns.items():
        for row, value in zip(facts, values, strict=True):
            row[feature] = value


def enrich(facts: Sequence[Facts], ids: Sequence[str]) -> None:
    """Keys, tables and apply for one catalog held in memory."""
    try:
        keys = catalog_keys(facts, ids)
        context = CatalogContext.from_keys(keys)
    except Exception as exc:  # noqa: BLE001 - a catalog pass must not lose the batch
        for row in facts:
            row["data.measure_error"] = f"catalog: {exc}"
        return
    context.apply(facts, keys)

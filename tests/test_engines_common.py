"""The catalog pass as a cluster runs it, without a cluster: keys cut into any partitions,
prepared per partition, shuffled so every group lands whole somewhere, reduced per
partition (some of them empty) — the context must equal the one-machine context."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from listing_quality import engines_common as common
from listing_quality.features.catalog import REDUCTIONS, CatalogContext, reduce_keys
from listing_quality.partition import keys_partition

SAMPLES = Path(__file__).resolve().parents[1] / "data" / "samples"


@pytest.fixture(scope="module")
def keys() -> pd.DataFrame:
    catalog = pd.read_csv(SAMPLES / "catalog.csv", dtype=str, keep_default_na=False)
    catalog = catalog.iloc[:170]  # twins of every kind, at less photo-pair cost
    options = common.checked_options("auto", None, SAMPLES / "photos", "id", False, False)
    return keys_partition(catalog, options)


@pytest.fixture(scope="module")
def whole(keys: pd.DataFrame) -> dict[str, pd.DataFrame]:
    tables = reduce_keys(keys)
    assert all(len(tables[n]) for n in ("exact_titles", "near_titles", "photo_pairs"))
    return tables


def _shuffled(keys: pd.DataFrame, cuts: list[int], parts: int, salt: int
              ) -> dict[str, list[pd.DataFrame]]:
    """Each reduction's per-partition tables, as an engine would bring them back."""
    chunks = [keys.iloc[a:b] for a, b in pairwise([0, *cuts, len(keys)])]
    out = {}
    for reduction in REDUCTIONS:
        rows = pd.concat([common.prepare(c, reduction) if reduction.prepare else c
                          for c in chunks], ignore_index=True)
        hashed = pd.util.hash_pandas_object(rows[list(reduction.group_by)], index=False)
        where = (hashed.to_numpy(np.uint64) + np.uint64(salt)) % np.uint64(parts)
        out[reduction.name] = [common.reduce(rows[where == p], reduction)
                               for p in range(parts)]
    return out


def _canonical(table: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    order = [c for c in ("row", "index", "other_row", "category", "type", "size", "brand",
                         "has_g") if c in columns]
    return table[columns].sort_values(order, kind="stable").reset_index(drop=True)


@settings(max_examples=4, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cuts=st.lists(st.integers(0, 170), max_size=6).map(sorted),
       parts=st.integers(1, 9), salt=st.integers(0, 2**16))
def test_any_partitioning_reduces_to_the_one_machine_context(keys, whole, cuts, parts,
                                                             salt) -> None:
    got = common.context_from(_shuffled(keys, cuts, parts, salt))
    for reduction in REDUCTIONS:
        columns = [name for name, _ in reduction.columns]
        expected = common.typed(whole[reduction.name], reduction.columns)
        if reduction.distinct:
            expected = expected.drop_duplicates()
        pd.testing.assert_frame_equal(_canonical(got.tables[reduction.name], columns),
                                      _canonical(expected, columns), check_dtype=False)


def test_a_partition_gets_its_own_rows_of_the_per_listing_tables(whole) -> None:
    context = CatalogContext(whole)
    part = context.for_rows(50, 120)
    for name, table in context.tables.items():
        if "row" in table.columns:
            assert part.tables[name]["row"].between(50, 119).all()
            assert len(part.tables[name]) == table["row"].between(50, 119).sum()
        else:  # a group table serves every partition
            assert part.tables[name] is table
    assert sum(common.table_rows(part).values()) < sum(common.table_rows(context).values())


def test_typed_gives_python_lists_and_strings_back() -> None:
    frame = pd.DataFrame({"row": [1, 2], "ids": [np.array(["a", None]), None]})
    out = common.typed(frame, (("row", "int64"), ("ids", "list<string>")))
    assert out["ids"].tolist() == [["a", None], None]
    assert out["row"].dtype == np.int64
    assert common.spark_schema((("ids", "list<string>"), ("n", "int64"))) == \
        "`ids` array<string>, `n` bigint"


def test_a_streamed_worker_reads_back_the_group_tables_it_was_sent(whole, tmp_path) -> None:
    """Pass 2 sends each task its own rows and writes the group tables once: read back in
    their declared types, they give the worker the very context the run built."""
    from listing_quality import spill
    from listing_quality.stream import _group_tables

    context = CatalogContext(whole)
    path = str(tmp_path / "groups-test.json")
    spill.write_tables(path, context.groups().tables)
    read = _group_tables(path)
    assert _group_tables(path) is read  # once per worker, not once per task
    part = context.rows_only(50, 120).with_tables(read)
    expected = context.for_rows(50, 120)
    assert set(part.tables) == set(expected.tables)
    for reduction in REDUCTIONS:
        columns = [name for name, _ in reduction.columns]
        pd.testing.assert_frame_equal(
            _canonical(common.typed(part.tables[reduction.name], reduction.columns), columns),
            _canonical(common.typed(expected.tables[reduction.name], reduction.columns),
                       columns))
    assert not any("row" in t.columns for t in context.groups().tables.values())
    assert all("row" in t.columns for t in context.rows_only(50, 120).tables.values())


def test_a_group_table_is_indexed_once_and_looked_up_like_a_fresh_index(whole) -> None:
    from listing_quality.features import catalog_prices as prices

    table = common.typed(whole["price_groups"],
                         next(r.columns for r in REDUCTIONS if r.name == "price_groups"))
    by = prices.PRICE_GROUP
    assert len(table) > 1
    probe = pd.concat([table[list(by)], table[list(by)].iloc[::-1]], ignore_index=True)
    probe.loc[0, "type"] = "no such product"
    fresh = pd.MultiIndex.from_frame(table[list(by)].astype(object)).get_indexer(
        pd.MultiIndex.from_frame(probe.astype(object)))
    assert (prices._positions(table, probe, by) == fresh).all() and fresh[0] == -1
    assert prices._table_index(table, by) is prices._table_index(table, by)
    assert prices._table_index(table.copy(), by) is not prices._table_index(table, by)

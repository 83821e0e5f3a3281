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

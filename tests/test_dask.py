"""listing_quality.dask on real Dask: the local scheduler (and a LocalCluster of worker
processes when `distributed` is installed). A cluster must score every row exactly as
`score_frame` does on the same rows, and only the reduced catalog tables may reach the
driver — never the keys of every listing."""

from __future__ import annotations

import logging
import subprocess
import sys
from bisect import bisect_right
from collections.abc import Mapping
from pathlib import Path

import pandas as pd
import pytest

dask = pytest.importorskip("dask")
dd = pytest.importorskip("dask.dataframe")

import listing_quality as lq  # noqa: E402
from listing_quality import dask as lq_dask  # noqa: E402
from listing_quality.features.catalog import KEY_COLUMNS, REDUCTIONS  # noqa: E402
from listing_quality.rubric import RubricError  # noqa: E402
from listing_quality.schema import dask_meta  # noqa: E402

SAMPLES = Path(__file__).resolve().parents[1] / "data" / "samples"
PHOTOS = SAMPLES / "photos"
DIVISIONS = (0, 7, 50, 51, 130, 199)  # five uneven partitions: 7, 43, 1, 79 and 70 rows
CROSS_CATALOG = {"T110", "T119", "P119", "H107"}  # duplicates and peer prices


@pytest.fixture(scope="module")
def expected(catalog: pd.DataFrame) -> pd.DataFrame:
    return lq.score_frame(catalog, images_root=PHOTOS)


@pytest.fixture(scope="module")
def ddf(catalog: pd.DataFrame) -> dd.DataFrame:
    return dd.from_pandas(catalog, npartitions=5).repartition(divisions=list(DIVISIONS))


@pytest.fixture(scope="module")
def scored(ddf: dd.DataFrame) -> tuple[dd.DataFrame, list[object]]:
    """One run of `score`, with everything `dask.compute` brought to the driver."""
    brought: list[object] = []
    real = dask.compute

    def spy(*args: object, **kwargs: object) -> object:
        out = real(*args, **kwargs)
        brought.extend(out)
        return out

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(dask, "compute", spy)
        result = lq_dask.score(ddf, images_root=PHOTOS)
    return result, brought


def test_scores_equal_score_frame_on_the_same_rows(scored, ddf, expected) -> None:
    result, _ = scored
    assert result.npartitions == ddf.npartitions
    pd.testing.assert_frame_equal(result._meta, dask_meta())
    got = result.compute()
    pd.testing.assert_frame_equal(got, expected)
    codes = {code for text in got["codes"] for code in text.split()}
    assert codes >= CROSS_CATALOG


def test_only_the_reduced_tables_reach_the_driver(scored, catalog) -> None:
    _, brought = scored
    assert len(brought) == 1  # one compute for every table: the keys are measured once
    tables = brought[0]
    assert isinstance(tables, Mapping)
    assert set(tables) == {r.name for r in REDUCTIONS}
    key_only = {name for name, _ in KEY_COLUMNS} - {"row", "id", "category", "type",
                                                    "brand", "size", "has_g"}
    for reduction in REDUCTIONS:
        table = tables[reduction.name]
        assert list(table.columns) == [name for name, _ in reduction.columns]
        assert not key_only & set(table.columns)
    for name in ("exact_titles", "near_titles", "photo_pairs"):  # only listings with a twin
        assert 0 < len(tables[name]) < len(catalog) / 4


def test_duplicates_are_found_across_partitions(scored, catalog) -> None:
    """The sample's twins straddle partitions, so a per-partition catalog pass would
    miss them: the equality above is not vacuous."""
    tables = scored[1][0]
    part_of_row = {row: bisect_right(DIVISIONS[1:-1], row) for row in range(len(catalog))}
    part_of_id = {ident: part_of_row[row] for row, ident in enumerate(catalog["id"])}
    for name in ("exact_titles", "near_titles"):
        table = tables[name]
        assert any(part_of_id[other] != part_of_row[row]
                   for row, ids in zip(table["row"], table["ids"], strict=True)
                   for other in ids), name
    pairs = tables["photo_pairs"]
    assert (pairs["row"].map(part_of_row) != pairs["other_row"].map(part_of_row)).any()


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"rubric": "tidak-ada"}, "unknown rubric 'tidak-ada'"),
    ({"marketplace": "tidak-ada"}, "tidak-ada"),
])
def test_a_bad_rubric_fails_before_any_job_runs(ddf, kwargs, message) -> None:
    def no_jobs(*args: object, **kwargs: object) -> None:
        pytest.fail("a Dask job ran before the rubric was checked")

    with dask.config.set(scheduler=no_jobs), pytest.raises(RubricError, match=message):
        lq_dask.score(ddf, images_root=PHOTOS, **kwargs)


def test_importing_the_library_does_not_import_the_engines() -> None:
    code = ("import sys, listing_quality; "
            "print(sorted({m.split('.')[0] for m in sys.modules} & {'dask', 'pyspark'}))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "[]"


@pytest.mark.slow
def test_a_local_cluster_of_worker_processes_gives_the_same_scores(catalog) -> None:
    """Worker processes unpickle every task: options, the model and the context travel,
    and rubrics load lazily in each worker."""
    distributed = pytest.importorskip("distributed")
    part = catalog.iloc[:40]
    want = lq.score_frame(part, images_root=PHOTOS)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None, silence_logs=logging.ERROR
                                  ) as cluster, \
            distributed.Client(cluster):
        got = lq_dask.score(dd.from_pandas(part, npartitions=2), images_root=PHOTOS)
        pd.testing.assert_frame_equal(got.compute(), want)

"""listing_quality.spark on a real Spark (`local[2]`, Java 17). A cluster must score every
row exactly as `score_frame` does on the same rows — across uneven partitions, each cut
into several Arrow batches — and only the reduced catalog tables may be collected."""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest

pytest.importorskip("pyspark")
pytest.importorskip("pyarrow")

import itertools

import listing_quality as lq
from listing_quality import spark as lq_spark
from listing_quality.features.catalog import KEY_COLUMNS, REDUCTIONS
from listing_quality.rubric import RubricError
from listing_quality.schema import OUTPUT_COLUMNS, conform

pytestmark = [  # PySpark's own notes about pandas 3, not ours
    pytest.mark.filterwarnings("ignore:PySpark does not yet fully support pandas"),
    pytest.mark.filterwarnings("ignore:The copy keyword is deprecated")]
SAMPLES = Path(__file__).resolve().parents[1] / "data" / "samples"
PHOTOS = SAMPLES / "photos"
SLICES = (0, 7, 50, 51, 130, 200)  # uneven pieces, two Spark partitions each
CROSS_CATALOG = {"T110", "T119", "P119", "H107"}  # duplicates and peer prices


@pytest.fixture(scope="module")
def spark() -> Iterator[object]:
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        pytest.skip("Spark needs Java (17): none on PATH and no JAVA_HOME")
    from pyspark.sql import SparkSession

    saved = {k: os.environ.get(k) for k in ("PYSPARK_PYTHON", "PYSPARK_DRIVER_PYTHON")}
    os.environ.update(PYSPARK_PYTHON=sys.executable, PYSPARK_DRIVER_PYTHON=sys.executable)
    session = (SparkSession.builder.master("local[2]").appName("listing-quality-tests")
               .config("spark.sql.shuffle.partitions", "4")
               .config("spark.ui.enabled", "false")
               .config("spark.ui.showConsoleProgress", "false")
               .config("spark.driver.bindAddress", "127.0.0.1")
               .config("spark.driver.host", "127.0.0.1")
               .config("spark.sql.execution.arrow.pyspark.enabled", "true")
               .config("spark.sql.execution.arrow.maxRecordsPerBatch", "32")
               .getOrCreate())
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()
    for key, value in saved.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value


@pytest.fixture(scope="module")
def sdf(spark, catalog: pd.DataFrame):
    """The catalog in catalog order over nine uneven partitions."""
    schema = ", ".join(f"`{name}` string" for name in catalog.columns)
    pieces = [spark.createDataFrame(catalog.iloc[a:b], schema=schema)
              for a, b in itertools.pairwise(SLICES)]
    frame = pieces[0]
    for piece in pieces[1:]:
        frame = frame.union(piece)
    return frame


@pytest.fixture(scope="module")
def scored(sdf) -> tuple[object, list[list[str]]]:
    """One run of `score`, with the columns of everything it collected to the driver."""
    cls = type(sdf)
    collected: list[list[str]] = []
    real_collect, real_to_pandas = cls.collect, cls.toPandas

    def collect(self):  # a spy, with the method's own signature
        collected.append(list(self.columns))
        return real_collect(self)

    def to_pandas(self):
        collected.append(list(self.columns))
        return real_to_pandas(self)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(cls, "collect", collect)
        patch.setattr(cls, "toPandas", to_pandas)
        result = lq_spark.score(sdf, images_root=PHOTOS)
    return result, collected


def test_scores_equal_score_frame_on_the_same_rows(scored, sdf, catalog) -> None:
    assert sdf.rdd.getNumPartitions() >= len(SLICES) - 1
    result, _ = scored
    assert result.columns == list(OUTPUT_COLUMNS)
    got = conform(result.toPandas())
    pd.testing.assert_frame_equal(got, lq.score_frame(catalog, images_root=PHOTOS))
    codes = {code for text in got["codes"] for code in text.split()}
    assert codes >= CROSS_CATALOG


def test_only_the_reduced_tables_are_collected(scored) -> None:
    _, collected = scored
    tables = [[name for name, _ in r.columns] for r in REDUCTIONS]
    assert collected[0] == ["p", "count"]  # one row per partition: the ordinal offsets
    assert collected[1:] == tables
    assert [name for name, _ in KEY_COLUMNS] not in collected


def test_a_catalog_without_ids_is_numbered_as_score_frame_numbers_it(spark, catalog) -> None:
    part = catalog.iloc[:5].drop(columns=["id"])
    sdf = spark.createDataFrame(part, schema=", ".join(f"`{c}` string" for c in part.columns))
    got = conform(lq_spark.score(sdf, model=False).toPandas())
    assert got["id"].tolist() == ["0", "1", "2", "3", "4"]
    pd.testing.assert_frame_equal(got, lq.score_frame(part, model=False))


def test_a_bad_rubric_fails_before_any_job_runs(spark, sdf) -> None:
    context = spark.sparkContext
    context.setJobGroup("lq-bad-rubric", "a rubric that does not exist")
    try:
        with pytest.raises(RubricError, match="unknown rubric 'tidak-ada'"):
            lq_spark.score(sdf, rubric="tidak-ada", images_root=PHOTOS)
        assert context.statusTracker().getJobIdsForGroup("lq-bad-rubric") == []
    finally:
        context.setLocalProperty("spark.jobGroup.id", None)


def test_batches_are_cut_into_runs_of_consecutive_ordinals() -> None:
    """A batch whose ordinals jump is scored run by run, each run at its own offset and
    indexed by its ordinals (the ids of a catalog without an id column)."""
    batch = pd.DataFrame({"title": list("abcde"), lq_spark.ORDINAL: [3, 4, 5, 9, 10]})
    runs = list(lq_spark._runs(batch))
    assert [start for _, start in runs] == [3, 9]
    assert [list(part.index) for part, _ in runs] == [[3, 4, 5], [9, 10]]
    assert [list(part.columns) for part, _ in runs] == [["title"], ["title"]]

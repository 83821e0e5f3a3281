"""Score a Spark DataFrame: `listing_quality.spark.score(sdf)` (the `spark` extra).

Four steps on the caller's own session (`sdf.sparkSession`; none is ever created here):

1. **Ordinals.** A tiny job counts the rows of each partition (only one number per
   partition reaches the driver); each row's catalog ordinal is then its partition's
   offset plus its place in the partition, computed in the JVM from
   `spark_partition_id()` and `monotonically_increasing_id()` (which is the partition id
   shifted left 33 bits plus that place). The ordinal is consecutive and follows catalog
   order, like `zipWithIndex`, without sending every row through Python to number it.
2. **Catalog pass.** `mapInPandas(keys_partition)` measures each batch and keeps its
   keys (persisted on the executors while the tables are built, so measuring runs once).
   Each reduction hash-partitions the keys by its `group_by` — every group lands whole in
   one partition — and reduces each partition in one pandas call. (`groupBy().
   applyInPandas` would call Python once per group: for exact titles that is once per
   listing.) Only the reduced tables are collected.
3. **Broadcast.** The `CatalogContext` goes to the executors once, as a broadcast.
4. **Scoring pass.** `mapInPandas` scores each batch against it. Spark may cut a
   partition into several Arrow batches; each batch carries its rows' ordinals, so its
   `row_offset` comes from the rows themselves, never from a counter.

Like `zipWithIndex`, step 1 needs a source that gives the same rows in the same
partitions each time it is read (files, tables, `createDataFrame`); persist or
checkpoint anything else (an unordered shuffle, a random sample) before scoring.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Mapping
from functools import partial
from typing import Any

import numpy as np
import pandas as pd
from pyspark import StorageLevel
from pyspark.sql import DataFrame
from pyspark.sql import functions as F

from . import engines_common as common
from .features.catalog import KEY_COLUMNS, REDUCTIONS, CatalogContext, Reduction
from .partition import Reading, keys_partition, score_partition
from .rubric_select import AUTO
from .schema import conform, spark_ddl

ORDINAL = "__lq_row"
_SHIFT = 1 << 33  # monotonically_increasing_id = partition id * 2**33 + place in partition


def score(sdf: DataFrame, rubric: str = AUTO, marketplace: str | None = None,
          images_root: Any = None, lang: str = "id", *, model: Any = None,
          allow_network: bool = False, source: str | None = None,
          columns: Mapping[str, Any] | None = None) -> DataFrame:
    """The scores of every row of `sdf` (schema `schema.spark_ddl()`), in its order.

    The catalog pass runs here; the scoring pass runs when the result is used. Arguments
    as for `score_frame`; `images_root` must be readable by every executor.
    """
    options = common.checked_options(rubric, marketplace, images_root, lang, allow_network,
                                     model)
    reading = Reading.of(source, columns)
    numbered = with_ordinals(sdf)
    context = catalog_context(numbered, options, reading)
    shared = _broadcast(sdf, context)
    scorer = partial(_score_batches, shared=shared, options=options, model=model,
                     reading=reading)
    return numbered.mapInPandas(scorer, schema=spark_ddl())


def with_ordinals(sdf: DataFrame) -> DataFrame:
    """`sdf` plus ORDINAL: 0..n-1 in partition order, then in order inside a partition."""
    pid = F.spark_partition_id()
    counts = dict(sdf.select(pid.alias("p")).groupBy("p").count().collect())
    starts, total = [], 0
    for part in range(max(counts, default=0) + 1):
        starts.append(total)
        total += counts.get(part, 0)
    first = F.element_at(F.array(*[F.lit(s).cast("long") for s in starts]), pid + 1)
    place = F.monotonically_increasing_id() - pid.cast("long") * F.lit(_SHIFT)
    return sdf.withColumn(ORDINAL, first + place)


def catalog_context(numbered: DataFrame, options: Any,
                    reading: Reading | None = None) -> CatalogContext:
    """The catalog context of a numbered frame: keys stay on the executors; only the
    reduced tables are collected."""
    keying = partial(_keys_batches, options=options, reading=reading or Reading())
    keys = numbered.mapInPandas(keying, schema=common.spark_schema(KEY_COLUMNS))
    keys = keys.persist(StorageLevel.MEMORY_AND_DISK)
    try:
        tables = {r.name: reduced(keys, r).toPandas() for r in REDUCTIONS}
    finally:
        keys.unpersist()
    return common.context_from(tables)


def reduced(keys: DataFrame, reduction: Reduction) -> DataFrame:
    """Prepare per batch, hash-partition by the groups, reduce each partition (lazy); a
    `distinct` table is de-duplicated on the cluster, before it is collected."""
    rows = keys
    if reduction.prepare is not None:
        rows = keys.mapInPandas(partial(_prepare_batches, reduction=reduction),
                                schema=common.spark_schema(reduction.prepared))
    grouped = rows.repartition(*reduction.group_by)
    table = grouped.mapInPandas(partial(_reduce_partition, reduction=reduction),
                                schema=common.spark_schema(reduction.columns))
    return table.dropDuplicates() if reduction.distinct else table


def _keys_batches(batches: Iterator[pd.DataFrame], options: Any, reading: Reading
                  ) -> Iterator[pd.DataFrame]:
    for batch in batches:
        for part, start in _runs(batch):
            yield common.typed(keys_partition(part, options, start, reading), KEY_COLUMNS)


def _prepare_batches(batches: Iterator[pd.DataFrame], reduction: Reduction
                     ) -> Iterator[pd.DataFrame]:
    for batch in batches:
        yield common.prepare(batch, reduction)


def _reduce_partition(batches: Iterator[pd.DataFrame], reduction: Reduction
                      ) -> Iterator[pd.DataFrame]:
    """The whole partition at once: a group may straddle two Arrow batches."""
    frames = list(batches)
    part = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()
    yield common.reduce(part, reduction) if len(part) else common.empty(reduction.columns)


def _score_batches(batches: Iterator[pd.DataFrame], shared: Any, options: Any, model: Any,
                   reading: Reading) -> Iterator[pd.DataFrame]:
    context = shared.value
    for batch in batches:
        for part, start in _runs(batch):
            scored = score_partition(part, context, options, model, start, reading)
            yield conform(scored).reset_index(drop=True)


def _runs(batch: pd.DataFrame) -> Iterator[tuple[pd.DataFrame, int]]:
    """The batch as runs of consecutive ordinals, each without the ordinal column and
    indexed by it (a catalog without ids is numbered as `score_frame` numbers it)."""
    rows = batch[ORDINAL].to_numpy(np.int64)
    cuts = [0, *(np.flatnonzero(np.diff(rows) != 1) + 1).tolist(), len(rows)]
    data = batch.drop(columns=[ORDINAL])
    for lo, hi in itertools.pairwise(cuts):
        if hi > lo:
            part = data.iloc[lo:hi]
            yield part.set_axis(pd.RangeIndex(rows[lo], rows[lo] + hi - lo)), int(rows[lo])


class _Given:
    """A broadcast stand-in where the session has no SparkContext (Spark Connect): the
    context then travels inside the scoring function, once per task."""

    def __init__(self, value: CatalogContext) -> None:
        self.value = value


def _broadcast(sdf: DataFrame, context: CatalogContext) -> Any:
    try:
        return sdf.sparkSession.sparkContext.broadcast(context)
    except Exception:  # noqa: BLE001 - Spark Connect has no SparkContext to broadcast with
        return _Given(context)


"""Score a Dask DataFrame: `listing_quality.dask.score(ddf)` (the `dask` extra).

Three steps, each a plain Dask graph, so the local scheduler and a distributed cluster
run the same thing:

1. **Ordinals.** One cheap pass counts each partition's rows; partition i starts at the
   sum of the lengths before it, so every row gets the catalog ordinal one machine gives
   it (duplicates are listed, and ties broken, by that ordinal).
2. **Catalog pass.** `map_partitions(keys_partition)` measures each partition and keeps
   its compact keys; each reduction shuffles the keys by its `group_by` (every group
   whole in one partition), reduces each partition, and only the reduced tables — one
   row per price group, per duplicate title or reused photo — are computed to the
   driver. All reductions are computed together, so the keys are measured once.
3. **Scoring pass.** The `CatalogContext` goes into the graph once (`dask.delayed`): a
   distributed scheduler ships it to each worker once, not with every task; each
   partition is measured again and judged against it (`score_partition`).

The result is lazy, keeps the input's index and partitions, and has the columns and
dtypes of `schema.dask_meta()`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from itertools import accumulate
from typing import Any

import dask
import dask.dataframe as dd
import pandas as pd

from . import engines_common as common
from .features.catalog import KEY_COLUMNS, REDUCTIONS, CatalogContext, Reduction
from .partition import Reading, keys_partition, score_partition
from .rubric_select import AUTO
from .schema import dask_meta


def score(ddf: dd.DataFrame, rubric: str = AUTO, marketplace: str | None = None,
          images_root: Any = None, lang: str = "id", *, model: Any = None,
          allow_network: bool = False, source: str | None = None,
          columns: Mapping[str, Any] | None = None) -> dd.DataFrame:
    """The scores of every row of `ddf`, lazily: one output row per input row, same index
    and partitions, equal to `listing_quality.score_frame` on the same rows.

    The catalog pass runs (computes) here; the scoring pass runs when the result is
    computed. Arguments as for `score_frame`; `images_root` must be readable by workers.
    """
    options = common.checked_options(rubric, marketplace, images_root, lang, allow_network,
                                     model)
    reading = Reading.of(source, columns)
    offsets = row_offsets(ddf)
    context = catalog_context(ddf, options, reading, offsets)
    shared = dask.delayed(context, traverse=False)
    return ddf.map_partitions(_score_part, shared, options, model, offsets, reading,
                              meta=dask_meta(), align_dataframes=False)


def row_offsets(ddf: dd.DataFrame) -> tuple[int, ...]:
    """The catalog ordinal of each partition's first row (one pass of `len` per partition)."""
    lengths = [int(n) for n in ddf.map_partitions(len).compute()]
    return tuple(accumulate(lengths[:-1], initial=0))


def catalog_context(ddf: dd.DataFrame, options: Any, reading: Reading | None = None,
                    offsets: Sequence[int] | None = None) -> CatalogContext:
    """The catalog context of `ddf`, reduced on the cluster; only the tables come back."""
    offsets = tuple(offsets) if offsets is not None else row_offsets(ddf)
    keys = ddf.map_partitions(_keys_part, options, offsets, reading or Reading(),
                              meta=common.empty(KEY_COLUMNS), align_dataframes=False)
    (tables,) = dask.compute({r.name: _reduced(keys, r) for r in REDUCTIONS})
    return common.context_from(tables)


def _reduced(keys: dd.DataFrame, reduction: Reduction) -> dd.DataFrame:
    """Prepare per partition, shuffle by the groups, reduce per partition (still lazy);
    a `distinct` table is de-duplicated on the cluster, before it is brought back."""
    rows = keys
    if reduction.prepare is not None:
        meta = common.empty(reduction.prepared)
        rows = keys.map_partitions(common.prepare, reduction, meta=meta)
    shuffled = rows.shuffle(on=list(reduction.group_by))
    table = shuffled.map_partitions(common.reduce, reduction,
                                    meta=common.empty(reduction.columns))
    return table.drop_duplicates() if reduction.distinct else table


def _keys_part(pdf: pd.DataFrame, options: Any, offsets: Sequence[int], reading: Reading,
               partition_info: dict[str, Any] | None = None) -> pd.DataFrame:
    offset = _offset(offsets, partition_info)
    return keys_partition(pdf, options, offset, reading)


def _score_part(pdf: pd.DataFrame, context: CatalogContext, options: Any, model: Any,
                offsets: Sequence[int], reading: Reading,
                partition_info: dict[str, Any] | None = None) -> pd.DataFrame:
    offset = _offset(offsets, partition_info)
    return score_partition(pdf, context, options, model, offset, reading)


def _offset(offsets: Sequence[int], partition_info: dict[str, Any] | None) -> int:
    """The partition's first catalog ordinal; Dask names the partition in `partition_info`
    (a missing one would silently number every partition from 0, so it is an error)."""
    if partition_info is None:
        raise RuntimeError("Dask did not pass partition_info to listing_quality.dask")
    return offsets[partition_info["number"]]

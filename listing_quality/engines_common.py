"""What the Dask and Spark engines share: checked options, typed key/table frames, and
the catalog reductions made safe for whatever partition a cluster hands them.

Both engines run the catalog pass the same way: keys per partition, a shuffle by each
reduction's `group_by` (so every group lands whole in one partition), the reduction per
partition, and only the reduced tables brought back to the driver to build the
`CatalogContext` that is broadcast to the scoring pass. The keys themselves never leave
the cluster. A cluster partition can be empty, and an engine may hand back strings as
Arrow or pandas `str` and lists as numpy arrays; `typed` puts every frame back into the
declared types, so the context equals the one one machine builds.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

from .api import Options, _root, selected_rubric
from .features.catalog import KEY_COLUMNS, REDUCTIONS, CatalogContext, Reduction
from .model import resolve_model
from .rubric_select import AUTO, FALLBACK

Columns = Sequence[tuple[str, str]]
_PANDAS = {"int64": np.int64, "float64": np.float64, "bool": bool, "string": object,
           "list<string>": object}
_SPARK = {"int64": "bigint", "float64": "double", "bool": "boolean", "string": "string",
          "list<string>": "array<string>"}


def checked_options(rubric: str, marketplace: str | None, images_root: Any, lang: str,
                    allow_network: bool, model: Any) -> Options:
    """The scoring options, with the rubric, marketplace and model loaded once here.

    A cluster job that fails on every worker an hour in, for a misspelt rubric name, is
    the worst way to learn it: the driver loads them first and raises the clear error
    (RubricError, ModelError) before any job is submitted. Workers load them again,
    lazily and cached, in their own processes.
    """
    options = Options(str(rubric), marketplace, _root(images_root), lang, allow_network)
    selected_rubric(FALLBACK if options.rubric == AUTO else options.rubric, marketplace)
    resolve_model(model)
    return options


def empty(columns: Columns) -> pd.DataFrame:
    """A frame with no rows and the declared columns and types (Dask `meta`)."""
    return pd.DataFrame({name: pd.Series(dtype=_PANDAS[kind]) for name, kind in columns})


def typed(frame: pd.DataFrame, columns: Columns) -> pd.DataFrame:
    """`frame`'s declared columns in order and type: strings as Python objects, lists as
    Python lists (an engine returns numpy arrays or Arrow strings), numbers as numpy."""
    out = {}
    for name, kind in columns:
        values = frame[name]
        if kind == "list<string>":
            out[name] = pd.Series([_as_list(v) for v in values], dtype=object)
        elif kind == "string":
            out[name] = pd.Series([None if v is None or v != v else str(v) for v in values],
                                  dtype=object)
        else:
            out[name] = pd.Series(values.to_numpy(), dtype=_PANDAS[kind])
    return pd.DataFrame(out, columns=[name for name, _ in columns])


def _as_list(value: Any) -> list[Any] | None:
    if value is None or (isinstance(value, float) and value != value):
        return None
    return [None if v is None or v != v else str(v) for v in value]


def spark_schema(columns: Columns) -> str:
    """The declared columns as a Spark DDL string (list<string> -> array<string>)."""
    return ", ".join(f"`{name}` {_SPARK[kind]}" for name, kind in columns)


def input_columns(reduction: Reduction) -> tuple[tuple[str, str], ...]:
    """The columns a reduction's `reduce` reads: the prepared rows, else the keys."""
    return reduction.prepared if reduction.prepare else KEY_COLUMNS


def prepare(keys: pd.DataFrame, reduction: Reduction) -> pd.DataFrame:
    """`reduction.prepare` on one partition of keys, in its declared types."""
    assert reduction.prepare is not None
    return typed(reduction.prepare(typed(keys, KEY_COLUMNS)), reduction.prepared)


def reduce(part: pd.DataFrame, reduction: Reduction) -> pd.DataFrame:
    """`reduction.reduce` on one partition holding whole groups; empty in, empty out."""
    if part.empty:
        return empty(reduction.columns)
    return typed(reduction.reduce(typed(part, input_columns(reduction))), reduction.columns)


def context_from(tables: Mapping[str, Iterable[pd.DataFrame] | pd.DataFrame]
                 ) -> CatalogContext:
    """The context from each reduction's partitions, as one machine would have built it.

    A `distinct` table (photo pairs: found once per hash bucket two photos share, and
    buckets land in different partitions) is de-duplicated and put in a stable order.
    """
    out: dict[str, pd.DataFrame] = {}
    for reduction in REDUCTIONS:
        parts = tables[reduction.name]
        frames = [parts] if isinstance(parts, pd.DataFrame) else list(parts)
        frames = [typed(f, reduction.columns) for f in frames if len(f)]
        table = pd.concat(frames, ignore_index=True) if frames else empty(reduction.columns)
        if reduction.distinct:
            table = table.drop_duplicates().sort_values(
                [name for name, _ in reduction.columns], kind="stable")
        out[reduction.name] = table.reset_index(drop=True)
    return CatalogContext(out)


def table_rows(context: CatalogContext) -> dict[str, int]:
    """Rows per table of a context: what a cluster broadcasts, for logs and tests."""
    return {name: len(table) for name, table in context.tables.items()}

"""One partition of a catalog through the two passes that every engine runs.

Pass 1, `keys_partition`: adapt and measure the rows, keep only the compact catalog keys
(features/catalog.py). Pass 2, `score_partition`: adapt and measure again (or reload
what pass 1 measured), read the catalog context back, judge, and return one output row
per input row in the declared schema (schema.py). Both are plain functions of a pandas
frame and picklable arguments, so one machine (stream.py), Dask (`map_partitions`) and
Spark (`mapInPandas`) run the very same code; rubrics and the model load lazily inside
whichever process calls them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd

from .adapters.frame import listings_from_frame
from .adapters.sources import user_overrides
from .fact_columns import FactTable
from .features.catalog import CatalogContext, apply_keys, catalog_keys
from .gc_pause import gc_paused
from .types import Listing


@dataclass(frozen=True)
class Reading:
    """How a partition's rows become listings: layout, column overrides, file, header row.

    `header_row` is the file row of the header, so a finding names the row a person sees
    in the file even when the rows arrive in chunks (`row_offset` rows after the header).
    """

    source: str | None = None
    columns: tuple[tuple[str, Any], ...] = ()
    path: str | None = None
    fmt: str = "frame"
    header_row: int = 1

    @classmethod
    def of(cls, source: str | None = None, columns: Mapping[str, Any] | None = None,
           **kwargs: Any) -> Reading:
        pairs = tuple((k, tuple(v) if isinstance(v, list) else v)
                      for k, v in (columns or {}).items())
        return cls(source, pairs, **kwargs)


def adapt(pdf: pd.DataFrame, row_offset: int = 0, reading: Reading | None = None
          ) -> list[Listing]:
    """The partition's rows as listings (one per row, same order, ids from the index)."""
    reading = reading or Reading()
    overrides = user_overrides({k: list(v) if isinstance(v, tuple) else v
                                for k, v in reading.columns} or None)
    catalog = listings_from_frame(pdf, path=reading.path, source=reading.source,
                                  user=overrides, fmt=reading.fmt,
                                  header_row=reading.header_row + row_offset)
    return list(catalog.listings)


def rows_of(row_offset: int, n: int) -> range:
    return range(row_offset, row_offset + n)


def measure_all(listings: Sequence[Listing], options: Any) -> list[dict[str, Any]]:
    """Every listing's facts; the collector paused meanwhile (see gc_pause.py)."""
    from .api import measure  # api imports this module's users; keep the import lazy

    with gc_paused():
        return [measure(item, options) for item in listings]


def keys_partition(pdf: pd.DataFrame, options: Any, row_offset: int = 0,
                   reading: Reading | None = None) -> pd.DataFrame:
    """Pass 1: the catalog keys of a partition (features/catalog.KEY_COLUMNS)."""
    listings = adapt(pdf, row_offset, reading)
    facts = measure_all(listings, options)
    return catalog_keys(facts, [li.id for li in listings], rows_of(row_offset, len(listings)))


def score_partition(pdf: pd.DataFrame, context: CatalogContext, options: Any,
                    model: Any = None, row_offset: int = 0,
                    reading: Reading | None = None) -> pd.DataFrame:
    """Pass 2: one output row per input row (schema.OUTPUT_SCHEMA), index kept."""
    listings = adapt(pdf, row_offset, reading)
    facts = measure_all(listings, options)
    return judge_measured(listings, facts, context, options, model, row_offset, pdf.index)


def judge_measured(listings: Sequence[Listing], facts: list[dict[str, Any]] | FactTable,
                   context: CatalogContext, options: Any, model: Any, row_offset: int,
                   index: Any) -> pd.DataFrame:
    """Apply the catalog context to measured listings and judge them over columns.

    The columnar judge (judge_frame.py) gives exactly the table the per-listing path
    gives, rendering only each row's top suggestion instead of every message. The
    collector is paused (gc_pause.py): judging a 20,000-row chunk builds columns, arrays
    and verdicts while every fact dict is alive, and its scans over them were a third to
    a half of the judging time.
    """
    from .judge_frame import judge_frame

    with gc_paused():
        keys = apply_keys(facts, rows_of(row_offset, len(listings)))
        context.for_rows(row_offset, row_offset + len(listings)).apply(facts, keys)
        return judge_frame(listings, facts, options, model, index=index)

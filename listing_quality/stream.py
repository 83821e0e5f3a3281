"""Score catalogs larger than memory: two passes over chunks, bounded memory, every core.

Pass 1 reads each chunk once, and worker processes adapt and measure it, keep only the
compact catalog keys, and spill the measured facts to a temporary file (spill.py: JSON,
no pickle; reading a listing back costs a small fraction of measuring it again). The
catalog context (peer prices, duplicate titles and photos) is reduced once from all keys.
Pass 2 judges each slice from its spill file alone, with its own rows of the context, and
yields the chunk's scores. Memory holds a chunk or two, the keys and the context — never
the catalog.

A catalog that fits in one chunk takes the direct path: measured once, no spill.
"""

from __future__ import annotations

import functools
import os
import sys
import tempfile
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pandas as pd

from . import spill
from .features.catalog import REDUCTIONS, CatalogContext, catalog_keys
from .gc_pause import gc_paused
from .partition import Reading, adapt, judge_measured, measure_all, rows_of
from .progress import tracker
from .report._common import spreadsheet_safe_column
from .schema import dask_meta
from .stream_pool import ChunkPool
from .stream_sources import Source, source_of
from .types import Listing

DEFAULT_CHUNK = 20_000


def score_chunks(data: Any, options: Any, *, model: Any = None,
                 chunk_size: int = DEFAULT_CHUNK, n_jobs: int = 1, progress: bool = False,
                 reading: Reading | None = None) -> Iterator[pd.DataFrame]:
    """Yield the scores of each chunk of `data` (a DataFrame or a CSV/Parquet path)."""
    reading = reading or Reading()
    if isinstance(data, pd.DataFrame) and len(data) <= chunk_size:
        yield from _listing_chunks(adapt(data, 0, reading), options, model, chunk_size,
                                   n_jobs, progress, data.index)
        return
    source = source_of(data, reading)
    if source.whole is not None:
        yield from _listing_chunks(list(source.whole.listings), options, model, chunk_size,
                                   n_jobs, progress)
        return
    with tempfile.TemporaryDirectory(prefix="lq-spill-") as folder, ChunkPool(n_jobs) as pool:
        try:
            context, parts = _pass_one(source, options, chunk_size, pool, progress, folder)
        except (pd.errors.ParserError, UnicodeDecodeError):
            # an odd row or a late encoding change: the whole-file reader keeps every row
            # (and says what was wrong with it), so read it whole instead of failing
            whole = source_of(data, Reading(reading.source, reading.columns), stream=False)
            yield from _listing_chunks(list(whole.whole.listings), options, model,
                                       chunk_size, n_jobs, progress)
            return
        yield from _pass_two(source, parts, context, options, model, pool, progress, folder)


Parts = list[list[tuple[int, int]]]  # per chunk: (row offset, rows) of each worker's slice


def _pass_one(source: Source, options: Any, chunk_size: int, pool: ChunkPool,
              progress: bool, folder: str) -> tuple[CatalogContext, Parts]:
    """Measure every chunk once, spill its facts, and reduce the catalog context."""
    keys: list[pd.DataFrame] = []
    parts: Parts = []
    measured = 0
    jobs = (([(o, len(p)) for p, o in sliced],
             [(p, o, source.reading, options, folder) for p, o in sliced])
            for sliced in (pool.split(frame, offset)
                           for frame, offset in source.chunks(chunk_size)))
    for chunk, part_keys in pool.run(jobs, _measure_part):
        parts.append(chunk)
        keys.extend(part_keys)
        measured += sum(n for _, n in chunk)
        if progress:
            print(f"listing-quality: measured {measured:,} listings", file=sys.stderr)
    all_keys = pd.concat(keys, ignore_index=True) if keys else catalog_keys([], [])
    keys.clear()  # the chunks' frames go before the reduction needs its memory
    return CatalogContext.from_keys(all_keys), parts


def _pass_two(source: Source, parts: Parts, context: CatalogContext, options: Any,
              model: Any, pool: ChunkPool, progress: bool, folder: str
              ) -> Iterator[pd.DataFrame]:
    """Judge each slice from its spilled facts alone (the input is not read again); each
    task carries only its own rows of the context, never the catalog's."""
    groups = str(Path(folder) / f"groups-{uuid.uuid4().hex}.json")
    spill.write_tables(groups, context.groups().tables)
    jobs = ((chunk, [(groups, folder, o, options, model, context.rows_only(o, o + n))
                      for o, n in chunk])
            for chunk in parts)
    with tracker(sum(n for chunk in parts for _, n in chunk), progress, "judge") as tick:
        for chunk, scored in pool.run(jobs, _judge_part):
            for frame, (offset, n) in zip(scored, chunk, strict=True):
                frame.index = source.labels(offset, n)
                tick(n)
            yield pd.concat(scored) if scored else dask_meta()


@gc_paused()  # a worker's whole task: see gc_pause.py
def _measure_part(pdf: pd.DataFrame, offset: int, reading: Reading, options: Any,
                  folder: str) -> pd.DataFrame:
    """Pass 1 in a worker: measure a slice, spill what judging needs, return its keys.

    A spilled row holds the listing's id, category and title besides its facts: that is
    all judging reads of a listing (its id, and its rubric, chosen from category and
    title), so pass 2 never reads or adapts the input again.
    """
    listings = adapt(pdf, offset, reading)
    facts = measure_all(listings, options)
    spill.write(spill.path_of(folder, offset),
                [(li.id, li.category, li.title, row) for li, row in zip(listings, facts,
                                                                      strict=True)])
    return catalog_keys(facts, [li.id for li in listings], rows_of(offset, len(listings)))


@gc_paused()
def _judge_part(groups: str, folder: str, offset: int, options: Any, model: Any,
                rows: CatalogContext) -> pd.DataFrame:
    """Pass 2 in a worker: a slice's scores from its spilled facts (index set by the caller).

    The task carries its own rows of the per-listing tables; the peer-group tables, which
    every slice reads whole, are read from `groups` once per worker (at a million listings
    they hold 80,000 groups, and shipping them with each task, then indexing them again,
    cost more than judging against them). Its facts are read as columns (`FactTable`),
    which is how judging reads them.
    """
    ids, categories, titles, facts = spill.read_table(spill.path_of(folder, offset))
    listings = [Listing(id=item_id, title=title, category=category)
                for item_id, category, title in zip(ids, categories, titles, strict=True)]
    context = rows.with_tables(_group_tables(groups))
    return judge_measured(listings, facts, context, options, model, offset, None)


@functools.lru_cache(maxsize=1)
def _group_tables(path: str) -> CatalogContext:
    """A run's group tables in their declared types (the path is unique to the run)."""
    from .engines_common import typed  # engines_common imports api, which imports us

    declared = {r.name: r.columns for r in REDUCTIONS}
    return CatalogContext({name: typed(table, declared[name])
                           for name, table in spill.read_tables(path).items()})


def _listing_chunks(listings: list[Listing], options: Any, model: Any, chunk_size: int,
                    n_jobs: int, progress: bool, index: Any = None) -> Iterator[pd.DataFrame]:
    """Listings held in memory (one chunk, or XLSX/JSONL/odd CSV read whole): measured
    once, no spill, judged chunk by chunk."""
    from .api import _measure_all

    with tracker(len(listings), progress) as tick:
        facts = _measure_all(listings, options, n_jobs, tick)
    ids = [li.id for li in listings]
    context = CatalogContext.from_keys(catalog_keys(facts, ids))
    for start in range(0, len(listings), chunk_size):
        part = listings[start:start + chunk_size]
        rows = pd.RangeIndex(start, start + len(part)) if index is None \
            else index[start:start + len(part)]
        yield judge_measured(part, facts[start:start + chunk_size], context, options, model,
                             start, rows)


def _csv_cells(part: pd.DataFrame) -> pd.DataFrame:
    """The chunk as its CSV cells: text escaped against formula injection, and floats as
    the text `to_csv` would write (`repr`, which is numpy's `astype(str)`; "" for NaN),
    made here because numpy's conversion was a fifth of the main process's time."""
    cells = {}
    for name, column in part.items():
        if column.dtype.kind == "f":
            cells[name] = [repr(v) if v == v else "" for v in column.tolist()]
        elif not pd.api.types.is_numeric_dtype(column):  # object, or pandas' str dtype
            cells[name] = spreadsheet_safe_column(column.tolist())
    return part.assign(**cells)


def score_file(data: Any, out: str | os.PathLike, options: Any,
               on_chunk: Callable[[pd.DataFrame], None] | None = None, **kwargs: Any) -> int:
    """Stream the scores of `data` into a CSV ("-" = stdout) or Parquet file.

    Text cells written to CSV are escaped against spreadsheet formula injection (sellers
    write the titles that end up in `top_suggestion`). `on_chunk` sees each chunk as it
    is written (the CLI counts grades with it). Returns the number of rows written.
    """
    target, written, writer = str(out), 0, None
    parquet = target.lower().endswith(".parquet")
    for part in score_chunks(data, options, **kwargs):
        if parquet:
            import pyarrow as pa
            import pyarrow.parquet as pq

            table = pa.Table.from_pandas(part, preserve_index=False)
            writer = writer or pq.ParquetWriter(target, table.schema)
            writer.write_table(table)
        else:
            _csv_cells(part).to_csv(sys.stdout if target == "-" else target,
                                    mode="a" if written else "w", header=not written,
                                    index=False)
        written += len(part)
        if on_chunk is not None:
            on_chunk(part)
    if writer is not None:
        writer.close()
    return written

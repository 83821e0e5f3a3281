"""Score catalogs larger than memory: two passes over chunks, bounded memory, every core.

Pass 1 adapts and measures each chunk (in worker processes), keeps only the compact
catalog keys, and spills the measured facts to a temporary file (gzip'd JSON lines: no
pickle, and reloading is ~8x cheaper than measuring again, photos included). The catalog
context (peer prices, duplicate titles and photos) is reduced once from all keys. Pass 2
re-reads each chunk, reloads its facts, applies the context, judges, and yields the
chunk's scores. Memory holds one chunk, the keys and the context — never the catalog.

A catalog that fits in one chunk takes the direct path: measured once, no spill.
"""

from __future__ import annotations

import gzip
import json
import os
import sys
import tempfile
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

import pandas as pd

from .features.catalog import CatalogContext, catalog_keys
from .partition import Reading, adapt, judge_measured, measure_all, rows_of
from .progress import tracker
from .report._common import spreadsheet_safe
from .schema import dask_meta
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
    with tempfile.TemporaryDirectory(prefix="lq-spill-") as spill:
        try:
            context, total = _pass_one(source, options, chunk_size, n_jobs, progress, spill)
        except (pd.errors.ParserError, UnicodeDecodeError):
            # an odd row or a late encoding change: the whole-file reader keeps every row
            # (and says what was wrong with it), so read it whole instead of failing
            whole = source_of(data, Reading(reading.source, reading.columns), stream=False)
            yield from _listing_chunks(list(whole.whole.listings), options, model,
                                       chunk_size, n_jobs, progress)
            return
        # each task carries only its own rows of the context, never the catalog's
        judged = _each_chunk(source, chunk_size, n_jobs, _judge_part, lambda p, o: (
            source.reading, options, model, spill, context.for_rows(o, o + len(p))))
        with tracker(total, progress, "judge") as tick:
            for frame, scored in judged:
                tick(len(frame))
                yield pd.concat(scored) if scored else dask_meta()


def _pass_one(source: Source, options: Any, chunk_size: int, n_jobs: int, progress: bool,
              spill: str) -> tuple[CatalogContext, int]:
    """Measure every chunk once, spill its facts, and reduce the catalog context."""
    keys, total = [], 0
    measured = _each_chunk(source, chunk_size, n_jobs, _measure_part,
                           lambda p, o: (source.reading, options, spill))
    for frame, part_keys in measured:
        keys.extend(part_keys)
        total += len(frame)
        if progress:
            print(f"listing-quality: measured {total:,} listings", file=sys.stderr)
    all_keys = pd.concat(keys, ignore_index=True) if keys else catalog_keys([], [])
    keys.clear()  # the chunks' frames go before the reduction needs its memory
    return CatalogContext.from_keys(all_keys), total


def _measure_part(pdf: pd.DataFrame, offset: int, reading: Reading, options: Any,
                  spill: str) -> pd.DataFrame:
    listings = adapt(pdf, offset, reading)
    facts = measure_all(listings, options)
    with gzip.open(_spill_path(spill, offset), "wt", encoding="utf-8", compresslevel=1) as out:
        for row in facts:
            out.write(json.dumps(row, default=_plain, separators=(",", ":")) + "\n")
    return catalog_keys(facts, [li.id for li in listings], rows_of(offset, len(listings)))


def _judge_part(pdf: pd.DataFrame, offset: int, reading: Reading, options: Any, model: Any,
                spill: str, context: CatalogContext) -> pd.DataFrame:
    listings = adapt(pdf, offset, reading)
    with gzip.open(_spill_path(spill, offset), "rt", encoding="utf-8") as handle:
        facts = [json.loads(line) for line in handle]
    return judge_measured(listings, facts, context, options, model, offset, pdf.index)


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


def _spill_path(spill: str, offset: int) -> str:
    return str(Path(spill) / f"rows-{offset:012d}.jsonl.gz")


def _plain(value: Any) -> Any:
    """numpy scalars as Python numbers, sets as sorted lists; else its text (never raise:
    a fact JSON cannot hold must not stop the batch)."""
    if hasattr(value, "item"):
        return value.item()
    if isinstance(value, (set, frozenset)):
        return sorted(value, key=str)
    return str(value)


def _each_chunk(source: Source, chunk_size: int, n_jobs: int, task: Callable[..., Any],
                extra: Callable[[pd.DataFrame, int], tuple]) -> Iterator[tuple[pd.DataFrame, list]]:
    """Each chunk with its tasks' results: one contiguous slice per worker, run as
    `task(slice, row_offset, *extra(slice, row_offset))`, results in slice order."""
    from .api import _workers

    workers = _workers(n_jobs, 1 << 30)
    with _Inline() if workers <= 1 else ProcessPoolExecutor(max_workers=workers) as pool:
        for frame, offset in source.chunks(chunk_size):
            size = max(1, -(-len(frame) // workers))
            parts = [(frame.iloc[i:i + size], offset + i) for i in range(0, len(frame), size)]
            args = [(p, o, *extra(p, o)) for p, o in parts]
            yield frame, list(pool.map(task, *zip(*args, strict=True))) if args else []


class _Inline:
    """A one-process stand-in for the pool: same calls, no pickling, no processes."""

    def map(self, fn: Any, *iterables: Any) -> Iterator[Any]:
        return map(fn, *iterables)

    def __enter__(self) -> _Inline:
        return self

    def __exit__(self, *exc: object) -> None:
        return None


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
            safe = part.apply(lambda column: column.map(spreadsheet_safe)
                              if column.dtype == object else column)
            safe.to_csv(sys.stdout if target == "-" else target, mode="a" if written else "w",
                        header=not written, index=False)
        written += len(part)
        if on_chunk is not None:
            on_chunk(part)
    if writer is not None:
        writer.close()
    return written

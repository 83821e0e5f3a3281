"""Measured facts spilled to disk between the two streamed passes, and read back.

A spill file is gzip'd JSON lines (no pickle: the file is data, never code). Every
listing of a slice has the same facts in the same order, so the first line names them
once and each row holds only their values, by position: `[id, category, title, values]`.
Names are most of the bytes of a fact dict (a hundred "packaging.amount_stated"-like keys
a row), so rows shrink to a fraction, and reading a row back is one C-level `json.loads`
and `dict(zip(names, values))` — no per-fact Python work either way. A row whose facts
are not the usual ones (a measurement that failed, a caller's own measure) also stores
its own names. Reading gives exactly the dicts plain JSON lines gave: the same keys in
the same order, the same values, and a fresh list or dict in every row.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from .fact_columns import FactTable

Row = tuple[str, str, str, dict[str, Any]]  # id, category, title, facts


def path_of(folder: str, offset: int) -> str:
    """The spill file of the slice that starts at catalog row `offset`."""
    return str(Path(folder) / f"rows-{offset:012d}.jsonl.gz")


def write(path: str, rows: Sequence[Row]) -> None:
    """Write `rows` (id, category, title, facts): the fact names once, then values."""
    names = list(rows[0][3]) if rows else []
    with gzip.open(path, "wt", encoding="utf-8", compresslevel=1) as out:
        out.write(_dumps(names) + "\n")
        for item_id, category, title, facts in rows:
            line = [item_id, category, title, list(facts.values())]
            if len(facts) != len(names) or list(facts) != names:
                line.append(list(facts))
            out.write(_dumps(line) + "\n")


def read(path: str) -> Iterator[Row]:
    """The rows `write` was given, facts as plain JSON would give them back."""
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        names: list[str] = json.loads(next(handle))
        for line in handle:
            item_id, category, title, values, *own = json.loads(line)
            yield item_id, category, title, dict(zip(own[0] if own else names, values, strict=True))


def read_table(path: str) -> tuple[list[str], list[str], list[str], FactTable]:
    """The rows `write` was given, as columns: ids, categories, titles and their facts.

    Judging reads facts by columns, so the rows are transposed as they are, without a
    dict per listing. A row with facts of its own (see `write`) is laid out in the names
    of all the rows, its missing facts None, as every columnar reader takes them.
    """
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        names: list[str] = json.loads(next(handle))
        rows = [json.loads(line) for line in handle]
    ids, categories, titles = ([row[k] for row in rows] for k in range(3))
    if any(len(row) > 4 for row in rows):
        names, values = _common(names, rows)
    else:
        values = [row[3] for row in rows]
    return ids, categories, titles, FactTable.from_rows(names, values)


def _common(names: list[str], rows: list[list[Any]]) -> tuple[list[str], list[list[Any]]]:
    """Rows of values in the names every row has or its own, in first-seen order."""
    named = [dict(zip(row[4] if len(row) > 4 else names, row[3], strict=True))
             for row in rows]
    every = list(dict.fromkeys(name for facts in named for name in facts))
    return every, [[facts.get(name) for name in every] for facts in named]


def write_tables(path: str, tables: Mapping[str, pd.DataFrame]) -> None:
    """Small tables as one JSON file of columns (a streamed run's peer-group tables,
    written once by the main process and read once by each worker)."""
    data = {name: {column: table[column].tolist() for column in table.columns}
            for name, table in tables.items()}
    Path(path).write_text(_dumps(data), encoding="utf-8")


def read_tables(path: str) -> dict[str, pd.DataFrame]:
    """The tables `write_tables` wrote, column by column (types are the caller's to set:
    JSON keeps numbers, texts and booleans, not dtypes)."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    return {name: pd.DataFrame(columns) for name, columns in data.items()}


def plain(value: Any) -> Any:
    """numpy scalars as Python numbers, sets as sorted lists; else its text (never raise:
    a fact JSON cannot hold must not stop the batch)."""
    if hasattr(value, "item"):
        return value.item()
    if isinstance(value, (set, frozenset)):
        return sorted(value, key=str)
    return str(value)


_ENCODER = json.JSONEncoder(default=plain, separators=(",", ":"))
"""`json.dumps(value, default=plain, separators=...)`, whose keyword arguments build a new
encoder on every call: once per spilled row."""


def _dumps(value: Any) -> str:
    return _ENCODER.encode(value)

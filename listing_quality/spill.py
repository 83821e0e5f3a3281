"""Measured facts spilled to disk between the two streamed passes, and read back.

A spill file is one slice's facts as gzip'd JSON (no pickle: the file is data, never
code), laid out by column: a line naming the facts, a line each for the listings' ids,
categories and titles, a line with the fact names of the few rows whose facts are not the
usual ones (a measurement that failed, a caller's own measure), then one line per fact
holding every listing's value of it. Judging reads facts by column, so pass 2 decodes a
few hundred long lines, not a line per listing that it would then transpose; and a fact
name is written once per slice, not once per listing.

Reading rows (`read`) gives exactly the dicts plain JSON lines gave: the same keys in the
same order, the same values, a fresh list or dict in every row. Reading a table
(`read_table`) gives the columns, a row's missing facts None, as every columnar reader
takes them.
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
    return str(Path(folder) / f"rows-{offset:012d}.json.gz")


def write(path: str, rows: Sequence[Row]) -> None:
    """Write `rows` (id, category, title, facts), fact by fact."""
    names = list(rows[0][3]) if rows else []
    own = {i: list(facts) for i, (*_, facts) in enumerate(rows)
           if len(facts) != len(names) or list(facts) != names}
    if own:
        names = list(dict.fromkeys(name for *_, facts in rows for name in facts))
        columns: Any = ([facts.get(name) for *_, facts in rows] for name in names)
    else:
        columns = zip(*[facts.values() for *_, facts in rows], strict=True)  # in C
    usual = len(rows[0][3]) if rows else 0  # the first row's names come first in `names`
    lines = [_dumps(names), *(_dumps([row[k] for row in rows]) for k in range(3)),
             _dumps([usual, {str(i): own_names for i, own_names in own.items()}]),
             *map(_dumps, columns)]
    Path(path).write_bytes(gzip.compress("\n".join(lines).encode("utf-8"), compresslevel=1))


def _lines(path: str) -> tuple[list[str], list[list[str]], dict[int, list[str]], list[str]]:
    """(fact names, [ids, categories, titles], each row's names, each fact's raw line);
    a row's names are the usual ones (the first `usual` names) unless it has its own."""
    lines = gzip.decompress(Path(path).read_bytes()).decode("utf-8").split("\n")
    names = json.loads(lines[0])
    usual, own = json.loads(lines[4])
    ids, categories, titles = (json.loads(line) for line in lines[1:4])
    row_names = [names[:usual]] * len(ids)
    for i, own_names in own.items():
        row_names[int(i)] = own_names
    return names, [ids, categories, titles], row_names, lines[5:]


def read(path: str) -> Iterator[Row]:
    """The rows `write` was given, facts as plain JSON would give them back."""
    names, (ids, categories, titles), row_names, lines = _lines(path)
    columns = dict(zip(names, map(json.loads, lines), strict=True))
    for i, own in enumerate(row_names):
        yield ids[i], categories[i], titles[i], {name: columns[name][i] for name in own}


def read_table(path: str) -> tuple[list[str], list[str], list[str], FactTable]:
    """The rows `write` was given, as columns: ids, categories, titles and their facts."""
    names, (ids, categories, titles), _, lines = _lines(path)
    return ids, categories, titles, FactTable(
        dict(zip(names, map(json.loads, lines), strict=True)), len(ids))


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

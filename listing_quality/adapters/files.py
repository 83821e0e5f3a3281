"""`read_catalog`: any supported source -> Catalog; plus JSONL and in-memory mappings.

The format comes from the file extension, and for an unknown extension from the first
bytes (a ZIP is XLSX, "{" is JSONL). Anything else is an `AdapterError` naming the file,
what was found and what is accepted.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import pandas as pd

from ..types import Listing, SourceRef
from .catalog import AdapterError, Catalog, finish, missing_title
from .columns import FIELDS, is_title_header, resolve, spec
from .csvfile import decode, read_csv
from .frame import listings_from_frame
from .mapping import mapping_listing
from .xlsxfile import read_xlsx

EXTENSIONS = {".csv": "csv", ".tsv": "csv", ".txt": "csv", ".xlsx": "xlsx", ".xlsm": "xlsx",
              ".jsonl": "jsonl", ".ndjson": "jsonl"}
Source = str | os.PathLike | pd.DataFrame | Iterable[Mapping[str, Any]]


def read_catalog(source: Source, *, sheet: str | None = None) -> Catalog:
    """A path (CSV/TSV, XLSX, JSONL), a DataFrame, one mapping or an iterable of them.

    `sheet` picks an XLSX sheet by name; by default the template sheet, else the first
    sheet with a title column.
    """
    if isinstance(source, pd.DataFrame):
        return listings_from_frame(source)
    if isinstance(source, (str, os.PathLike)):
        return read_path(os.fspath(source), sheet=sheet)
    if isinstance(source, Mapping):
        return mappings_catalog([source])
    if isinstance(source, Iterable) and not isinstance(source, (bytes, bytearray)):
        return mappings_catalog(source)
    raise TypeError(f"read_catalog: expected a path, a DataFrame or mappings, "
                    f"got {type(source).__name__}")


def read_path(path: str, *, sheet: str | None = None) -> Catalog:
    target = Path(path)
    if not target.is_file():
        what = "a directory" if target.is_dir() else "no such file"
        raise AdapterError(f"{path}: cannot read catalog ({what}); expected a .csv, .tsv, "
                           ".xlsx or .jsonl file")
    fmt = EXTENSIONS.get(target.suffix.lower())
    if fmt == "xlsx":
        return read_xlsx(path, sheet)
    try:
        data = target.read_bytes()
    except OSError as exc:
        raise AdapterError(f"{path}: cannot read catalog ({exc.strerror})") from None
    fmt = fmt or _sniff(path, data)
    if fmt == "xlsx":
        return read_xlsx(path, sheet)
    return read_csv(path, data) if fmt == "csv" else read_jsonl(path, data)


def _sniff(path: str, data: bytes) -> str:
    if data.startswith(b"PK\x03\x04"):
        return "xlsx"
    if data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{"):
        return "jsonl"
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise AdapterError(f"{path}: an old binary Excel file (.xls); save it as .xlsx or "
                           ".csv")
    raise AdapterError(f"{path}: unknown catalog format (extension "
                       f"{Path(path).suffix or 'none'!r}); expected .csv, .tsv, .xlsx, "
                       ".xlsm, .jsonl or .ndjson")


def read_jsonl(path: str, data: bytes) -> Catalog:
    """One JSON object per line; a broken line is still a Listing (id = line number)."""
    text, notes = decode(data)
    if not text.strip():
        raise AdapterError(f"{path}: the file is empty; expected one JSON object per line")
    items = []
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip():
            items.append((number, _json_object(line)))
    return _collect(items, path=path, fmt="jsonl", notes=notes, where=path)


def _json_object(line: str) -> Any:
    try:
        value = json.loads(line)
    except (json.JSONDecodeError, RecursionError) as exc:
        return _Broken(f"invalid JSON: {getattr(exc, 'msg', exc)}", line)
    if not isinstance(value, Mapping):
        return _Broken(f"expected a JSON object, found {type(value).__name__}", line)
    return value


class _Broken:
    def __init__(self, error: str, raw: str) -> None:
        self.error, self.raw = error, raw[:spec().max_text_chars]


def mappings_catalog(items: Iterable[Any]) -> Catalog:
    """In-memory mappings: id from an id key, else the 0-based position (as text)."""
    numbered = [(i, v if isinstance(v, Mapping) else _Broken(
        f"expected a mapping, found {type(v).__name__}", repr(v))) for i, v in enumerate(items)]
    return _collect(numbered, path=None, fmt="dict", notes=[],
                    where=f"input ({len(numbered)} mappings)")


def _collect(items: list[tuple[int, Any]], *, path: str | None, fmt: str, notes: list[str],
             where: str) -> Catalog:
    """Listings for mapping-like items; the catalog needs a title key in at least one."""
    objects = [obj for _, obj in items if isinstance(obj, Mapping)]
    keys = list(dict.fromkeys(str(k) for obj in objects for k in obj))
    if items and not is_title_header(keys):
        raise missing_title(where, keys, " (no readable item has a title key)")
    columns: dict[str, str] = {}
    listings = []
    for index, obj in items:
        listings.append(_one(index, obj, path, fmt))
        if isinstance(obj, Mapping):
            header = resolve(tuple(str(k) for k in obj)).header_of()
            columns.update({k: v for k, v in header.items() if k not in columns})
    ordered = {name: columns[name] for name in FIELDS if name in columns}
    what = "line number" if fmt == "jsonl" else "position in the input (0-based)"
    return finish(listings, path=path, fmt=fmt, columns=ordered, notes=notes, id_what=what)


def _one(index: int, obj: Any, path: str | None, fmt: str) -> Listing:
    source = SourceRef(file=path, row=index) if fmt == "jsonl" else None
    id_source = "row" if fmt == "jsonl" else "index"
    if isinstance(obj, _Broken):
        attrs = {"_row_error": obj.error, "_raw_line": obj.raw, "_id_source": id_source}
        return Listing(id=str(index), attributes=attrs, source=source)
    return mapping_listing(obj, index=index, source=source, id_source=id_source)

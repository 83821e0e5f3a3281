"""`read_catalog`: any supported input -> Catalog; plus JSONL and in-memory mappings.

The file format comes from the extension, and for an unknown extension from the first
bytes (a ZIP is XLSX, "PAR1" is Parquet, "{" is JSONL). Anything else is an
`AdapterError` naming the file, what was found and what is accepted. The *layout* (which
marketplace template) is detected from the file's first rows, or forced with `source=`
(one of `SOURCES`); `columns=` maps canonical fields to headers for anything else.
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
from .columns import FIELDS, Overrides, is_title_header, resolve, spec
from .csvfile import decode, read_csv
from .frame import listings_from_frame
from .mapping import mapping_listing
from .parquetfile import read_parquet
from .sources import AUTO, check_user, choose, profile, user_overrides
from .xlsxfile import read_xlsx

EXTENSIONS = {".csv": "csv", ".tsv": "csv", ".txt": "csv", ".xlsx": "xlsx", ".xlsm": "xlsx",
              ".jsonl": "jsonl", ".ndjson": "jsonl", ".parquet": "parquet", ".pq": "parquet"}
Input = str | os.PathLike | pd.DataFrame | Iterable[Mapping[str, Any]]


def read_catalog(data: Input, /, *, sheet: str | None = None, source: str | None = None,
                 columns: Mapping[str, Any] | None = None) -> Catalog:
    """A path (CSV/TSV, XLSX, JSONL, Parquet), a DataFrame, one mapping or an iterable.

    `sheet` picks an XLSX sheet by name; by default the template sheet, else the first
    sheet with a title column. `source` forces a layout (one of `SOURCES`; None or
    "auto" detects it). `columns` maps canonical fields to headers
    (`{"title": "Judul Barang", "photos": ["Foto A", "Foto B"]}`) and wins over every
    alias; a field or header it names that does not exist is a `SourceError`.
    """
    user = user_overrides(columns)
    if source not in (None, AUTO):
        profile(source)  # a SourceError naming the choices, before any reading
    if isinstance(data, pd.DataFrame):
        return listings_from_frame(data, source=source, user=user)
    if isinstance(data, (str, os.PathLike)):
        return read_path(os.fspath(data), sheet=sheet, source=source, user=user)
    if isinstance(data, Mapping):
        return mappings_catalog([data], source=source, user=user)
    if isinstance(data, Iterable) and not isinstance(data, (bytes, bytearray)):
        return mappings_catalog(data, source=source, user=user)
    raise TypeError(f"read_catalog: expected a path, a DataFrame or mappings, "
                    f"got {type(data).__name__}")


def read_path(path: str, *, sheet: str | None = None, source: str | None = None,
              user: Overrides = ()) -> Catalog:
    target = Path(path)
    if not target.is_file():
        what = "a directory" if target.is_dir() else "no such file"
        raise AdapterError(f"{path}: cannot read catalog ({what}); expected a .csv, .tsv, "
                           ".xlsx, .jsonl or .parquet file")
    fmt = EXTENSIONS.get(target.suffix.lower())
    if fmt in ("xlsx", "parquet"):
        return _read_binary(path, fmt, sheet, source, user)
    try:
        data = target.read_bytes()
    except OSError as exc:
        raise AdapterError(f"{path}: cannot read catalog ({exc.strerror})") from None
    fmt = fmt or _sniff(path, data)
    if fmt in ("xlsx", "parquet"):
        return _read_binary(path, fmt, sheet, source, user)
    if fmt == "csv":
        return read_csv(path, data, source=source, user=user)
    return read_jsonl(path, data, source=source, user=user)


def _read_binary(path: str, fmt: str, sheet: str | None, source: str | None,
                 user: Overrides) -> Catalog:
    if fmt == "xlsx":
        return read_xlsx(path, sheet, source=source, user=user)
    return read_parquet(path, source=source, user=user)


def _sniff(path: str, data: bytes) -> str:
    if data.startswith(b"PK\x03\x04"):
        return "xlsx"
    if data.startswith(b"PAR1"):
        return "parquet"
    if data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{"):
        return "jsonl"
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise AdapterError(f"{path}: an old binary Excel file (.xls); save it as .xlsx or "
                           ".csv")
    raise AdapterError(f"{path}: unknown catalog format (extension "
                       f"{Path(path).suffix or 'none'!r}); expected .csv, .tsv, .xlsx, "
                       ".xlsm, .jsonl, .ndjson or .parquet")


def read_jsonl(path: str, data: bytes, *, source: str | None = None,
               user: Overrides = ()) -> Catalog:
    """One JSON object per line; a broken line is still a Listing (id = line number)."""
    text, notes = decode(data)
    if not text.strip():
        raise AdapterError(f"{path}: the file is empty; expected one JSON object per line")
    items = []
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip():
            items.append((number, _json_object(line)))
    return _collect(items, path=path, fmt="jsonl", notes=notes, where=path,
                    source=source, user=user)


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


def mappings_catalog(items: Iterable[Any], *, source: str | None = None,
                     user: Overrides = ()) -> Catalog:
    """In-memory mappings: id from an id key, else the 0-based position (as text)."""
    numbered = [(i, v if isinstance(v, Mapping) else _Broken(
        f"expected a mapping, found {type(v).__name__}", repr(v))) for i, v in enumerate(items)]
    return _collect(numbered, path=None, fmt="dict", notes=[],
                    where=f"input ({len(numbered)} mappings)", source=source, user=user)


def _collect(items: list[tuple[int, Any]], *, path: str | None, fmt: str, notes: list[str],
             where: str, source: str | None = None, user: Overrides = ()) -> Catalog:
    """Listings for mapping-like items; the catalog needs a title key in at least one.

    The layout is chosen from the keys of all items (its spellings apply; a weight unit
    comes only from the key's own name here, there are no label rows to read it from).
    """
    objects = [obj for _, obj in items if isinstance(obj, Mapping)]
    keys = list(dict.fromkeys(str(k) for obj in objects for k in obj))
    reading = choose(source, user, [keys])
    if items and not is_title_header(keys, reading.overrides):
        raise missing_title(where, keys, " (no readable item has a title key)")
    check_user(reading, keys, where)
    columns: dict[str, str] = {}
    listings = []
    for index, obj in items:
        listings.append(_one(index, obj, path, fmt, reading.overrides))
        if isinstance(obj, Mapping):
            header = resolve(tuple(str(k) for k in obj), reading.overrides).header_of()
            columns.update({k: v for k, v in header.items() if k not in columns})
    ordered = {name: columns[name] for name in FIELDS if name in columns}
    what = "line number" if fmt == "jsonl" else "position in the input (0-based)"
    return finish(listings, path=path, fmt=fmt, columns=ordered,
                  notes=[*notes, *reading.notes()], id_what=what, source=reading.profile.name)


def _one(index: int, obj: Any, path: str | None, fmt: str, overrides: Overrides) -> Listing:
    source = SourceRef(file=path, row=index) if fmt == "jsonl" else None
    id_source = "row" if fmt == "jsonl" else "index"
    if isinstance(obj, _Broken):
        attrs = {"_row_error": obj.error, "_raw_line": obj.raw, "_id_source": id_source}
        return Listing(id=str(index), attributes=attrs, source=source)
    return mapping_listing(obj, index=index, source=source, id_source=id_source,
                           overrides=overrides)

"""CSV (and TSV) -> Catalog, reading every cell as text and never dropping a row.

We parse with the `csv` module ourselves rather than `pandas.read_csv`: we need the row
number a person sees in a spreadsheet (one per *record*, a quoted newline does not start a
row), and a malformed record must still come out as a row with its problem attached.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from contextlib import contextmanager
from itertools import islice

from .catalog import AdapterError, Catalog, Record, grid_catalog
from .columns import Overrides, is_title_header, spec

SEPARATORS = (",", ";", "\t")
_NAMES = {",": "','", ";": "';'", "\t": "tab"}
_UNBALANCED = "unbalanced quote: the lines after it were read one line per row"


def read_csv(path: str, data: bytes, *, source: str | None = None,
             user: Overrides = ()) -> Catalog:
    text, notes = decode(data)
    if not text.strip():
        raise AdapterError(f"{path}: the file is empty; expected a header row with a title "
                           "column and one row per listing")
    sep = sniff_separator(text)
    if sep != ",":
        notes.append(f"separator {_NAMES[sep]}")
    return grid_catalog(parse_records(text, sep), path=path, fmt="csv", notes=notes,
                        source=source, user=user)


def decode(data: bytes) -> tuple[str, list[str]]:
    """UTF-8 (BOM or not), UTF-16 with a BOM, else cp1252, else latin-1 (always works)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace"), ["encoding UTF-16"]
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError as exc:
        why = f"not UTF-8: byte {data[exc.start]:#04x} at offset {exc.start}"
    try:
        return data.decode("cp1252"), [f"encoding cp1252 ({why})"]
    except UnicodeDecodeError:
        return data.decode("latin-1"), [f"encoding latin-1 ({why})"]


def sniff_separator(text: str) -> str:
    """The separator that splits a header line into cells with a title alias in them.

    Failing that (no title column: the error comes later and lists the columns), the most
    frequent of ',', ';' and tab in the first non-blank line.
    """
    lines = list(islice(io.StringIO(text, newline=""), spec().header_search_rows))
    for line in lines:
        for sep in SEPARATORS:
            if is_title_header(next(csv.reader([line], delimiter=sep), [])):
                return sep
    first = next((line for line in lines if line.strip()), "")
    return max(SEPARATORS, key=first.count)


@contextmanager
def _big_fields() -> Iterator[None]:
    """csv refuses cells over 131,072 chars; long ones are truncated later, not lost."""
    old = csv.field_size_limit()
    csv.field_size_limit(max(old, 2**31 - 1))
    try:
        yield
    finally:
        csv.field_size_limit(old)


def parse_records(text: str, sep: str) -> list[Record]:
    """Records with their spreadsheet row numbers; entirely blank rows are skipped.

    A multi-line record with an unbalanced quote swallowed the lines after it: it is
    re-read one physical line at a time, so each of those lines is still its own row.
    """
    lines: list[str] = []
    reader = csv.reader(_recording(text, lines), delimiter=sep)
    records: list[Record] = []
    start = 0
    with _big_fields():
        while (got := _next_record(reader, lines, start))[0] is not None:
            chunk, values, error = got
            start += len(chunk)
            if values is not None and len(chunk) > 1 and "".join(chunk).count('"') % 2:
                for line in chunk:
                    cells = next(csv.reader([line.rstrip("\r\n")], delimiter=sep), [])
                    _append(records, cells, line, _UNBALANCED if line.count('"') % 2 else None)
            else:
                _append(records, values, "".join(chunk), error)
    return [r for r in records if r.values or r.error]


def _recording(text: str, lines: list[str]) -> Iterator[str]:
    """Physical lines, each also appended to `lines` (to recover a record's raw text)."""
    for line in io.StringIO(text, newline=""):
        lines.append(line)
        yield line


def _next_record(reader: Iterator[list[str]], lines: list[str],
                 start: int) -> tuple[list[str] | None, list[str] | None, str | None]:
    """(physical lines consumed, cells or None, csv error or None); (None, ...) at the end."""
    try:
        values = next(reader)
    except StopIteration:
        return None, None, None
    except csv.Error as exc:
        return lines[start:] or [""], None, f"unreadable CSV record: {exc}"
    return lines[start:], values, None


def _append(records: list[Record], cells: list[str] | None, raw: str,
            error: str | None) -> None:
    """Number every record (blank ones too, so later numbers match the sheet)."""
    number = len(records) + 1
    if cells is None:
        records.append(Record(number, [], error, {"_raw_line": raw[:spec().max_text_chars]}))
        return
    blank = not any(c.strip() for c in cells)
    records.append(Record(number, [] if blank and not error else cells, error))

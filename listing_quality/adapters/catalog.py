"""A catalog: the listings read from one source, and what the reader noticed on the way.

Tables (CSV, XLSX, DataFrame) share one path: find the header row, skip instruction rows
under it, resolve the columns once, then build one Listing per data row. A whole-file
problem (no title column, unreadable file) is an `AdapterError`; anything wrong with one
row stays on that row.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

from ..types import Listing
from .columns import (
    ColumnMap,
    Overrides,
    is_title_header,
    label_weight_unit,
    normalize_header,
    resolve,
    spec,
    title_spellings,
)
from .errors import AdapterError
from .layout import split_block
from .sources import Reading, check_user, choose, profile
from .table import Table, Where, build_listings
from .values import as_text
from .weights import catalog_unit


@dataclass(frozen=True)
class Catalog:
    """Listings in input order (one per data row) plus how they were read.

    `columns` maps each canonical field found to its header (for photos: the first photo
    column); `notes` say what a curator should know (encoding, separator, sheet, header
    row, made-up or duplicate ids, malformed rows).
    """

    listings: tuple[Listing, ...]
    path: str | None  # file it came from
    format: str  # "dict", "frame", "csv", "xlsx", "jsonl", "parquet"
    columns: dict[str, str] = field(default_factory=dict)  # canonical field -> header
    notes: tuple[str, ...] = ()
    source: str = "generic"  # the layout read: one of sources.SOURCES

    def __len__(self) -> int:
        return len(self.listings)

    def __iter__(self) -> Iterator[Listing]:
        return iter(self.listings)


@dataclass
class Record:
    """One row of a file: its spreadsheet row number, cells, and any reading problem."""

    number: int
    values: list[Any]
    error: str | None = None
    extra: dict[str, Any] | None = None


def missing_title(where: str, found: Sequence[Any] | str, detail: str = "") -> AdapterError:
    """The one error a curator sees most: says which file, what it has, what would work."""
    cols = found if isinstance(found, str) else [as_text(c) for c in found
                                                 if as_text(c).strip()]
    return AdapterError(
        f"{where}: no title column{detail}. Columns found: {cols}. Expected one of: "
        f"{', '.join(title_spellings())} (case-insensitive; '*', '_' and extra spaces "
        "ignored).")


def grid_catalog(records: list[Record], *, path: str, fmt: str, sheet: str | None = None,
                 notes: Sequence[str] = (), widen: bool = False, source: str | None = None,
                 user: Overrides = ()) -> Catalog:
    """Layout detection, header row search, instruction rows, then one Listing per record.

    `widen=True` (XLSX) gives cells right of the last header their own `_column_N`
    attribute; otherwise (CSV) they are a field-count error on that row.
    """
    limit = spec().header_search_rows
    reading = choose(source, user, [r.values for r in records if r.number <= limit], sheet)
    notes = [*notes, *reading.notes()]
    h = _header_index(records, path, sheet, reading.overrides)
    header = records[h]
    if header.number > 1:
        notes.append(f"header on row {header.number}; rows above it ignored")
    width, cmap = _header_map(records[h:], widen, reading, path)
    block, data = split_block(records[h + 1:], cmap, reading.profile, header.number)
    labels = block + (sub := _subheaders(data, cmap))
    if labels:
        notes.append(f"rows {', '.join(str(r.number) for r in labels)} read as header "
                     "labels/instructions, not listings")
    unit = cmap.weight_unit or _label_unit(labels, cmap)
    rows = [_checked(r, width, short_is_error=not widen) for r in data[len(sub):]]
    start = max([header.number, *(r.number for r in labels),
                 header.number + (reading.profile.data_row or 2) - 2])
    notes.extend(_gaps([Record(start, []), *(r for r in rows if r.number > start)]))
    return table_catalog(cmap, rows, path=path, fmt=fmt, sheet=sheet, notes=notes,
                         weight_unit=unit, reading=reading)


def _header_map(records: list[Record], widen: bool, reading: Reading,
                path: str) -> tuple[int, ColumnMap]:
    """(table width, column map) for the header row `records[0]` and the rows under it."""
    header = records[0]
    width = max([_last_filled(r.values) for r in records]) if widen else len(header.values)
    cells = [as_text(c) for c in header.values[:width]]
    cmap = resolve(tuple(cells) + ("",) * (width - len(cells)), reading.overrides)
    check_user(reading, cmap.headers, path)
    return width, cmap


def _gaps(seq: list[Record]) -> list[str]:
    """Blank rows were dropped by the readers; the row numbers still show them."""
    gaps = sum(b.number - a.number - 1 for a, b in pairwise(seq))
    return [f"{gaps} empty rows between listings skipped"] if gaps else []


def _header_index(records: list[Record], path: str, sheet: str | None,
                  overrides: Overrides = ()) -> int:
    limit = spec().header_search_rows
    for i, rec in enumerate(records):
        if rec.number > limit:
            break
        if is_title_header(rec.values, overrides):
            return i
    first = records[0].values if records else []
    where = f"{path} (sheet {sheet!r})" if sheet else path
    raise missing_title(where, first, f" in the first {limit} rows")


def _last_filled(values: Sequence[Any]) -> int:
    for j in range(len(values), 0, -1):
        if as_text(values[j - 1]).strip():
            return j
    return 0


def _subheaders(data: list[Record], cmap: ColumnMap) -> list[Record]:
    """Leading rows that repeat the header in other words or say 'wajib'/'optional'."""
    markers = spec().subheader_markers
    title = cmap.fields["title"]
    out = []
    for rec in data:
        cells = [normalize_header(as_text(c)) for c in rec.values]
        filled = [c for c in cells if c]
        title_cell = cells[title] if title < len(cells) else ""
        if not (is_title_header([title_cell]) or title_cell in markers
                or (filled and all(c in markers for c in filled))):
            break
        out.append(rec)
    return out


def _label_unit(labels: list[Record], cmap: ColumnMap) -> str | None:
    j = cmap.fields.get("weight_g")
    if j is None:
        return None
    return label_weight_unit([r.values[j] for r in labels if j < len(r.values)])


def _checked(rec: Record, width: int, short_is_error: bool = True) -> Record:
    """Pad short rows; keep the first `width` cells of long ones, the rest as attributes.

    A short CSV record lost fields (a broken line); a short XLSX row only has empty
    trailing cells, which spreadsheet writers omit, so it is not an error there.
    """
    values, extra = list(rec.values), dict(rec.extra or {})
    error = rec.error
    if len(values) > width:
        spill = [as_text(v) for v in values[width:]]
        if any(v.strip() for v in spill):
            error = error or f"expected {width} fields, found {len(values)}"
            extra["_extra_fields"] = spill
        values = values[:width]
    elif short_is_error and len(values) < width and rec.error is None and values:
        error = f"expected {width} fields, found {len(values)}"
    if error:
        extra["_row_error"] = error
    values += [None] * (width - len(values))
    return Record(rec.number, values, error, extra or None)


def table_catalog(cmap: ColumnMap, rows: Iterable[Record] | Table, *, path: str | None,
                  fmt: str, sheet: str | None = None, notes: Sequence[str] = (),
                  weight_unit: str | None = None, fallback: Callable[[int], str] | None = None,
                  where: str | None = None, reading: Reading | None = None) -> Catalog:
    """Rows under a resolved header (file records, or a frame's `Table`) -> Catalog.
    `fallback` gives the id of row i (0-based) when it has none (a DataFrame's index);
    otherwise the row number is the id."""
    if "title" not in cmap.fields:
        raise missing_title(where or str(path), cmap.headers)
    reading = reading or Reading(profile("generic"))
    table = rows if isinstance(rows, Table) else _table(list(rows), len(cmap.headers))
    notes = [*notes, *cmap.notes]
    unit = catalog_unit(cmap, table.columns, weight_unit, reading.profile.weight_unit, notes)
    what = "DataFrame index" if fallback is not None else "spreadsheet row number"
    what = "record number (from 1)" if fmt == "parquet" else what
    numbers = table.numbers
    shared = Where(path, sheet, unit or cmap.weight_unit, "row" if fallback is None else
                   "index", fallback or (lambda i: str(numbers[i])))
    listings = build_listings(cmap, table, shared)
    return finish(listings, path=path, fmt=fmt, columns=cmap.header_of(), notes=notes,
                  id_what=what, source=reading.profile.name)


def _table(rows: list[Record], width: int) -> Table:
    return Table.of_rows([r.number for r in rows], [r.values for r in rows],
                         [r.extra for r in rows], width)


def finish(listings: Sequence[Listing], *, path: str | None, fmt: str,
           columns: dict[str, str], notes: Sequence[str], id_what: str,
           source: str = "generic") -> Catalog:
    """Add the catalog-wide notes: ids made up, duplicate ids, rows with errors."""
    notes, what = list(notes), id_what
    if "id" not in columns:
        accepted = ", ".join(spec().spellings["id"])
        notes.append(f"no id column (accepted: {accepted}); id = {what}")
    else:
        made = sum(1 for li in listings if "_id_source" in li.attributes)
        if made:
            notes.append(f"{made} rows have an empty id; id = {what}")
    notes.extend(_duplicate_note(listings))
    bad = [li.id for li in listings if "_row_error" in li.attributes]
    if bad:
        notes.append(f"{len(bad)} malformed rows kept (attributes['_row_error']): "
                     f"{_some(bad)}")
    return Catalog(listings=tuple(listings), path=path, format=fmt, columns=columns,
                   notes=tuple(notes), source=source)


def _duplicate_note(listings: Sequence[Listing]) -> list[str]:
    counts = Counter(li.id for li in listings)
    dups = [f"{k!r} x{n}" for k, n in counts.items() if n > 1]
    return [f"duplicate ids kept as is (one row in, one row out): {_some(dups)}"] if dups \
        else []


def _some(items: Sequence[str], limit: int = 10) -> str:
    more = f" and {len(items) - limit} more" if len(items) > limit else ""
    return ", ".join(str(i) for i in items[:limit]) + more

"""XLSX -> Catalog: the sheet with a title column, its header row, cached cell values.

Read-only streaming mode keeps memory flat on big exports; `data_only=True` reads the
values Excel last computed, never formulas. Marketplace templates put instructions above
the header (Tokopedia: header on row 3) and label rows under machine keys (Shopee), so
the header is searched for, not assumed.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from typing import Any

from .catalog import AdapterError, Catalog, Record, grid_catalog, missing_title
from .columns import Overrides, is_title_header, spec
from .sources import AUTO, profile
from .values import as_text


def read_xlsx(path: str, sheet: str | None = None, *, source: str | None = None,
              user: Overrides = ()) -> Catalog:
    """The template sheet of a workbook -> Catalog (`source`: see `sources.SOURCES`).

    Protected sheets read like any other (protection only stops editing in Excel);
    merged cells keep their value in the top-left cell and are empty elsewhere.
    """
    import openpyxl  # only XLSX input needs it

    wanted = _sheets_of(source)
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - see _damaged
        raise _damaged(path, exc) from None
    try:
        name = choose_sheet(book, path, sheet, wanted, user)
        records = _records(book[name])
    except AdapterError:
        raise
    except Exception as exc:  # noqa: BLE001 - rows are parsed lazily, damage shows up here
        raise _damaged(path, exc) from None
    finally:
        book.close()
    return grid_catalog(records, path=path, fmt="xlsx", sheet=name, notes=[f"sheet {name!r}"],
                        widen=True, source=source, user=user)


def _damaged(path: str, exc: Exception) -> AdapterError:
    """One whole-file error for any damage openpyxl meets.

    A workbook is a ZIP of XML parts; a broken part surfaces from openpyxl as a ZIP
    error, an XML ParseError, a TypeError from an unknown attribute or a ValueError from
    a bad cell reference — all the same fact for a curator: this file cannot be read.
    """
    what = "not a ZIP file" if isinstance(exc, zipfile.BadZipFile) else type(exc).__name__
    return AdapterError(f"{path}: not a readable XLSX workbook ({what}: {exc}); expected an "
                        ".xlsx file saved by Excel, LibreOffice or a marketplace - open it "
                        "there and save it again")


def _sheets_of(source: str | None) -> tuple[str, ...]:
    """Sheets to try first: the forced marketplace's, then the usual template sheets."""
    own = profile(source).sheets if source not in (None, AUTO) else ()
    return (*own, *spec().preferred_sheets)


def choose_sheet(book: Any, path: str, sheet: str | None,
                 wanted: tuple[str, ...] = (), user: Overrides = ()) -> str:
    """`sheet` if given; else a preferred template sheet, else the first with a title.

    A guide sheet ("Petunjuk", "Panduan") often comes first; it has no title header, so
    it is passed over.
    """
    names = list(book.sheetnames)
    if sheet is not None:
        if sheet not in names:
            raise AdapterError(f"{path}: no sheet {sheet!r}; sheets found: {names}")
        return sheet
    preferred = [n.casefold() for n in wanted or spec().preferred_sheets]
    order = sorted(names, key=lambda n: preferred.index(n.casefold())
                   if n.casefold() in preferred else len(preferred))
    heads = {}
    for name in order:
        head = _head(book[name])
        if any(is_title_header(row, user) for row in head):
            return name
        heads[name] = next((row for row in head if any(as_text(c).strip() for c in row)), ())
    found = "; ".join(f"{n!r}: {[as_text(c) for c in h if as_text(c).strip()]}"
                      for n, h in heads.items())
    raise missing_title(path, f"(per sheet) {found or 'none, the workbook is empty'}",
                        f" in the first {spec().header_search_rows} rows of any sheet")


def _head(ws: Any) -> list[tuple[Any, ...]]:
    ws.reset_dimensions()  # some writers store a wrong size; read what is really there
    return list(ws.iter_rows(max_row=spec().header_search_rows, values_only=True))


def _records(ws: Any) -> list[Record]:
    """Non-blank rows with their sheet row numbers (blank and formatted-only rows dropped;
    the gaps in the numbers show where they were)."""
    return [Record(number, list(row)) for number, row in _numbered(ws)
            if any(v is not None and as_text(v).strip() for v in row)]


def _numbered(ws: Any) -> Iterator[tuple[int, tuple[Any, ...]]]:
    ws.reset_dimensions()
    for cells in ws.iter_rows():
        real = [c for c in cells if getattr(c, "row", None) is not None]
        if real:
            yield real[0].row, tuple(_value(c) for c in cells)


def _value(cell: Any) -> Any:
    return getattr(cell, "value", None)

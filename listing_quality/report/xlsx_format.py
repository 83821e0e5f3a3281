"""XLSX for curators: a "listings" sheet (the CSV columns) and a "findings" sheet.

A spreadsheet is where sellers' text is most dangerous: openpyxl stores any string that
starts with "=" as a formula. Every text cell therefore goes through `spreadsheet_safe`
(the same apostrophe escaping as the CSV format) and is typed as a string, and the
characters XML cannot hold are removed. Returns bytes: XLSX is a ZIP, not text.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Mapping
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from listing_quality.report._common import (
    as_dicts,
    finite,
    iter_findings,
    pick,
    position,
    spreadsheet_safe,
)
from listing_quality.report.csv_format import COLUMNS, listing_row

FINDING_COLUMNS = ("id", "code", "name", "dimension", "severity", "points", "message",
                   "suggestion", "file", "row", "column")


def write(results: Iterable[Any], *, lang: str = "id",
          meta: Mapping[str, Any] | None = None) -> bytes:
    rows = as_dicts(results)
    book = Workbook()
    listings = book.active
    listings.title = "listings"
    _fill(listings, COLUMNS, (listing_row(r, lang) for r in rows))
    _fill(book.create_sheet("findings"), FINDING_COLUMNS,
          (_finding_row(r, f, lang) for r, f in iter_findings(rows)))
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _finding_row(result: Mapping[str, Any], finding: Mapping[str, Any], lang: str
                 ) -> list[Any]:
    file, row, col = position(result, finding)
    return [str(result.get("id", "")), str(finding.get("code", "")),
            str(finding.get("name", "")), str(finding.get("dimension", "")),
            str(finding.get("severity", "")), finite(finding.get("points")),
            pick(finding.get("message"), lang), pick(finding.get("suggestion"), lang),
            file or "", row, col]


def _fill(sheet: Any, header: Iterable[str], rows: Iterable[list[Any]]) -> None:
    sheet.append(list(header))
    sheet.freeze_panes = "A2"
    for values in rows:
        sheet.append([_cell(v) for v in values])
    for cells in sheet.iter_rows(min_row=2):
        for cell in cells:
            if isinstance(cell.value, str):
                cell.data_type = "s"  # never a formula, whatever it starts with


def _cell(value: Any) -> Any:
    if value is None or value == "":
        return None
    if isinstance(value, str):
        return ILLEGAL_CHARACTERS_RE.sub("\ufffd", spreadsheet_safe(value))
    return value

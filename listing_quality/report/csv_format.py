"""One CSV row per listing, the same columns as `score_frame`, safe to open in a spreadsheet.

Curators open these files in Excel or Google Sheets, and listing text is written by
sellers, so every text cell is escaped against formula injection. Rows end in CRLF
(RFC 4180) so that a carriage return inside a cell is always quoted; write the string
with ``newline=""``.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping
from typing import Any

from listing_quality.report._common import as_dicts, finite, spreadsheet_safe, top_suggestion
from listing_quality.types import DIMENSIONS

COLUMNS: tuple[str, ...] = (
    "id", "overall", "grade", "readiness",
    *(f"score_{dim}" for dim in DIMENSIONS),
    "model_probability", "codes", "top_suggestion", "file", "row",
)


def render(
    results: Iterable[Any], *, lang: str = "id", meta: Mapping[str, Any] | None = None
) -> str:
    """Header plus one row per result, in input order; `meta` is unused but accepted."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for result in as_dicts(results):
        writer.writerow([spreadsheet_safe(cell) for cell in listing_row(result, lang)])
    return buffer.getvalue()


def listing_row(result: Mapping[str, Any], lang: str) -> list[Any]:
    """Cells in `COLUMNS` order; a missing number is an empty cell, never "None" or "nan"."""
    dimensions = result.get("dimensions") or {}
    source = result.get("source") or {}
    features = result.get("features") or {}
    scores = [_number((dimensions.get(dim) or {}).get("score")) for dim in DIMENSIONS]
    codes = " ".join(str(f.get("code", "")) for f in result.get("findings") or ())
    return [
        str(result.get("id", "")), _number(result.get("overall")),
        str(result.get("grade") or ""), str(result.get("readiness") or ""),
        *scores, _number(features.get("model.probability")),
        codes, top_suggestion(result, lang), str(source.get("file") or ""),
        _number(source.get("row")),
    ]


def _number(value: Any) -> float | int | str:
    """Numbers stay numbers (so they are never apostrophe-escaped); others become empty."""
    number = finite(value)
    if number is None:
        return ""
    return int(value) if isinstance(value, int) else number

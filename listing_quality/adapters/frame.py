"""pandas DataFrame -> Catalog, one Listing per row, in the frame's order.

The id comes from an id column when there is one (empty cells fall back too); otherwise
from the DataFrame *index*, as text (index 7 -> "7", "A-1" -> "A-1"), so ids line up with
`score_frame`'s output, which keeps the same index. `SourceRef.row` assumes the frame was
read from a sheet whose header is on `header_row` with no gaps: row i (0-based) ->
`header_row + 1 + i`.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from .catalog import Catalog, table_catalog
from .cells import frame_columns
from .columns import Overrides, resolve
from .sources import check_user, choose
from .table import Table
from .values import as_text


def listings_from_frame(df: pd.DataFrame, *, path: str | None = None,
                        header_row: int = 1, source: str | None = None,
                        user: Overrides = (), fmt: str = "frame") -> Catalog:
    """Every row of `df` -> Listing (raw price/weight/stock kept; NaN -> None / "").

    The layout (`source`) is detected from the column names alone: a frame has no
    instruction rows to skip, but a marketplace's own spellings and weight unit apply.
    """
    headers = tuple(_header(c) for c in df.columns)
    reading = choose(source, user, [headers])
    check_user(reading, headers, path or "DataFrame")
    cmap = resolve(headers, reading.overrides)
    first = header_row + 1
    table = Table(range(first, first + len(df)), frame_columns(df))
    index = list(df.index)
    where = path or f"DataFrame ({len(df)} rows)"
    return table_catalog(cmap, table, path=path, fmt=fmt, where=where, reading=reading,
                         fallback=lambda i: as_text(index[i]), notes=reading.notes())


def _header(column: Any) -> str:
    """A column label as text; MultiIndex tuples are joined with spaces."""
    if isinstance(column, tuple):
        return " ".join(as_text(part) for part in column if as_text(part).strip())
    return as_text(column)

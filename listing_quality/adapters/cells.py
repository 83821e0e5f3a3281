"""Whole columns of cells -> the plain values a `Listing` holds, one column at a time.

Reading a table row by row paid, for every cell, a pandas iterator step, a position lookup
and a type dispatch (`as_text`, `as_raw`, ...). Here each column is read once: pandas
hands the cells of a text or number column over in one call, and the converters take the
common cell, an exact `str`, without the general dispatch. Every other cell goes through
the very function a row-by-row reader calls, so the values are the same, cell for cell
(tests/test_adapt_fast_paths.py checks both forms against each other).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from operator import length_hint
from typing import Any

import numpy as np
import pandas as pd

from .values import as_attribute, as_raw, as_text

_NUMPY_KINDS = frozenset("biufcO")  # numpy storage whose `tolist()` is its `item()` per cell


def frame_columns(df: pd.DataFrame) -> list[list[Any]]:
    """The cells of every column, exactly as `df.itertuples()` hands them out row by row."""
    return [column_cells(df.iloc[:, k]) for k in range(df.shape[1])]


def column_cells(series: pd.Series) -> list[Any]:
    """`list(series)`, in one call for arrow text and numpy columns.

    Iterating a Series yields `item()` of each numpy value and `as_py()` of each arrow
    value, missing arrow values as the dtype's NA; `tolist()` and `to_pylist()` give the
    same Python values for these storages. Any other dtype (dates, categories, masked
    integers) is iterated as before.
    """
    dtype = series.dtype
    if isinstance(dtype, np.dtype) and dtype.kind in _NUMPY_KINDS:
        return series.to_numpy().tolist()
    if isinstance(dtype, pd.StringDtype) and dtype.storage == "pyarrow":
        arrow = series.array.__arrow_array__()
        if _is_text(arrow.type):
            cells = arrow.to_pylist()
            if arrow.null_count:
                na = dtype.na_value
                cells = [na if cell is None else cell for cell in cells]
            return cells
    return list(series)


def _is_text(kind: Any) -> bool:
    import pyarrow as pa  # present whenever pandas stores text in arrow

    return bool(pa.types.is_string(kind) or pa.types.is_large_string(kind)
                or pa.types.is_string_view(kind))


def texts(cells: Sequence[Any]) -> list[str]:
    """`as_text` of each cell (a text cell is itself)."""
    return [cell if type(cell) is str else as_text(cell) for cell in cells]


def raws(cells: Sequence[Any]) -> list[Any]:
    """`as_raw` of each cell (a text cell is itself, or None when blank)."""
    return [(cell if cell.strip() else None) if type(cell) is str else as_raw(cell)
            for cell in cells]


def attributes(cells: Sequence[Any]) -> list[Any]:
    """`as_attribute` of each cell (a text cell is itself)."""
    return [cell if type(cell) is str else as_attribute(cell) for cell in cells]


def by_text(cells: Iterable[Any], convert: Callable[[Any], Any]) -> list[Any]:
    """`convert` of each cell, computed once per distinct text (callers never mutate it).

    Only exact `str` cells are looked up: equal texts convert alike, while 1, 1.0 and
    True are equal keys that convert differently.
    """
    seen: dict[str, Any] = {}
    out = []
    for cell in cells:
        if type(cell) is str:
            got = seen.get(cell, seen)  # (the dict itself: a value no conversion gives)
            if got is seen:
                got = seen[cell] = convert(cell)
            out.append(got)
        else:
            out.append(convert(cell))
    return out


def long_rows(values: Sequence[Any], limit: int) -> list[int]:
    """Rows whose value is a text longer than `limit` (to be cut, and said so, row by row).

    The longest length first, in one C-level pass (`length_hint` is 0 for None and
    numbers); only a column holding something that long is looked at value by value.
    """
    try:
        if max(map(length_hint, values), default=0) <= limit:
            return []
    except Exception:  # noqa: BLE001 - a value whose length fails: look at each one
        pass
    return [i for i, value in enumerate(values) if isinstance(value, str) and len(value) > limit]

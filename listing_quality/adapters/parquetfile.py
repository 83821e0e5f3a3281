"""Parquet -> Catalog through pandas (needs pyarrow: `pip install listing-quality[parquet]`).

A Parquet file is a typed table with no header or instruction rows, so it goes the
DataFrame way. Records are numbered from 1 (`SourceRef.row`, and the id when there is no
id column), so a curator can find "record 12" in any Parquet viewer.
"""

from __future__ import annotations

from .catalog import Catalog
from .columns import Overrides
from .errors import AdapterError
from .frame import listings_from_frame


def read_parquet(path: str, *, source: str | None = None, user: Overrides = ()) -> Catalog:
    try:
        import pyarrow  # pandas needs it; say so instead of a long traceback
    except ImportError:
        raise AdapterError(f"{path}: reading Parquet needs pyarrow; install it with "
                           "`pip install listing-quality[parquet]`") from None
    import pandas as pd

    try:
        df = pd.read_parquet(path)
    except (OSError, ValueError, TypeError, pyarrow.ArrowException) as exc:
        raise AdapterError(f"{path}: not a readable Parquet file "
                           f"({type(exc).__name__}: {exc})") from None
    df.index = pd.RangeIndex(1, len(df) + 1)
    return listings_from_frame(df, path=path, header_row=0, source=source, user=user,
                               fmt="parquet")

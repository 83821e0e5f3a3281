"""Values of a key column at some positions, as Python objects, for a reduction that takes
one group's values at a time."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd


def taker(values: Any) -> Callable[[np.ndarray], list[Any]]:
    """A function giving a column's values at some positions, as Python objects.

    Taking a block's values at a time from pandas' arrow strings walks the whole column
    (its chunks, one per streamed slice): ~2 ms a take at a million keys, a thousand
    blocks over. From one arrow array a take costs only its own length. (A missing value
    would come back None, not NaN; the positions taken here are of titled listings.)
    """
    dtype = values.dtype
    if getattr(dtype, "storage", None) == "pyarrow" or isinstance(dtype, pd.ArrowDtype):
        import pyarrow as pa  # installed: the column is held in it

        array = pa.array(values)
        array = array.combine_chunks() if isinstance(array, pa.ChunkedArray) else array
        return lambda at: array.take(at).to_pylist()
    plain = np.asarray(values, dtype=object)
    return lambda at: plain[at].tolist()

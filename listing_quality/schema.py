"""The one output table of `score_frame`, declared once for every engine.

pandas, Dask and Spark each want the shape of a result before they see one: Dask a
`meta` frame, Spark a DDL schema string. Declaring the columns here (and casting every
result to them) means a partition with no photo scores or no model still has the same
column types as the rest, so engines never guess a column as `object` in one partition and
`float64` in another.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

OUTPUT_SCHEMA: tuple[tuple[str, str], ...] = (
    ("id", "string"), ("overall", "double"), ("grade", "string"), ("readiness", "string"),
    ("score_title", "double"), ("score_photos", "double"), ("score_packaging", "double"),
    ("score_price", "double"), ("model_probability", "double"), ("codes", "string"),
    ("top_suggestion", "string"))
OUTPUT_COLUMNS: tuple[str, ...] = tuple(name for name, _ in OUTPUT_SCHEMA)

_PANDAS = {"string": object, "double": np.float64, "bigint": np.int64, "boolean": bool}


def conform(frame: pd.DataFrame) -> pd.DataFrame:
    """The frame's output columns in schema order and types (None -> NaN in doubles)."""
    out = frame.loc[:, list(OUTPUT_COLUMNS)].copy()
    for name, kind in OUTPUT_SCHEMA:
        if kind == "double":
            out[name] = pd.to_numeric(out[name], errors="coerce").astype(np.float64)
        else:
            out[name] = out[name].astype(_PANDAS[kind])
    return out


def dask_meta() -> pd.DataFrame:
    """An empty frame with the output's columns and dtypes, for Dask's `meta=`."""
    return pd.DataFrame({name: pd.Series(dtype=_PANDAS[kind]) for name, kind in OUTPUT_SCHEMA})


def spark_ddl() -> str:
    """The output schema as a Spark DDL string, for `mapInPandas(fn, schema=...)`."""
    return ", ".join(f"`{name}` {kind}" for name, kind in OUTPUT_SCHEMA)

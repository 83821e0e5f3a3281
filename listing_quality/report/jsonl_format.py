"""JSON Lines: one `Result.to_dict()` per line, in input order, nothing else.

For pipelines (``jq``, Spark, BigQuery loads) that stream a catalog row by row: no
envelope and no summary, so concatenating two runs' outputs is still valid JSONL.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any

from listing_quality.report._common import as_dicts
from listing_quality.types import json_safe


def render(
    results: Iterable[Any], *, lang: str = "id", meta: Mapping[str, Any] | None = None
) -> str:
    """`ensure_ascii=False` keeps Indonesian text readable; U+2028 stays escaped by json."""
    lines = [json.dumps(json_safe(row), ensure_ascii=False, allow_nan=False)
             for row in as_dicts(results)]
    return "".join(line + "\n" for line in lines)

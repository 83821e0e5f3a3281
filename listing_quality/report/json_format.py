"""A JSON document: run metadata, the summary aggregates, and every result dict unchanged.

Named ``json_format`` so it never shadows the standard-library ``json`` module. The results
are exactly `Result.to_dict()`, so a consumer can rebuild anything the other formats show.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any

from listing_quality.report._common import as_dicts, summarize
from listing_quality.types import json_safe


def render(
    results: Iterable[Any],
    *,
    lang: str = "id",
    meta: Mapping[str, Any] | None = None,
    indent: int | None = 2,
) -> str:
    """Always valid JSON: `json_safe` turns a stray NaN into null, `allow_nan=False` proves it.

    `lang` is accepted for a uniform renderer signature; the results already carry every
    language, so it changes nothing here.
    """
    meta = meta or {}
    rows = as_dicts(results)
    document = {
        "version": meta.get("version"),
        "rubric": meta.get("rubric"),
        "path": meta.get("path"),
        "summary": summarize(rows, meta),
        "results": rows,
    }
    text = json.dumps(json_safe(document), ensure_ascii=False, allow_nan=False, indent=indent)
    return text + "\n"

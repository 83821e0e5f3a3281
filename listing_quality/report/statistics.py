"""`--statistics`: how often each rule fired and the points it cost, like ruff's table.

A curator deciding what to teach sellers first wants the rules that cost the catalog the
most points, so rows are sorted by total points lost, then by count.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any

from listing_quality.report._common import as_dicts, finite, iter_findings, terminal_safe


def rows(results: Iterable[Any]) -> list[dict[str, Any]]:
    table: dict[str, dict[str, Any]] = {}
    for result, finding in iter_findings(as_dicts(results)):
        code = str(finding.get("code", ""))
        row = table.setdefault(code, {"code": code, "name": str(finding.get("name") or ""),
                                      "severity": str(finding.get("severity") or ""),
                                      "count": 0, "listings": set(), "points": 0.0})
        row["count"] += 1
        row["listings"].add(id(result))
        row["points"] += finite(finding.get("points")) or 0.0
    out = [{**r, "listings": len(r["listings"]), "points": round(r["points"], 2)}
           for r in table.values()]
    return sorted(out, key=lambda r: (-r["points"], -r["count"], r["code"]))


def render(results: Iterable[Any], *, fmt: str = "text",
           meta: Mapping[str, Any] | None = None) -> str:
    """JSON when the report format is JSON-like, else an aligned text table."""
    table = rows(results)
    if fmt in ("json", "jsonl"):
        return json.dumps(table, ensure_ascii=False, indent=2) + "\n"
    lines = [f"{r['count']:>6}  {r['code']:<6} {r['points']:>9.1f}  "
             f"{terminal_safe(r['name']):<32} {r['severity']}" for r in table]
    return "".join(line + "\n" for line in lines)

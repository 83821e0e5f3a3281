"""GitLab Code Quality JSON: an array of issues, each with a fingerprint unique in the report.

GitLab shows only the first issue with a given fingerprint (detekt-gitlab-report #10), so
the fingerprint hashes file, row, listing id and rule code — two listings failing the
same rule stay two issues — and an exact repeat (duplicate ids on one row) gets an
occurrence number. Severity: a blocking error is ``critical``, an error ``major``, a
warning ``minor``, an info finding ``info``.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any

from listing_quality.report._common import as_dicts, iter_findings, pick, position
from listing_quality.types import json_safe

SEVERITIES = {"error": "major", "warning": "minor", "info": "info"}


def render(
    results: Iterable[Any], *, lang: str = "id", meta: Mapping[str, Any] | None = None
) -> str:
    fallback = str((meta or {}).get("path") or "listings")
    seen: Counter[str] = Counter()
    issues = []
    for result, finding in iter_findings(as_dicts(results)):
        file, row, _ = position(result, finding)
        code = str(finding.get("code", ""))
        key = "\x1f".join(str(x) for x in (file, row, result.get("id"), code))
        seen[key] += 1
        issues.append({
            "description": f"{code} [{result.get('id', '')}] "
                           f"{pick(finding.get('message'), lang)}",
            "check_name": code,
            "fingerprint": fingerprint(f"{key}\x1f{seen[key]}"),
            "severity": _severity(finding),
            "location": {"path": file or fallback, "lines": {"begin": row or 1}},
        })
    return json.dumps(json_safe(issues), ensure_ascii=False, allow_nan=False, indent=2) + "\n"


def fingerprint(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()


def _severity(finding: Mapping[str, Any]) -> str:
    if finding.get("blocking") and finding.get("severity") == "error":
        return "critical"
    return SEVERITIES.get(str(finding.get("severity")), "minor")

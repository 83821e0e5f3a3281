"""SARIF 2.1.0 for code-scanning UIs, shaped like ruff's output (one run, rules, results).

Each finding is a result pointing at the spreadsheet cell (row = `startLine`, column =
`startColumn`). A listing read without a file (a DataFrame, a dict) has no physical
location, so it gets a logical one named by the listing id. `partialFingerprints` keep a
finding's identity stable across runs, so a code-scanning UI can track it.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from pathlib import PurePath
from typing import Any
from urllib.parse import quote

from listing_quality.report._common import as_dicts, finite, iter_findings, pick, position
from listing_quality.types import json_safe

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def render(
    results: Iterable[Any], *, lang: str = "id", meta: Mapping[str, Any] | None = None
) -> str:
    meta = meta or {}
    rows = as_dicts(results)
    rules, index = _rules(rows, lang)
    driver = {"name": "listing-quality", "version": str(meta.get("version") or "0"),
              "rules": rules}
    run = {"tool": {"driver": driver}, "language": lang,
           "results": [_result(r, f, index, lang) for r, f in iter_findings(rows)]}
    log = {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}
    return json.dumps(json_safe(log), ensure_ascii=False, allow_nan=False, indent=2) + "\n"


def _rules(rows: list[dict[str, Any]], lang: str) -> tuple[list[dict[str, Any]], dict[str, int]]:
    """One reportingDescriptor per code seen, sorted, so `ruleIndex` is stable."""
    seen: dict[str, Mapping[str, Any]] = {}
    for _, finding in iter_findings(rows):
        seen.setdefault(str(finding.get("code", "")), finding)
    rules = []
    for code in sorted(seen):
        finding = seen[code]
        rule: dict[str, Any] = {"id": code, "name": str(finding.get("name") or code),
                                "shortDescription": {"text": str(finding.get("name") or code)},
                                "defaultConfiguration": {
                                    "level": LEVELS.get(str(finding.get("severity")), "warning")},
                                "properties": {"dimension": str(finding.get("dimension", ""))}}
        rules.append(rule)
    return rules, {code: i for i, code in enumerate(sorted(seen))}


def _result(result: Mapping[str, Any], finding: Mapping[str, Any], index: Mapping[str, int],
            lang: str) -> dict[str, Any]:
    code = str(finding.get("code", ""))
    rid = str(result.get("id", ""))
    message = pick(finding.get("message"), lang) or code
    suggestion = pick(finding.get("suggestion"), lang)
    out: dict[str, Any] = {
        "ruleId": code, "ruleIndex": index[code],
        "level": LEVELS.get(str(finding.get("severity")), "warning"),
        "message": {"text": f"[{rid}] {message}"},
        "locations": [_location(result, finding)],
        "partialFingerprints": {"listingRule/v1": _fingerprint(result, code)},
        "properties": {"listing_id": rid, "points": finite(finding.get("points")),
                       "suggestion": suggestion, "field": finding.get("field")},
    }
    return out


def _location(result: Mapping[str, Any], finding: Mapping[str, Any]) -> dict[str, Any]:
    file, row, col = position(result, finding)
    if not file:
        return {"logicalLocations": [{"name": str(result.get("id", "")), "kind": "object"}]}
    region: dict[str, Any] = {"startLine": row or 1}
    if col:
        region["startColumn"] = col
    return {"physicalLocation": {"artifactLocation": {"uri": file_uri(file)},
                                 "region": region}}


def file_uri(path: str) -> str:
    """A relative path stays relative (``catalog.csv``), percent-encoded as a URI reference."""
    posix = PurePath(path).as_posix()
    return quote(posix, safe="/")  # ":" encoded: a first segment with ":" reads as a scheme


def _fingerprint(result: Mapping[str, Any], code: str) -> str:
    source = result.get("source") or {}
    key = "\x1f".join(str(x) for x in (source.get("file"), source.get("row"),
                                       result.get("id"), code))
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:32]

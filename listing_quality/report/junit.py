"""JUnit XML in ruff's shape, so a CI server shows each finding as a failed test case.

``<testsuites>`` holds one ``<testsuite>`` per catalog file; each finding is a
``<testcase name="CODE" classname="<listing id>">`` with a ``<failure>``; a listing with
no finding is one passing test case, so the test count says how many listings ran.
XML 1.0 cannot carry most control characters at all, so they are dropped from seller
text before ElementTree escapes the rest.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Mapping
from typing import Any

from listing_quality.report._common import as_dicts, fmt_score, pick, position

# Characters XML 1.0 forbids (section 2.2), plus lone surrogates and U+FFFE/U+FFFF.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
CLEAN = "listing-quality"


def xml_text(value: Any) -> str:
    return _NOT_XML.sub("\ufffd", str(value))


def render(
    results: Iterable[Any], *, lang: str = "id", meta: Mapping[str, Any] | None = None
) -> str:
    """Suites in order of first appearance; counts are totals of what each suite holds."""
    suites: dict[str, ET.Element] = {}
    root = ET.Element("testsuites", name="listing-quality")
    for result in as_dicts(results):
        file = position(result)[0] or str((meta or {}).get("path") or "listings")
        suite = suites.get(file)
        if suite is None:
            suite = suites[file] = ET.SubElement(root, "testsuite", name=xml_text(file))
        _cases(suite, result, lang)
    for suite in [root, *suites.values()]:
        _count(suite)
    ET.indent(root)
    body = ET.tostring(root, encoding="unicode")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n"


def _cases(suite: ET.Element, result: Mapping[str, Any], lang: str) -> None:
    rid = xml_text(result.get("id", ""))
    findings = result.get("findings") or ()
    if not findings:
        ET.SubElement(suite, "testcase", name=CLEAN, classname=rid)
        return
    for finding in findings:
        _, row, col = position(result, finding)
        attrs = {"name": xml_text(finding.get("code", "")), "classname": rid}
        if row:
            attrs["line"] = str(row)
        if col:
            attrs["column"] = str(col)
        case = ET.SubElement(suite, "testcase", attrs)
        failure = ET.SubElement(case, "failure",
                                message=xml_text(pick(finding.get("message"), lang)),
                                type=xml_text(finding.get("severity", "")))
        where = f"row {row}, col {col}" if col else (f"row {row}" if row else "")
        points = f"{fmt_score(finding.get('points'))} points"
        suggestion = pick(finding.get("suggestion"), lang)
        failure.text = xml_text(", ".join(p for p in (where, points, suggestion) if p))


def _count(element: ET.Element) -> None:
    cases = list(element.iter("testcase"))
    failures = sum(1 for case in cases if case.find("failure") is not None)
    element.set("tests", str(len(cases)))
    element.set("failures", str(failures))
    element.set("errors", "0")

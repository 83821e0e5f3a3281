"""CI formats: golden files, the official SARIF schema, JUnit/GitHub/GitLab conventions.

The golden input is `tests/golden/results.json`: four hand-written listings
(`katalog.csv`) scored by the real library (`make_golden.py` rebuilds it). Each format's
golden output is compared byte for byte; regenerate with
``python tests/golden/make_golden.py --render`` and read the diff.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from listing_quality.report import FORMATS, render
from listing_quality.report.github import escape_data, escape_property, summary_markdown
from listing_quality.report.statistics import rows as statistic_rows
from listing_quality.types import Finding, Result, SourceRef

GOLDEN = Path(__file__).parent / "golden"
SCHEMA = json.loads((Path(__file__).parent / "schemas" / "sarif-schema-2.1.0.json")
                    .read_text(encoding="utf-8"))

import sys  # noqa: E402

sys.path.insert(0, str(GOLDEN))
from make_golden import META, golden_name  # noqa: E402


@pytest.fixture(scope="module")
def rows() -> list[dict]:
    return json.loads((GOLDEN / "results.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("fmt", FORMATS)
def test_golden(fmt: str, lang: str, rows: list[dict]) -> None:
    with (GOLDEN / fmt / golden_name(fmt, lang)).open(encoding="utf-8", newline="") as handle:
        expected = handle.read()
    assert render(rows, format=fmt, lang=lang, meta=META) == expected


def sarif_validator() -> jsonschema.Draft4Validator:
    return jsonschema.Draft4Validator(SCHEMA,
                                      format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER)


def test_sarif_schema_is_the_official_one() -> None:
    jsonschema.Draft4Validator.check_schema(SCHEMA)
    assert SCHEMA["title"].startswith("Static Analysis Results Format (SARIF) Version 2.1.0")
    assert len(SCHEMA["definitions"]) == 52 and SCHEMA["required"] == ["version", "runs"]


def test_sarif_validates_and_points_at_cells(rows: list[dict]) -> None:
    log = json.loads(render(rows, format="sarif", meta=META))
    sarif_validator().validate(log)
    run = log["runs"][0]
    results = run["results"]
    assert len(results) == sum(len(r["findings"]) for r in rows)
    rule_ids = [rule["id"] for rule in run["tool"]["driver"]["rules"]]
    assert rule_ids == sorted(set(rule_ids))
    for result in results:
        assert rule_ids[result["ruleIndex"]] == result["ruleId"]
        assert result["level"] in ("error", "warning", "note")
    first = results[0]["locations"][0]["physicalLocation"]
    assert first["artifactLocation"]["uri"] == "katalog.csv"
    assert first["region"]["startLine"] == 2 and first["region"]["startColumn"] >= 1
    prints = [r["partialFingerprints"]["listingRule/v1"] for r in results]
    assert len(set(prints)) == len(prints)


def one(rid="L1", file="k.csv", row=2, code="T101", message="Judul", severity="warning"):
    finding = Finding(code=code, name="rule-x", dimension="title", severity=severity,
                      points=3.0, loss=0.5, field="title", messages={"id": message, "en": message},
                      suggestions={"id": "s", "en": "s"})
    source = SourceRef(file=file, row=row, columns={"title": 2}) if file else None
    return Result(id=rid, overall=70.0, grade="C", readiness="platform-lokal", dimensions={},
                  findings=(finding,), features={}, source=source).to_dict()


def test_sarif_without_a_file_uses_a_logical_location() -> None:
    log = json.loads(render([one(file=None)], format="sarif"))
    sarif_validator().validate(log)
    location = log["runs"][0]["results"][0]["locations"][0]
    assert location == {"logicalLocations": [{"name": "L1", "kind": "object"}]}


def test_junit_parses_and_counts(rows: list[dict]) -> None:
    root = ET.fromstring(render(rows, format="junit", meta=META).encode("utf-8"))
    findings = sum(len(r["findings"]) for r in rows)
    assert root.tag == "testsuites" and root.get("failures") == str(findings)
    suite = root.find("testsuite")
    assert suite is not None and suite.get("name") == "katalog.csv"
    case = suite.find("testcase")
    assert case is not None and case.get("classname") == "K-001"
    assert case.get("name") == rows[0]["findings"][0]["code"] and case.get("line") == "2"
    clean = json.loads(json.dumps(rows[0]))
    clean["findings"] = []
    root = ET.fromstring(render([clean], format="junit"))
    assert (root.get("tests"), root.get("failures")) == ("1", "0")


def test_github_escaping_follows_actions_toolkit() -> None:
    assert escape_data("50% a\r\nb: c, d") == "50%25 a%0D%0Ab: c, d"
    assert escape_property("50% a\r\nb: c, d") == "50%25 a%0D%0Ab%3A c%2C d"
    out = render([one(file="a,b:c.csv", message="x\n::error::forged 100%")], format="github")
    assert out.count("\n") == 1, "one finding, one line"
    assert "file=a%2Cb%3Ac.csv" in out and "x%0A::error::forged 100%25" in out


def test_github_caps_annotations_per_level_and_keeps_the_rest() -> None:
    results = [one(rid=f"L{i}", row=i + 2) for i in range(13)]
    results += [one(rid=f"E{i}", row=i + 30, severity="error") for i in range(2)]
    lines = render(results, format="github", lang="en").splitlines()
    assert sum(line.startswith("::warning ") for line in lines) == 10
    assert sum(line.startswith("::error ") for line in lines) == 2
    assert sum(line.startswith("warning: k.csv:") for line in lines) == 3
    assert lines[-1].startswith("3 more findings not annotated")
    assert not any(line.startswith("::") for line in lines if "forged" in line)


def test_github_summary_is_a_safe_markdown_table(rows: list[dict]) -> None:
    md = summary_markdown(rows, lang="en", meta=META)
    table = [line for line in md.splitlines() if line.startswith("|")]
    assert len(table) == 2 + sum(1 for r in rows if r["findings"])
    assert all(line.count(" | ") == 6 for line in table[2:])  # no pipe from seller text
    hostile = summary_markdown([one(rid="<script>a|b</script>\n| x |")], lang="en")
    assert "<script>" not in hostile and "&lt;script&gt;a\\|b" in hostile
    assert hostile.splitlines()[-1].count(" | ") == 6
    scores = [float(line.split(" | ")[2]) for line in table[2:]]
    assert scores == sorted(scores)


def test_gitlab_fingerprints_are_unique_per_listing_and_rule(rows: list[dict]) -> None:
    issues = json.loads(render(rows, format="gitlab", meta=META))
    assert len(issues) == sum(len(r["findings"]) for r in rows)
    assert len({i["fingerprint"] for i in issues}) == len(issues)
    assert {i["severity"] for i in issues} <= {"info", "minor", "major", "critical", "blocker"}
    assert all(set(i) == {"description", "check_name", "fingerprint", "severity", "location"}
               for i in issues)
    twins = [one(rid="same"), one(rid="same"), one(rid="other")]
    prints = [i["fingerprint"] for i in json.loads(render(twins, format="gitlab"))]
    assert len(set(prints)) == 3
    again = [i["fingerprint"] for i in json.loads(render(twins, format="gitlab"))]
    assert again == prints  # stable across runs


def test_jsonl_is_one_result_per_line(rows: list[dict]) -> None:
    lines = render(rows, format="jsonl").splitlines()
    assert [json.loads(line) for line in lines] == rows


def test_statistics_rank_rules_by_points_lost(rows: list[dict]) -> None:
    table = statistic_rows(rows)
    assert sum(r["count"] for r in table) == sum(len(r["findings"]) for r in rows)
    points = [r["points"] for r in table]
    assert points == sorted(points, reverse=True)
    assert all(1 <= r["listings"] <= len(rows) for r in table)


hostile = st.text(max_size=30)


@settings(max_examples=80, deadline=None)
@given(rid=hostile, message=hostile, file=st.one_of(st.none(), hostile.filter(bool)))
def test_ci_formats_never_break_on_arbitrary_unicode(rid: str, message: str,
                                                     file: str | None) -> None:
    results = [one(rid=rid, file=file, message=message), one(rid=rid, file=file)]
    sarif_validator().validate(json.loads(render(results, format="sarif")))
    ET.fromstring(render(results, format="junit").encode("utf-8"))
    issues = json.loads(render(results, format="gitlab"))
    assert len({i["fingerprint"] for i in issues}) == 2
    github = render(results, format="github")
    lines = github.split("\n")  # the runner splits on LF only
    assert len(lines) == 3 and lines[-1] == "" and all(x.startswith("::") for x in lines[:2])
    assert render(results, format="sarif") == render(results, format="sarif")  # deterministic


@settings(max_examples=40, deadline=None)
@given(rid=hostile, message=hostile)
def test_xlsx_never_breaks_and_never_holds_a_formula(rid: str, message: str) -> None:
    import io

    from openpyxl import load_workbook

    from listing_quality.report import WRITERS

    data = WRITERS["xlsx"]([one(rid=rid, message=message)], lang="id")
    book = load_workbook(io.BytesIO(data))
    cells = [c for sheet in book for row in sheet.iter_rows() for c in row]
    assert all(c.data_type != "f" for c in cells)
    assert all(not str(c.value).startswith(("=", "+", "-", "@")) for c in cells
               if isinstance(c.value, str))

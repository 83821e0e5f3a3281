"""Renderers: golden text, JSON round-trips, CSV columns and formula escaping, hostile input.

Result dicts come from real `Result(...).to_dict()` calls, so a change to the serialised
shape breaks these tests instead of silently drifting from hand-written fixtures.
"""

from __future__ import annotations

import csv
import html
import io
import json
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from listing_quality.report import FORMATS, RENDERERS, render
from listing_quality.report._common import spreadsheet_safe, spreadsheet_safe_column
from listing_quality.report.csv_format import COLUMNS
from listing_quality.types import DIMENSIONS, DimensionScore, Finding, Result, SourceRef

META = {"path": "katalog.csv", "rubric": "kuliner+tokopedia", "fail_under": 85.0,
        "version": "0.1.0"}
SOURCE = SourceRef(file="katalog.csv", row=2, columns={"title": 3, "price": 5, "photos": 9})


def finding(code="T101", points=12.0, field="title", msg=("Judul terlalu pendek",
            "Title too short"), sug=("Tambahkan merek.", "Add the brand."), severity="warning"):
    """A real Finding with Indonesian and English texts."""
    return Finding(code=code, name="rule-" + code.lower(), dimension="title", severity=severity,
                   points=points, loss=0.5, field=field, messages={"id": msg[0], "en": msg[1]},
                   suggestions={"id": sug[0], "en": sug[1]})


def result(rid="UMKM-001", overall=82.5, grade="B", readiness="platform-lokal", findings=(),
           source=SOURCE, probability=0.7):
    """`Result.to_dict()` of a real Result; every dimension scored 80."""
    dims = {d: DimensionScore(d, 80.0, 0.25) for d in DIMENSIONS}
    return Result(id=rid, overall=overall, grade=grade, readiness=readiness, dimensions=dims,
                  findings=tuple(findings), features={"model.probability": probability},
                  rubric="kuliner+tokopedia", source=source).to_dict()


def two_listings():
    """The golden example: one located listing with two findings, one clean without source."""
    photo = finding("P201", 5.5, "photos[2]", ("Foto buram", "Photo blurry"),
                    ("Ambil ulang foto di tempat terang.", "Retake it in good light."))
    return [result(findings=[finding(), photo]),
            result("UMKM-002", 96.0, "A", "siap-marketplace", source=None, probability=0.9)]


GOLDEN_ID = """\
UMKM-001  82.5  B  platform-lokal
katalog.csv:2:3: T101 [UMKM-001] Judul terlalu pendek (12.0 poin)
  saran: Tambahkan merek.
katalog.csv:2:9: P201 [UMKM-001] Foto buram (5.5 poin)
  saran: Ambil ulang foto di tempat terang.

UMKM-002  96.0  A  siap-marketplace
  tidak ada temuan

Ringkasan (kuliner+tokopedia, katalog.csv)
  listing         2
  temuan          2
  rata-rata skor  89.2
  nilai           A: 1, B: 1, C: 0, D: 0, E: 0
  kesiapan        siap-marketplace: 1, platform-lokal: 1, perlu-perbaikan: 0
  kode terbanyak  P201: 1, T101: 1
  di bawah 85.0   1 dari 2
"""

GOLDEN_EN = """\
UMKM-001  82.5  B  platform-lokal
katalog.csv:2:3: T101 [UMKM-001] Title too short (12.0 points)
  suggestion: Add the brand.
katalog.csv:2:9: P201 [UMKM-001] Photo blurry (5.5 points)
  suggestion: Retake it in good light.

UMKM-002  96.0  A  siap-marketplace
  no findings

Summary (kuliner+tokopedia, katalog.csv)
  listings    2
  findings    2
  mean score  89.2
  grades      A: 1, B: 1, C: 0, D: 0, E: 0
  readiness   siap-marketplace: 1, platform-lokal: 1, perlu-perbaikan: 0
  top codes   P201: 1, T101: 1
  below 85.0  1 of 2
"""


@pytest.mark.parametrize(("lang", "golden"), [("id", GOLDEN_ID), ("en", GOLDEN_EN)])
def test_text_golden(lang, golden):
    assert render(two_listings(), format="text", lang=lang, meta=META) == golden


def test_text_without_source_uses_id_and_unmapped_field_omits_column():
    no_source = result("UMKM-009", findings=[finding()], source=None)
    no_column = result("UMKM-010", findings=[finding("D001", 1.0, "description")],
                       source=SourceRef(file="k.csv", row=4, columns={"title": 3}))
    lines = render([no_source, no_column], format="text").splitlines()
    assert "UMKM-009: T101 [UMKM-009] Judul terlalu pendek (12.0 poin)" in lines
    assert "k.csv:4: D001 [UMKM-010] Judul terlalu pendek (1.0 poin)" in lines
    assert "Ringkasan" in lines and "  di bawah" not in "\n".join(lines)


def test_text_neutralises_control_characters():
    evil = finding(msg=("baris\n  saran: palsu \x1b[31mmerah\u202e", "x"))
    out = render([result(findings=[evil])], format="text")
    assert "\x1b" not in out and "\u202e" not in out
    assert "  saran: palsu" not in out.splitlines()
    assert "baris   saran: palsu  [31mmerah" in out


def test_fail_under_compares_the_displayed_score():
    rows = [result("a", 69.96), result("b", 69.94), result("c", float("nan"))]
    out = render(rows, format="json", meta={"fail_under": 70})
    summary = json.loads(out)["summary"]
    assert summary["below_fail_under"] == 2  # 69.96 shows as 70.0 and passes; NaN never does
    assert summary["mean_overall"] == 69.95
    assert "a  70.0  B" in render(rows, format="text")


def test_top_codes_are_the_ten_most_frequent():
    many = [finding(f"T1{i:02d}") for i in range(12)] + [finding("T111"), finding("T105")]
    summary = json.loads(render([result(findings=many)], format="json"))["summary"]
    assert summary["top_codes"][:2] == [{"code": "T105", "count": 2},
                                        {"code": "T111", "count": 2}]
    assert len(summary["top_codes"]) == 10 and summary["findings"] == 14


def test_json_round_trips_results_and_meta():
    rows = two_listings()
    doc = json.loads(render(rows, format="json", meta=META))
    assert doc["results"] == rows
    assert (doc["version"], doc["rubric"], doc["path"]) == ("0.1.0", "kuliner+tokopedia",
                                                            "katalog.csv")
    assert doc["summary"]["grades"]["A"] == 1 and doc["summary"]["readiness"]["platform-lokal"]
    assert "\n" not in render(rows, format="json", indent=None).rstrip("\n")


def test_json_is_valid_even_with_nan():
    row = result()
    row["features"]["model.probability"] = float("nan")
    doc = json.loads(render([row], format="json"))
    assert doc["results"][0]["features"]["model.probability"] is None


def read_csv(out):
    """Read back as a spreadsheet would: newline="" keeps quoted line breaks inside cells."""
    return list(csv.reader(io.StringIO(out, newline="")))


def csv_row(out, index=1):
    """Row `index` of the CSV as {column: cell}; strict zip also checks the column count."""
    return dict(zip(COLUMNS, read_csv(out)[index], strict=True))


def test_csv_columns_and_values():
    out = render(two_listings(), format="csv", lang="en")
    assert tuple(read_csv(out)[0]) == COLUMNS
    first = csv_row(out)
    assert first["codes"] == "T101 P201" and first["top_suggestion"] == "Add the brand."
    assert (first["overall"], first["score_price"], first["model_probability"]) == (
        "82.5", "80.0", "0.7")
    assert (first["file"], first["row"]) == ("katalog.csv", "2")
    second = csv_row(out, 2)
    assert (second["codes"], second["top_suggestion"], second["file"], second["row"]) == (
        "", "", "", "")


def test_csv_top_suggestion_skips_free_info_findings():
    info = finding("T900", 0.0, sug=("abaikan", "ignore"), severity="info")
    row = result(findings=[info, finding("H301", 3.0, sug=("Cek harga.", "Check price."))])
    assert csv_row(render([row], format="csv"))["top_suggestion"] == "Cek harga."


def test_csv_escapes_formula_injection_but_not_numbers():
    hostile = finding(sug=("+cmd|' /C calc'!A0", "x"))
    row = result('=HYPERLINK("http://x")', -5.0, findings=[hostile],
                 source=SourceRef(file="@evil.csv", row=3))
    out = render([row, result("-5"), result("\tTAB")], format="csv")
    cells, rows = csv_row(out), read_csv(out)
    assert cells["id"] == '\'=HYPERLINK("http://x")'
    assert cells["top_suggestion"] == "'+cmd|' /C calc'!A0" and cells["file"] == "'@evil.csv"
    assert cells["overall"] == "-5.0"
    assert [r[0] for r in rows[2:]] == ["'-5", "'\tTAB"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.text(), st.sampled_from(["=1+1", "+x", "-5", "@a", "\tT", "\rR",
                                                      "a\x00b", "", "ok"]),
                          st.none(), st.integers(), st.floats(allow_nan=True))))
def test_column_escaping_is_the_per_cell_escaping(cells) -> None:
    expected = [spreadsheet_safe(cell) for cell in cells]
    got = spreadsheet_safe_column(cells)
    assert [(type(v), v) for v in got] == [(type(v), v) for v in expected] or \
        repr(got) == repr(expected)  # NaN != NaN, so equal reprs stand for equal cells


def test_column_escaping_escapes_what_it_must() -> None:
    assert spreadsheet_safe_column(["=cmd", "a\x00", "ok", None, 5]) == \
        ["'=cmd", "a\ufffd", "ok", None, 5]


def test_unicode_survives_every_format():
    text = "Keripik Pisang Cokelat 🍌🍫 — gurih & renyah, ½ kg"
    row = result("UMKM-✨", findings=[finding(msg=(text, text), sug=(text, text))])
    for fmt in FORMATS:
        out = render([row], format=fmt)
        if fmt in ("html", "junit"):  # markup formats escape "&"; the reader sees it whole
            out = html.unescape(out)
        assert text in out and "UMKM-✨" in out, fmt
    assert json.loads(render([row], format="json"))["results"][0] == row


def test_registry_and_usage_errors():
    assert FORMATS == ("text", "json", "jsonl", "csv", "sarif", "junit", "github", "gitlab",
                       "html") and set(RENDERERS) == set(FORMATS)
    with pytest.raises(ValueError, match="text, json, jsonl, csv, sarif"):
        render([], format="xml")
    with pytest.raises(ValueError, match="language"):
        render([], format="text", lang="fr")
    assert json.loads(render([], format="json"))["summary"]["mean_overall"] is None
    assert read_csv(render([], format="csv")) == [list(COLUMNS)]
    assert "rata-rata skor  -" in render([], format="text")


def test_accepts_result_objects():
    obj = Result(id="X", overall=50.0, grade="D", readiness="perlu-perbaikan", dimensions={},
                 findings=(), features={})
    assert json.loads(render([obj], format="json"))["results"][0] == obj.to_dict()


texts = st.text(max_size=40)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(texts, texts, texts, st.one_of(st.none(), texts)), max_size=5))
def test_arbitrary_unicode_never_breaks_json_or_csv(rows):
    results = [result(rid, findings=[finding(msg=(msg, msg), sug=(sug, sug))],
                      source=SourceRef(file=file, row=7) if file is not None else None)
               for rid, msg, sug, file in rows]
    doc = json.loads(render(results, format="json"))
    assert [r["id"] for r in doc["results"]] == [r for r, *_ in rows]
    parsed = read_csv(render(results, format="csv"))
    assert len(parsed) == len(rows) + 1
    ids = [cell.removeprefix("'") for cell, *_ in parsed[1:]]
    assert ids == [rid.replace("\x00", "\ufffd").removeprefix("'") for rid, *_ in rows]
    text = render(results, format="text")
    assert all(ch == "\n" or unicodedata.category(ch) != "Cc" for ch in text)
    assert len(text.splitlines()) == text.count("\n")  # no hidden line breaks

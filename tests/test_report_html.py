"""The HTML report without a browser: escaping, fixes ranked by points, thumbnails kept
inside images_root, and properties over arbitrary input."""

from __future__ import annotations

import html
import re
from pathlib import Path

from conftest import make_photo
from hypothesis import given, settings
from hypothesis import strategies as st

from listing_quality.report import render
from listing_quality.report.fixes import headline, projection, ranked_fixes
from listing_quality.report.thumbs import thumbnail
from listing_quality.types import Finding, Result

BANDS = {"grades": [["A", 90], ["B", 80], ["C", 70], ["D", 60]], "ready": 75, "local": 40}


def finding(code: str, points: float, severity: str = "warning", text: str = "pesan"):
    return Finding(code=code, name="rule", dimension="title", severity=severity, points=points,
                   loss=1.0, messages={"id": text, "en": text},
                   suggestions={"id": "saran " + text, "en": "fix " + text})


def result(overall: float, grade: str, findings=(), title: str = "Keripik", rid: str = "X"):
    return Result(id=rid, overall=overall, grade=grade, readiness="platform-lokal",
                  dimensions={}, findings=tuple(findings),
                  features={"title.text": title}).to_dict()


def test_fixes_are_ranked_by_points_and_the_model_is_not_a_fix() -> None:
    row = result(62.0, "D", [finding("T1", 3.0), finding("M001", 4.0, "info"),
                             finding("P1", 20.0), finding("K1", 11.0, "error"),
                             finding("T2", 0.0, "info")])
    assert [f["code"] for f in ranked_fixes(row)] == ["P1", "K1", "T1"]
    after = projection(row, BANDS)
    # P1 alone reaches 82 (ready bar 75), but the error K1 must go too: 2 fixes, 93.0
    assert after == {"count": 2, "overall": 93.0, "grade": "A", "readiness": "siap-marketplace"}
    assert projection(row, None)["overall"] == 96.0 and projection(row, None)["grade"] is None
    assert headline(row, BANDS, "id") == ("Perbaiki 2 hal ini: D -> A (62.0 -> 93.0), "
                                          "siap marketplace")
    warn = result(62.0, "D", [finding("T1", 3.0), finding("P1", 20.0)])
    assert headline(warn, BANDS, "en") == ("Fix this 1 thing: D -> B (62.0 -> 82.0), "
                                           "marketplace-ready")
    assert headline(result(100.0, "A"), BANDS, "en") == "Nothing to fix"


def test_an_error_must_be_fixed_before_the_listing_counts_as_ready() -> None:
    row = result(60.0, "D", [finding("P1", 20.0), finding("K1", 2.0, "error")])
    assert projection(row, BANDS)["count"] == 2


def test_card_leads_with_the_biggest_fix_and_escapes_seller_text() -> None:
    evil = '<img src=x onerror=alert(1)> "Kopi" & <b>'
    row = result(62.0, "D", [finding("T1", 3.0, text=evil), finding("P1", 20.0, text="foto")],
                 title=evil, rid="<script>x</script>")
    page = render([row], format="html", meta={"bands": {"": BANDS}})
    card = page[page.index('<article class="card"'):]
    assert card.index("+20.0") < card.index("+3.0")
    assert "<img src=x" not in page and "<script>x" not in page
    assert html.escape(evil, quote=True) in page
    assert page.count('<article class="card"') == 1


def test_thumbnails_stay_inside_images_root(tmp_path: Path) -> None:
    root = tmp_path / "foto"
    root.mkdir()
    make_photo(root, "ok.jpg", {"size": [1200, 900]})
    make_photo(tmp_path, "luar.jpg", {"size": [100, 100]})
    make_photo(root, "rusak.jpg", {"content": "garbage"})
    (root / "tautan.jpg").symlink_to(tmp_path / "luar.jpg")
    uri = thumbnail("ok.jpg", root)
    assert uri is not None and uri.startswith("data:image/jpeg;base64,")
    for ref in ("../luar.jpg", str(tmp_path / "luar.jpg"), "tautan.jpg", "rusak.jpg",
                "tidak-ada.jpg", "https://contoh.id/a.jpg", ""):
        assert thumbnail(ref, root) is None, ref
    assert thumbnail("ok.jpg", None) is None


def test_thumbnail_skips_images_over_the_pixel_limit(tmp_path: Path, monkeypatch) -> None:
    make_photo(tmp_path, "besar.png", {"size": [400, 400], "format": "PNG"})
    from listing_quality.report import thumbs

    limits = {**thumbs.settings()["thumbnails"], "max_pixels": 1000}
    monkeypatch.setattr(thumbs, "settings", lambda: {"thumbnails": limits})
    assert thumbnail("besar.png", tmp_path) is None


texts = st.text(max_size=40)


@settings(max_examples=60, deadline=None)
@given(title=texts, rid=texts, message=texts,
       points=st.lists(st.floats(0, 30, allow_nan=False), max_size=5))
def test_html_properties(title: str, rid: str, message: str, points: list[float]) -> None:
    findings = [finding(f"T{i}", p, text=message) for i, p in enumerate(points)]
    overall = max(0.0, 100.0 - sum(points))
    row = result(overall, "C", findings, title=title, rid=rid)
    page = render([row], format="html", lang="en")
    assert page == render([row], format="html", lang="en")  # deterministic
    body = page[page.index("<body"):page.index("<script>")]
    assert not re.search(r"<(?!/?(?:span|div|b|i|h1|h2|h3|p|br|ol|ul|li|a|section|header|"
                         r"button|table|thead|tbody|tr|th|td|article|label|select|option|"
                         r"input|img|body)\b)", body)
    after = projection(row, BANDS)
    if after is not None:  # fixing never lowers the score, and never goes past 100
        assert overall <= after["overall"] <= 100.0

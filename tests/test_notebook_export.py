"""Per-seller feedback files, and properties of the notebook views over arbitrary text."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import listing_quality as lq
from listing_quality import notebook


def test_per_seller_export_is_safe_and_complete(tmp_path: Path) -> None:
    from listing_quality.notebook_export import export_per_seller

    frame = pd.DataFrame({
        "title": ["=HYPERLINK(\"http://x\")", "-Seblak pedas", "Kopi Gayo 250 g", "Teh"],
        "price": ["Rp10.000", "Rp12.000", "Rp50.000", "Rp5.000"],
        "toko": ["../../etc/passwd", "../../etc/passwd", "Dapur <Sri>", ""]})
    results = frame.lq.results(progress=False)
    out = tmp_path / "umpan-balik"
    sent = export_per_seller(results, list(frame.lq.sellers()), out, lang="en")
    assert sorted(sent["listings"]) == [1, 1, 2]
    files = sorted(p.name for p in out.iterdir())
    assert len(files) == 6 and all(p.parent == out for p in out.iterdir())
    assert {"etc-passwd.csv", "dapur-sri.html", "tanpa-penjual.csv"} <= set(files)
    text = (out / "etc-passwd.csv").read_text(encoding="utf-8-sig")
    assert "'=HYPERLINK" in text and "'-Seblak" in text
    assert ",=" not in text and ",-Seblak" not in text  # no cell starts a formula
    page = (out / "dapur-sri.html").read_text(encoding="utf-8")
    assert "Dapur &lt;Sri&gt;" in page and "<Sri>" not in page
    with pytest.raises(ValueError):
        export_per_seller(results, ["a"], out)


def test_slug_never_escapes_the_folder() -> None:
    from listing_quality.notebook_export import slug

    for name in ("../..", "/", "", "  ", "\u202e", "a/b\\c", "x" * 500):
        made = slug(name)
        assert made and "/" not in made and "\\" not in made and ".." not in made
        assert len(made) <= 60


TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=60)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(title=TEXT, ident=TEXT, description=TEXT, lang=st.sampled_from(["id", "en", "xx"]))
def test_views_never_raise_and_never_leak_markup(title: str, ident: str, description: str,
                                                 lang: str) -> None:
    listing = {"id": ident or "x", "title": title, "description": description, "price": "1"}
    result = dataclasses.replace(lq.score(listing), lang=lang)
    html = result._repr_html_()
    assert html == result._repr_html_()  # deterministic
    assert "<script" not in html.lower().replace("&lt;script", "")
    text = repr(result)
    assert text.startswith("<Result") and "\x1b" not in text
    table = notebook.suggestions_frame([result])
    if len(table):
        assert table["score_after"].is_monotonic_increasing  # each fix only adds points
        assert table["score_after"].between(result.overall - 1e-9, 100.0).all()

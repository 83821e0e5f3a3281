"""The notebook face: the `lq` accessor, the result views, the Styler, plots, progress."""

from __future__ import annotations

import dataclasses
import sys
from html.parser import HTMLParser
from pathlib import Path

import pandas as pd
import pytest
from conftest import make_photo

import listing_quality as lq
from listing_quality import notebook
from listing_quality.report import result_view
from listing_quality.types import Result

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "data" / "samples"
EVIL = "<script>alert(1)</script>"


@pytest.fixture(scope="module")
def catalog() -> pd.DataFrame:
    frame = pd.read_csv(SAMPLES / "catalog.csv", dtype=str, keep_default_na=False).head(12)
    frame.index = [f"r{i}" for i in range(len(frame))]  # a non-default index must survive
    return frame


@pytest.fixture(scope="module")
def results(catalog: pd.DataFrame) -> list[Result]:
    return catalog.lq.results(marketplace="tokopedia", images_root=SAMPLES / "photos",
                              progress=False)


def test_accessor_needs_a_title_column_and_names_what_it_found() -> None:
    frame = pd.DataFrame({"harga": [1000], "kode": ["A"]})
    with pytest.raises(AttributeError) as caught:
        _ = frame.lq
    assert "title" in str(caught.value) and "'harga'" in str(caught.value)
    assert not hasattr(frame, "lq")  # pandas' convention: the accessor is "not there"
    assert hasattr(pd.DataFrame({"Nama Produk*": ["Kopi"]}), "lq")  # any known spelling


def test_accessor_score_matches_score_frame(catalog: pd.DataFrame) -> None:
    kwargs = {"marketplace": "tokopedia", "images_root": SAMPLES / "photos"}
    ours = catalog.lq.score(progress=False, **kwargs)
    theirs = lq.score_frame(catalog, **kwargs)
    pd.testing.assert_frame_equal(ours, theirs)
    assert list(ours.index) == list(catalog.index)


def test_accessor_findings_match_findings_frame(catalog: pd.DataFrame) -> None:
    ours = catalog.lq.findings(marketplace="tokopedia", lang="en", progress=False)
    theirs = lq.findings_frame(catalog, marketplace="tokopedia", lang="en")
    pd.testing.assert_frame_equal(ours.reset_index(drop=True), theirs.reset_index(drop=True))
    assert len(ours) > len(catalog)


def test_suggestions_are_ranked_and_add_up(results: list[Result]) -> None:
    table = notebook.suggestions_frame(results, lang="en")
    assert set(table["id"]) <= {r.id for r in results} and len(table) > 0
    for result in results:
        rows = table[table["id"] == result.id]
        if rows.empty:
            continue
        assert list(rows["rank"]) == list(range(1, len(rows) + 1))
        assert list(rows["points"]) == sorted(rows["points"], reverse=True)
        assert rows["score_after"].is_monotonic_increasing
        expected = min(100.0, result.overall + rows["points"].sum())
        assert rows["score_after"].iloc[-1] == pytest.approx(expected, abs=0.01)
        assert not rows["code"].str.startswith("M").any()  # the model is no seller's fix


def test_accessor_suggestions_in_english(catalog: pd.DataFrame) -> None:
    table = catalog.head(3).lq.suggestions(marketplace="tokopedia", lang="en", progress=False)
    assert list(table.columns) == list(notebook.SUGGESTION_COLUMNS)
    assert table["suggestion"].str.len().min() > 0


def _evil_result(tmp_path: Path) -> Result:
    good = make_photo(tmp_path, "depan.jpg", {"size": [800, 800]})
    nasty = make_photo(tmp_path, '"><img src=x onerror=alert(2)>.jpg', {"size": [700, 700]})
    listing = {"id": f"id-{EVIL}", "title": f"Keripik {EVIL} 250 g", "price": "Rp15.000",
               "description": f"enak {EVIL}", "brand": "<b>Toko</b>",
               "photos": [good, nasty, "../luar.jpg"], "category": "kuliner"}
    return lq.score(listing, marketplace="tokopedia", images_root=tmp_path)


class _Tags(HTMLParser):
    """Every start tag and its attributes, as a browser would build them."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def _tags(html: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = _Tags()
    parser.feed(html)
    return parser.tags


def test_repr_html_escapes_seller_text_and_shows_thumbnails(tmp_path: Path) -> None:
    result = _evil_result(tmp_path)
    html = result._repr_html_()
    tags = _tags(html)
    assert not [t for t, _ in tags if t in ("script", "iframe", "svg")]
    assert not [a for _, attrs in tags for a in attrs if a.startswith("on")]
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    images = [attrs["src"] for tag, attrs in tags if tag == "img"]
    assert len(images) == 2 and all(s.startswith("data:image/jpeg;base64,") for s in images)
    assert "luar.jpg" in html  # outside images_root: named, never read
    for dim in ("Judul", "Foto", "Kemasan", "Harga"):
        assert dim in html
    fixes = [f for f in result.findings if f.points > 0 and not f.code.startswith("M")]
    assert len([t for t, _ in tags if t == "li"]) == len(fixes)
    assert ("<details>" in html) == (len(fixes) > result_view.HTML_FIXES)
    shown = sorted(fixes, key=lambda f: html.index(f"<code>{f.code}</code>"))
    assert [f.points for f in shown] == sorted((f.points for f in fixes), reverse=True)


def test_repr_html_follows_the_result_language(tmp_path: Path) -> None:
    result = dataclasses.replace(_evil_result(tmp_path), lang="en")
    html = result._repr_html_()
    assert "Title" in html and "Suggestion" in html and "Saran" not in html


def test_repr_text_is_short_and_terminal_safe(tmp_path: Path) -> None:
    listing = {"id": "A-1\x1b[31m\nFAKE", "title": "Kopi\x1b]0;x\x07 \u202eevil", "price": 1}
    text = repr(lq.score(listing))
    lines = text.splitlines()
    assert lines[0].startswith("<Result A-1") and "FAKE: " in lines[0]
    assert "\x1b" not in text and "\u202e" not in text
    assert 4 <= len(lines) <= 4 + result_view.TEXT_FIXES + 1
    assert lines[1].strip().startswith("Kopi")
    assert repr(_evil_result(tmp_path)).startswith("<Result id-<script>")  # text, not HTML


def test_views_survive_a_broken_result() -> None:
    broken = Result(id="x", overall=float("nan"), grade="?", readiness="?", dimensions={},
                    findings=(), features={}, rubric="no-such-rubric", images_root="/nope",
                    photo_refs=("a.jpg",))
    assert repr(broken).startswith("<Result x: -")
    assert "a.jpg" in broken._repr_html_()


def test_result_identity_ignores_where_photos_came_from(results: list[Result]) -> None:
    first = results[0]
    assert first.images_root and first.photo_refs
    assert dataclasses.replace(first, images_root=None, photo_refs=()) == first
    assert "images_root" not in first.to_dict()


def test_styler_colours_scores_by_the_rubric_bars(results: list[Result]) -> None:
    pytest.importorskip("jinja2")
    scores = lq.results_frame(results)
    scores.loc[scores.index[0], "overall"] = 99.0
    scores.loc[scores.index[1], "overall"] = 10.0
    html = notebook.style_scores(scores, "kuliner", "tokopedia").to_html()
    colours = notebook.view_settings()["colours"]
    assert colours["ready"] in html and colours["below"] in html
    assert colours["grades"]["A"] in html or colours["grades"]["E"] in html
    assert "99.0" in html


def test_accessor_style_renders(catalog: pd.DataFrame) -> None:
    pytest.importorskip("jinja2")
    html = catalog.head(4).lq.style(marketplace="tokopedia", progress=False).to_html()
    assert html.count("<tr") == 5 and "background-color" in html


def test_plots_return_figures(results: list[Result]) -> None:
    matplotlib = pytest.importorskip("matplotlib")
    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    scores = lq.results_frame(results)
    findings = lq.findings_frame(results)
    figures = [notebook.plot_scores(scores), notebook.plot_findings(findings, top=5),
               notebook.plot_price_peers(results)]
    assert all(isinstance(f, Figure) for f in figures)
    assert len(figures[0].axes) == 5
    bars = figures[1].axes[0].patches
    assert 0 < len(bars) <= 5 and max(b.get_width() for b in bars) <= len(results)
    for fig in figures:
        fig.canvas.draw()  # renders under Agg without a display


def test_plots_on_empty_input() -> None:
    matplotlib = pytest.importorskip("matplotlib")
    matplotlib.use("Agg")
    empty_scores = lq.results_frame([])
    empty_findings = lq.findings_frame([])
    for fig in (notebook.plot_scores(empty_scores), notebook.plot_findings(empty_findings),
                notebook.plot_price_peers([])):
        fig.canvas.draw()


def test_price_vs_peers_draws_one_point_per_listing_with_peers() -> None:
    matplotlib = pytest.importorskip("matplotlib")
    matplotlib.use("Agg")
    rows = [{"id": str(i), "title": f"Keripik Singkong Balado {250} g", "category": "kuliner",
             "price": price} for i, price in enumerate((15000, 16000, 17000, 90000))]
    results = lq.score_catalog([lq.adapters.listing_from_mapping(r) for r in rows])
    with_peers = [r for r in results if (r.features.get("catalog.price_peers") or {}).get("n", 0)
                  >= 2]
    fig = notebook.plot_price_peers(results)
    assert f"({len(with_peers)} listings with peers)" in fig.axes[0].get_title()


def test_progress_off_is_silent_and_on_reports(catalog: pd.DataFrame,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    small = catalog.head(3)
    small.lq.score(progress=False)
    assert capsys.readouterr().err == ""
    small.lq.score(progress=True)
    err = capsys.readouterr().err
    assert "3/3" in err


def test_progress_without_tqdm_falls_back_to_a_counter(
        catalog: pd.DataFrame, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "tqdm.auto", None)  # import tqdm.auto -> ImportError
    lq.score_frame(catalog.head(3), progress=True)
    assert "scored 3/3" in capsys.readouterr().err


def test_import_does_not_load_plotting() -> None:
    import subprocess

    code = ("import sys, listing_quality, pandas as pd; "
            "assert hasattr(pd.DataFrame({'title': ['x']}), 'lq'); "
            "print(sorted(m for m in ('matplotlib', 'jinja2', 'tqdm') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "[]"

"""The curator's desk: a pandas accessor, result views and a coloured score table.

    import listing_quality          # registers the `lq` DataFrame accessor
    results = catalog.lq.results(marketplace="tokopedia", images_root="photos")
    scores = catalog.lq.score(...)  # == lq.score_frame; findings(), suggestions() too
    results[0]                      # Jupyter shows the HTML view (Result._repr_html_)

Everything here wires existing layers together: scoring is `api`, the views are
`report.result_view` (they only format), thumbnails are `report.thumbs` (confined to
images_root). Plots live in `notebook_plots` and import matplotlib only when called, so
`import listing_quality` stays light. Colours are data (`notebook.yaml`).
"""

from __future__ import annotations

import functools
import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import pandas as pd
import yaml

from .adapters import read_catalog
from .adapters.columns import resolve, spec
from .adapters.sources import choose
from .api import ModelFn, Options, findings_frame, results_frame, score_catalog
from .notebook_plots import plot_findings, plot_price_peers, plot_scores
from .report.fixes import ranked_fixes
from .report.result_view import render_html, render_text
from .report.sellers import seller_of
from .report.thumbs import settings as report_settings
from .report.thumbs import thumbnail
from .rubric import RubricError, load_rubric
from .rubric_select import AUTO
from .types import Result

__all__ = ["LqAccessor", "plot_findings", "plot_price_peers", "plot_scores",
           "result_html", "result_text", "style_scores", "suggestions_frame"]

SUGGESTION_COLUMNS = ("id", "rank", "code", "name", "dimension", "severity", "points",
                      "score_after", "message", "suggestion")
SCORE_CELLS = ("overall", "score_title", "score_photos", "score_packaging", "score_price")


@functools.lru_cache(maxsize=1)
def view_settings() -> dict[str, Any]:
    """`notebook.yaml`, parsed once per process."""
    return yaml.safe_load(Path(__file__).with_name("notebook.yaml").read_text("utf-8"))


@functools.lru_cache(maxsize=64)
def bands_for(rubric: str) -> dict[str, Any] | None:
    """Grade bands of a result's rubric ("kuliner+tokopedia" = kuliner with a profile).

    None for a rubric loaded from a file (its name is not a path): the views then show
    scores instead of grades, which is what `fixes.headline` does without bands.
    """
    base, _, profile = str(rubric).partition("+")
    try:
        loaded = load_rubric(base or "umum", profile or None)
    except (RubricError, OSError, ValueError):
        return None
    return {"grades": [list(g) for g in loaded.grades], "ready": loaded.ready,
            "local": loaded.local_bar}


def _thumbs(result: Result) -> list[tuple[str, str | None]]:
    """(name, data URI or None) for the first photos, read only inside images_root."""
    limit = int(report_settings()["thumbnails"]["per_listing"])
    root = Path(result.images_root) if result.images_root else None
    return [(Path(ref).name or ref, thumbnail(ref, root)) for ref in result.photo_refs[:limit]]


def result_html(result: Result) -> str:
    """`Result._repr_html_`: never raises, a broken view is a short escaped note."""
    try:
        return render_html(result.to_dict(), lang=result.lang, thumbs=_thumbs(result),
                           bands=bands_for(result.rubric))
    except Exception as exc:  # noqa: BLE001 - a repr must not break the notebook
        from html import escape
        return f"<pre>{escape(f'Result {result.id!r}: view failed ({exc!r})')}</pre>"


def result_text(result: Result) -> str:
    """`Result.__repr__`: a few lines, never raises."""
    try:
        return render_text(result.to_dict(), lang=result.lang, bands=bands_for(result.rubric))
    except Exception as exc:  # noqa: BLE001 - a repr must not raise
        return f"<Result {result.id!r} (view failed: {exc!r})>"


def suggestions_frame(results: Sequence[Result], lang: str = "id") -> pd.DataFrame:
    """One row per actionable fix, ranked by points regained within each listing.

    `score_after` is the overall score once this fix and every higher-ranked one are
    made (points are each finding's share of 100 - overall, so they add up).
    """
    rows = []
    for result in results:
        after = result.overall
        for rank, fix in enumerate(ranked_fixes(result.to_dict()), start=1):
            after = min(100.0, after + float(fix["points"]))
            rows.append({"id": result.id, "rank": rank, "code": fix["code"],
                         "name": fix["name"], "dimension": fix["dimension"],
                         "severity": fix["severity"], "points": fix["points"],
                         "score_after": round(after, 2),
                         "message": _pick(fix["message"], lang),
                         "suggestion": _pick(fix["suggestion"], lang)})
    return pd.DataFrame(rows, columns=list(SUGGESTION_COLUMNS))


def _pick(texts: Mapping[str, str], lang: str) -> str:
    return texts.get(lang) or texts.get("id", "")


def style_scores(scores: pd.DataFrame, rubric: str = "umum",
                 marketplace: str | None = None) -> Any:
    """A pandas Styler (needs jinja2): score cells coloured by the rubric's bars, grades
    by band. Only the colours are added; the numbers are the frame's own."""
    bands = bands_for(f"{rubric}+{marketplace}" if marketplace else rubric) or {}
    colours = view_settings()["colours"]
    ready, local = float(bands.get("ready", 101)), float(bands.get("local", 101))

    def score_css(value: Any) -> str:
        if value is None or pd.isna(value):
            return f"background-color:{colours['missing']}"
        tone = "ready" if value >= ready else "local" if value >= local else "below"
        return f"background-color:{colours[tone]}"

    def grade_css(value: Any) -> str:
        colour = colours["grades"].get(str(value))
        return f"background-color:{colour};color:#fff;font-weight:600" if colour else ""

    styler = scores.style
    paint = getattr(styler, "map", None) or styler.applymap  # pandas < 2.1: applymap
    styler = paint(score_css, subset=[c for c in SCORE_CELLS if c in scores.columns])
    paint = getattr(styler, "map", None) or styler.applymap
    if "grade" in scores.columns:
        styler = paint(grade_css, subset=["grade"])
    return styler.format(precision=1, subset=[c for c in SCORE_CELLS if c in scores.columns])


def _missing_title(df: pd.DataFrame) -> str | None:
    """Why `df` is not a catalog (no column the adapters read as the title), or None."""
    headers = tuple(str(c) for c in df.columns)
    fields = resolve(headers, choose(None, (), [headers]).overrides).fields
    if "title" in fields:
        return None
    expected = ", ".join(spec().spellings["title"])
    return (f"DataFrame.lq needs a product title column (one of: {expected}); "
            f"columns found: {list(headers)}")


@pd.api.extensions.register_dataframe_accessor("lq")
class LqAccessor:
    """`df.lq`: score a catalog DataFrame the way `lq.score_frame` does, from the frame.

    Every method scores afresh (the frame may have changed since); score once with
    `results()` and pass the list to `lq.results_frame` / `lq.findings_frame` /
    `suggestions_frame` to reuse it. `progress` defaults to on: this is the notebook face.
    """

    def __init__(self, df: pd.DataFrame) -> None:
        problem = _missing_title(df)
        if problem:
            raise AttributeError(problem)
        self._df = df

    def results(self, rubric: str = AUTO, marketplace: str | None = None,
                images_root: str | os.PathLike | None = None, lang: str = "id", *,
                n_jobs: int = 1, progress: bool = True, model: ModelFn | None = None
                ) -> list[Result]:
        """One `Result` per row, in order (each shows its HTML view in Jupyter)."""
        root = None if images_root is None else str(Path(images_root).resolve())
        options = Options(str(rubric), marketplace, root, lang)
        return score_catalog(read_catalog(self._df), options, model=model, n_jobs=n_jobs,
                             progress=progress)

    def score(self, **kwargs: Any) -> pd.DataFrame:
        """`lq.score_frame` on this frame: same index, scores, codes, top suggestion."""
        results = self.results(**kwargs)
        return results_frame(results, index=self._df.index, lang=kwargs.get("lang", "id"))

    def findings(self, **kwargs: Any) -> pd.DataFrame:
        """`lq.findings_frame`: one row per listing x finding."""
        results = self.results(**kwargs)
        return findings_frame(results, lang=kwargs.get("lang", "id"))

    def suggestions(self, **kwargs: Any) -> pd.DataFrame:
        """Fixes per listing, ranked by points regained, with the score after each."""
        results = self.results(**kwargs)
        return suggestions_frame(results, lang=kwargs.get("lang", "id"))

    def style(self, **kwargs: Any) -> Any:
        """The score table as a coloured Styler (score bars of the rubric asked for)."""
        scores = self.score(**kwargs)
        rubric = kwargs.get("rubric", AUTO)
        return style_scores(scores, "umum" if rubric == AUTO else str(rubric),
                            kwargs.get("marketplace"))

    def sellers(self) -> pd.Series:
        """Who sells each row (a shop/seller column, else the brand), same index."""
        names = [seller_of(item) for item in read_catalog(self._df).listings]
        return pd.Series(names, index=self._df.index, name="seller", dtype=object)

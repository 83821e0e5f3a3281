"""The public face: score one listing, a DataFrame, or a catalog (DESIGN.md section 3).

This module only wires the layers together — adapt, measure, judge, predict, score — so
the CLI, notebooks and distributed engines all run exactly the same pipeline.
"""

from __future__ import annotations

import dataclasses
import functools
import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from . import engine, features, scoring
from .adapters import Catalog, listing_from_mapping, read_catalog
from .features import catalog as catalog_features
from .features.catalog import CatalogContext
from .gc_pause import gc_paused
from .model import resolve_model
from .model.category import auto_rubric, auto_rubrics
from .model.finding import with_reasons
from .partition import Reading, measure_all, score_partition
from .progress import Tick, stage, tracker
from .rubric import Rubric, load_rubric
from .rubric_select import AUTO
from .schema import OUTPUT_COLUMNS, conform, dask_meta
from .stream import DEFAULT_CHUNK, score_chunks
from .suggest import suggest_title
from .types import Listing, Result

# a callable features -> probability, a Model, a model.json path, None (the shipped
# model) or False (no model): see model.resolve_model
ModelFn = Callable[[Mapping[str, Any]], float | None] | str | os.PathLike | bool | None
SCORE_COLUMNS = OUTPUT_COLUMNS
FINDING_COLUMNS = ("id", "code", "name", "dimension", "severity", "points", "message",
                   "suggestion", "field", "observed", "expected")


@dataclass(frozen=True)
class Options:
    """How to score: picklable, so worker processes receive it whole."""

    rubric: str = AUTO
    marketplace: str | None = None
    images_root: str | None = None
    lang: str = "id"
    allow_network: bool = False
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()

    def rubric_for(self, listing: Listing) -> Rubric:
        name = auto_rubric(listing.category, listing.title) if self.rubric == AUTO else self.rubric
        return selected_rubric(name, self.marketplace, self.select, self.ignore)

    def rubrics_for(self, listings: Iterable[Listing]) -> list[Rubric]:
        """`rubric_for` of each listing, for a chunk: the titles of listings without a
        category are inferred together (`auto_rubrics`), and each rubric is selected once."""
        listings = list(listings)
        names = auto_rubrics([li.category for li in listings], [li.title for li in listings]) \
            if self.rubric == AUTO else [self.rubric] * len(listings)
        chosen = {name: selected_rubric(name, self.marketplace, self.select, self.ignore)
                  for name in dict.fromkeys(names)}
        return [chosen[name] for name in names]


@functools.lru_cache(maxsize=64)
def selected_rubric(name: str, marketplace: str | None, select: tuple[str, ...] = (),
                    ignore: tuple[str, ...] = ()) -> Rubric:
    """The rubric with only the rules chosen by code or prefix (ruff's --select/--ignore).

    An ignored rule is not judged at all, so it neither finds nor weighs anything.
    """
    rubric = load_rubric(name, marketplace)
    if not select and not ignore:
        return rubric

    def chosen(code: str) -> bool:
        picked = not select or any(code.startswith(s) for s in select)
        return picked and not any(code.startswith(i) for i in ignore)

    return dataclasses.replace(rubric, rules=tuple(r for r in rubric.rules if chosen(r.code)))


def score(listing: Mapping[str, Any] | Listing, rubric: str = AUTO,
          marketplace: str | None = None, images_root: str | os.PathLike | None = None,
          lang: str = "id", *, model: ModelFn | None = None,
          allow_network: bool = False) -> Result:
    """Score one listing: a mapping with keys id, title, description, price, photos, ..."""
    if not isinstance(listing, Listing):
        listing = listing_from_mapping(listing)
    options = Options(str(rubric), marketplace, _root(images_root), lang, allow_network)
    return score_listing(listing, options, model)


def score_listing(listing: Listing, options: Options, model: ModelFn | None = None) -> Result:
    """Score one listing on its own (its catalog features see a catalog of one)."""
    return score_catalog([listing], options, model=model)[0]


def measure(listing: Listing, options: Options) -> dict[str, Any]:
    root = Path(options.images_root) if options.images_root else None
    return features.extract(listing, features.Context(root, options.allow_network))


def judge(listing: Listing, facts: dict[str, Any], options: Options,
          model: ModelFn | None = None) -> Result:
    rubric = options.rubric_for(listing)
    if not _chosen("M001", options.select, options.ignore):
        model = False  # --select/--ignore apply to the model's finding like to any rule
    probability = _predict(model, facts)
    facts["model.probability"] = probability
    scored = scoring.score(engine.evaluate(facts, rubric), rubric, probability)
    findings = with_reasons(scored.findings, resolve_model(model), facts)
    return Result(
        id=listing.id, overall=scored.overall, grade=scored.grade, readiness=scored.readiness,
        dimensions=scored.dimensions, findings=findings, features=facts,
        suggested_title=suggest_title(listing, facts, rubric.name), rubric=rubric.name,
        lang=options.lang, source=listing.source, images_root=options.images_root,
        photo_refs=tuple(photo.ref for photo in listing.photos),
    )


def score_catalog(catalog: Catalog | Iterable[Listing], options: Options | None = None, *,
                  model: ModelFn | None = None, n_jobs: int = 1,
                  progress: bool = False) -> list[Result]:
    """Score listings in order; one result per listing, whatever each one contains.

    Three passes: measure every listing (in worker processes when n_jobs allows), add the
    catalog-level features once, then judge and score each listing.
    """
    listings = list(catalog.listings if isinstance(catalog, Catalog) else catalog)
    options = options or Options()
    with tracker(len(listings), progress) as tick:
        facts = _measure_all(listings, options, n_jobs, tick)
        stage(tick, "catalog")
        catalog_features.enrich(facts, [item.id for item in listings])
        stage(tick, "judge")
        with gc_paused():  # see gc_pause.py: every fact of the catalog is alive meanwhile
            return [judge(item, row, options, model)
                    for item, row in zip(listings, facts, strict=True)]


def _measure_all(listings: list[Listing], options: Options, n_jobs: int,
                 tick: Tick | None = None) -> list[dict[str, Any]]:
    """Measure every listing; `tick(n)` reports progress (measuring is the slow pass)."""
    workers = _workers(n_jobs, len(listings))
    if workers <= 1:
        with gc_paused():  # see gc_pause.py
            return [_ticked(measure(item, options), tick) for item in listings]
    chunks = [listings[i::workers] for i in range(workers)]
    with ProcessPoolExecutor(max_workers=workers) as pool:
        parts = list(pool.map(measure_all, chunks, [options] * workers))
    facts: list[dict[str, Any]] = [{}] * len(listings)
    for offset, part in enumerate(parts):
        facts[offset::workers] = part
    if tick is not None:
        tick(len(listings))
    return facts


def score_frame(data: pd.DataFrame | str | os.PathLike, rubric: str = AUTO,
                marketplace: str | None = None, images_root: str | os.PathLike | None = None,
                lang: str = "id", *, n_jobs: int = 1, progress: bool = False,
                model: ModelFn | None = None, allow_network: bool = False,
                chunk_size: int = DEFAULT_CHUNK, context: CatalogContext | None = None,
                source: str | None = None, columns: Mapping[str, Any] | None = None,
                row_offset: int = 0) -> pd.DataFrame:
    """One row per input row, same index and order, in `OUTPUT_SCHEMA`.

    `data` is a DataFrame or a CSV/Parquet path. Larger than `chunk_size` rows, it is
    streamed in two passes with bounded memory (stream.py); `score_chunks` yields the
    chunks instead of concatenating them. With `context` (a `CatalogContext` reduced from
    the whole catalog's keys) the frame is one partition of a larger catalog: no catalog
    pass, only scoring against that context — what Dask and Spark workers run, with
    `row_offset` its first row's position in the catalog.
    """
    options = Options(str(rubric), marketplace, _root(images_root), lang, allow_network)
    reading = Reading.of(source, columns)
    if context is not None:
        return score_partition(data, context, options, model, row_offset, reading)
    parts = list(score_chunks(data, options, model=model, chunk_size=chunk_size,
                              n_jobs=n_jobs, progress=progress, reading=reading))
    return pd.concat(parts) if parts else dask_meta()


def findings_frame(data: pd.DataFrame | Sequence[Result], rubric: str = AUTO,
                   marketplace: str | None = None,
                   images_root: str | os.PathLike | None = None, lang: str = "id",
                   **kwargs: Any) -> pd.DataFrame:
    """A tidy long table: one row per listing x finding (a pandera-style failure table)."""
    results = (_score_df(data, rubric, marketplace, images_root, lang,
                         kwargs.get("n_jobs", 1), False, kwargs.get("model"), False)
               if isinstance(data, pd.DataFrame) else list(data))
    rows = [{"id": r.id, "code": f.code, "name": f.name, "dimension": f.dimension,
             "severity": f.severity, "points": round(f.points, 4),
             "message": f.message(lang), "suggestion": f.suggestion(lang),
             "field": f.field, "observed": f.to_dict()["observed"],
             "expected": f.to_dict()["expected"]}
            for r in results for f in r.findings]
    return pd.DataFrame(rows, columns=list(FINDING_COLUMNS))


def results_frame(results: Sequence[Result], index: Any = None, lang: str = "id"
                  ) -> pd.DataFrame:
    rows = [_score_row(r, lang) for r in results]
    frame = pd.DataFrame(rows, columns=list(SCORE_COLUMNS))
    if index is not None:
        frame.index = index
    return conform(frame)


def _score_row(result: Result, lang: str) -> dict[str, Any]:
    dims = result.dimensions
    row = {"id": result.id, "overall": round(result.overall, 2), "grade": result.grade,
           "readiness": result.readiness,
           "model_probability": result.features.get("model.probability"),
           "codes": " ".join(result.codes), "top_suggestion": result.top_suggestion(lang)}
    for dim in ("title", "photos", "packaging", "price"):
        value = dims[dim].score if dim in dims else None
        row[f"score_{dim}"] = None if value is None else round(value, 2)
    return row


def _score_df(df: pd.DataFrame, rubric: str, marketplace: str | None, images_root: Any,
              lang: str, n_jobs: int, progress: bool, model: ModelFn | None,
              allow_network: bool) -> list[Result]:
    catalog = read_catalog(df)
    options = Options(str(rubric), marketplace, _root(images_root), lang, allow_network)
    return score_catalog(catalog, options, model=model, n_jobs=n_jobs, progress=progress)


def _predict(model: ModelFn | None, facts: Mapping[str, Any]) -> float | None:
    """None = the shipped model, False = none; a model file that fails its check raises."""
    fn = resolve_model(model)
    if fn is None:
        return None
    try:
        value = fn(facts)
    except Exception:  # noqa: BLE001 - a broken model must not stop scoring
        return None
    return None if value is None or value != value else min(1.0, max(0.0, float(value)))


def _chosen(code: str, select: Sequence[str], ignore: Sequence[str]) -> bool:
    picked = not select or any(code.startswith(s) for s in select)
    return picked and not any(code.startswith(i) for i in ignore)


def _workers(n_jobs: int, n_items: int) -> int:
    if n_jobs is None or n_jobs == 1 or n_items < 64:
        return 1
    available = os.cpu_count() or 1
    return max(1, min(available if n_jobs <= 0 else n_jobs, available))


def _root(images_root: str | os.PathLike | None) -> str | None:
    return None if images_root is None else str(Path(images_root).resolve())


def _ticked(facts: dict[str, Any], tick: Tick | None) -> dict[str, Any]:
    if tick is not None:
        tick(1)
    return facts

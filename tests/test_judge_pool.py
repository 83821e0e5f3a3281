"""Judging in worker processes gives the very Results one process gives, in order."""

from __future__ import annotations

from pathlib import Path

import pytest

import listing_quality as lq
from listing_quality import judge_pool

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "data" / "samples" / "catalog.csv"


@pytest.fixture(scope="module")
def catalog() -> lq.Catalog:
    return lq.read_catalog(SAMPLE)


def _dicts(results: list) -> list[dict]:
    return [r.to_dict() for r in results]


def test_workers_give_the_results_of_one_process(catalog: lq.Catalog) -> None:
    options = lq.Options(images_root=str(SAMPLE.parent / "photos"))
    one = lq.score_catalog(catalog, options)
    two = lq.score_catalog(catalog, options, n_jobs=2)
    assert [r.id for r in two] == [li.id for li in catalog.listings]
    assert _dicts(two) == _dicts(one)


def test_a_model_that_cannot_travel_is_judged_here(catalog: lq.Catalog,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    pools: list[int] = []
    real = judge_pool.ProcessPoolExecutor

    def counting(*args: object, **kwargs: object) -> object:
        pools.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(judge_pool, "ProcessPoolExecutor", counting)
    half = lambda facts: 0.5  # noqa: E731 - a lambda is exactly what cannot be pickled
    results = lq.score_catalog(catalog, model=half, n_jobs=2)
    assert pools == [] and all(r.features["model.probability"] == 0.5 for r in results)
    lq.score_catalog(catalog, n_jobs=2)
    assert pools == [1]  # the shipped model travels: judged in workers

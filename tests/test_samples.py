"""The bundled sample catalog, end to end: CSV and XLSX agree, one result per row, every
lost point attributed, and the spread runs from excellent to poor as the sample promises."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pandas as pd
import pytest

import listing_quality as lq
from listing_quality.cli import main

SAMPLES = Path(__file__).resolve().parent.parent / "data" / "samples"
OPTIONS = lq.Options(images_root=str(SAMPLES / "photos"))


@pytest.fixture(scope="module")
def csv_results() -> list[lq.Result]:
    return lq.score_catalog(lq.read_catalog(SAMPLES / "catalog.csv"), OPTIONS)


def test_one_result_per_row_in_order(csv_results: list[lq.Result]) -> None:
    ids = list(pd.read_csv(SAMPLES / "catalog.csv", dtype=str)["id"])
    assert [r.id for r in csv_results] == ids and len(ids) == 200
    for r in csv_results:
        assert math.isclose(sum(f.points for f in r.findings), 100 - r.overall, abs_tol=0.01)


def test_spread_from_excellent_to_poor(csv_results: list[lq.Result]) -> None:
    grades = {g: sum(r.grade == g for r in csv_results) for g in "ABCDE"}
    readiness = {r.readiness for r in csv_results}
    assert grades["A"] >= 20 and grades["E"] >= 10
    assert readiness == {"siap-marketplace", "platform-lokal", "perlu-perbaikan"}
    rubrics = {r.rubric for r in csv_results}
    assert {"kuliner", "kriya", "busana"} <= rubrics


def test_xlsx_export_scores_like_the_csv(csv_results: list[lq.Result]) -> None:
    xlsx = lq.score_catalog(lq.read_catalog(SAMPLES / "catalog_tokopedia.xlsx"), OPTIONS)
    assert [r.id for r in xlsx] == [r.id for r in csv_results]
    for a, b in zip(xlsx, csv_results, strict=True):
        assert a.rubric == b.rubric, a.id
        assert math.isclose(a.overall, b.overall, abs_tol=0.01), (a.id, a.codes, b.codes)


def test_cli_json_on_the_sample(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["check", str(SAMPLES / "catalog.csv"), "--images", str(SAMPLES / "photos"),
                 "--format", "json"])
    data = json.loads(capsys.readouterr().out)
    assert code == 1 and len(data["results"]) == 200
    assert data["summary"]["listings"] == 200

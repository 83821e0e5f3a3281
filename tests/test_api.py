"""The public API contract of DESIGN.md section 3, checked from outside the package."""

from __future__ import annotations

import json
import math

import pandas as pd
import pytest
from conftest import build_listing

import listing_quality as lq

GOOD = {
    "id": "G1", "category": "kuliner",
    "title": "Sambal Bawang Pedas Bu Rudy 250 g Khas Surabaya",
    "description": ("Sambal bawang khas Surabaya dengan cabai rawit segar dan bawang putih "
                    "goreng. Netto 250 g dalam botol kaca. Komposisi: cabai, bawang putih, "
                    "minyak, garam. P-IRT No. 2063578010123-26. Halal. Kedaluwarsa 3 bulan, "
                    "simpan di kulkas setelah dibuka agar tetap segar dan pedasnya terjaga."),
    "price": "Rp32.500", "weight_g": 400, "stock": 12,
}
POOR = {"id": "P1", "category": "kuliner", "title": "SAMBAL MANTAP PROMO!!!", "price": "",
        "description": "enak"}


def test_score_contract(images) -> None:
    listing = build_listing({**GOOD, "photos": [{"size": [1000, 1000]}] * 3}, images)
    r = lq.score(listing, rubric="kuliner", marketplace="tokopedia", images_root=images,
                 model=False)
    assert r.id == "G1" and r.rubric == "kuliner+tokopedia"
    assert set(r.dimensions) == {"title", "photos", "packaging", "price"}
    assert r.grade in "AB" and r.readiness == "siap-marketplace"
    features = r.features
    assert features["price.value"] == 32500
    assert features["packaging.net_g"] == 250 and features["packaging.pirt"] == "206357801012326"
    assert features["packaging.halal"] is True and features["packaging.expiry"] is True
    assert features["price.per_100g"] == 13000
    assert features["photos.count"] == 3 and features["model.probability"] is None
    assert features["title.slots"]["berat"] == "250 g"
    json.dumps(r.to_dict(), allow_nan=False)


def test_poor_listing_explains_every_lost_point() -> None:
    r = lq.score(POOR, rubric="kuliner")
    assert r.readiness == "perlu-perbaikan" and r.grade == "E"
    assert {"H101", "P101", "T105", "T106", "T107", "K101"} <= set(r.codes)
    assert math.isclose(sum(f.points for f in r.findings), 100 - r.overall, abs_tol=0.01)
    assert [f.points for f in r.findings] == sorted((f.points for f in r.findings), reverse=True)
    assert r.dimensions["price"].score == 0 and r.dimensions["photos"].score == 0
    first = r.findings[0]
    assert first.message("id") != first.message("en") and first.suggestion("en")


def test_auto_rubric_follows_category() -> None:
    assert lq.score({**POOR, "category": "Makanan & Minuman"}).rubric == "kuliner"
    assert lq.score({**POOR, "category": "Kerajinan Tangan"}).rubric == "kriya"
    assert lq.score({**POOR, "category": "Fashion Batik & Tenun"}).rubric == "busana"
    assert lq.score({**POOR, "category": "elektronik"}).rubric == "umum"


def test_model_blend_is_its_own_finding() -> None:
    without = lq.score(GOOD, rubric="kuliner", model=False)
    doubted = lq.score(GOOD, rubric="kuliner", model=lambda features: 0.2)
    assert "M001" in doubted.codes and "M001" not in without.codes
    assert doubted.overall < without.overall
    m001 = next(f for f in doubted.findings if f.code == "M001")
    assert math.isclose(m001.points, 0.15 * 100 * 0.8)


def test_broken_model_does_not_stop_scoring() -> None:
    def broken(features):
        raise RuntimeError("model file corrupted")

    r = lq.score(GOOD, rubric="kuliner", model=broken)
    assert r.features["model.probability"] is None and "M001" not in r.codes


def test_score_frame_keeps_index_order_and_columns() -> None:
    df = pd.DataFrame([GOOD, POOR, {**GOOD, "id": "G2", "price": "nego"}],
                      index=["x", "y", "z"])
    out = lq.score_frame(df, rubric="kuliner")
    assert list(out.index) == ["x", "y", "z"]
    assert list(out["id"]) == ["G1", "P1", "G2"]
    for column in ("id", "overall", "grade", "readiness", "score_title", "score_photos",
                   "score_packaging", "score_price", "model_probability", "codes",
                   "top_suggestion"):
        assert column in out.columns
    assert "D002" in out.loc["z", "codes"].split()
    assert out.loc["y", "top_suggestion"]


def test_findings_frame_is_long_and_tidy() -> None:
    df = pd.DataFrame([GOOD, POOR])
    long = lq.findings_frame(df, rubric="kuliner", lang="en")
    assert {"id", "code", "name", "dimension", "severity", "points", "message",
            "suggestion"} <= set(long.columns)
    poor = long[long["id"] == "P1"]
    assert math.isclose(poor["points"].sum(),
                        100 - lq.score(POOR, rubric="kuliner").overall, abs_tol=0.01)


def test_score_frame_parallel_matches_serial() -> None:
    rows = [{**GOOD, "id": f"G{i}", "price": 10000 + i} for i in range(80)]
    rows += [{**POOR, "id": f"P{i}"} for i in range(40)]
    df = pd.DataFrame(rows)
    serial = lq.score_frame(df, rubric="kuliner")
    parallel = lq.score_frame(df, rubric="kuliner", n_jobs=2)
    pd.testing.assert_frame_equal(serial, parallel)


def test_select_and_ignore_change_what_is_judged() -> None:
    options = lq.Options(rubric="kuliner", ignore=("T",))
    [r] = lq.score_catalog([lq.read_catalog([POOR]).listings[0]], options)
    assert not any(code.startswith("T") for code in r.codes)
    options = lq.Options(rubric="kuliner", select=("H101",))
    [r] = lq.score_catalog(lq.read_catalog([POOR]), options)
    assert r.codes == ("H101",)


@pytest.mark.parametrize("marketplace", ["tokopedia", "shopee", "lazada", "tiktok", "lokal"])
def test_marketplace_profiles_change_verdicts(marketplace: str) -> None:
    long_title = {**GOOD, "title": "Sambal Bawang Pedas Bu Rudy Asli Surabaya Jawa Timur "
                  "Tanpa Pengawet Botol Kaca Besar 250 g Level 5 Extra Hot Rawit Merah"}
    r = lq.score(long_title, rubric="kuliner", marketplace=marketplace)
    assert ("T103" in r.codes) == (marketplace == "lokal")

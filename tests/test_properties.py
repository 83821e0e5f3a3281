"""Property tests for every scorer: range, determinism, points add up, Unicode never raises,
and fixing a finding never lowers the score."""

from __future__ import annotations

import math

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import listing_quality as lq

RUBRICS = st.sampled_from(["umum", "kuliner", "kriya", "busana"])
MARKETPLACES = st.sampled_from([None, "tokopedia", "shopee", "lazada", "tiktok", "lokal"])
TEXT = st.text(max_size=300)
PRICE = st.one_of(st.none(), TEXT, st.integers(-10**12, 10**12),
                  st.floats(allow_nan=True, allow_infinity=True))
LISTINGS = st.fixed_dictionaries({
    "id": st.text(max_size=20), "title": TEXT, "description": TEXT, "price": PRICE,
    "original_price": PRICE, "category": TEXT, "brand": TEXT,
    "weight_g": st.one_of(st.none(), TEXT, st.floats(), st.integers()),
    "stock": st.one_of(st.none(), TEXT, st.integers()),
    "photos": st.lists(TEXT, max_size=3),
})
SETTINGS = settings(max_examples=150, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])


def check_invariants(result: lq.Result) -> None:
    assert 0.0 <= result.overall <= 100.0
    assert math.isclose(sum(f.points for f in result.findings), 100.0 - result.overall,
                        abs_tol=0.01)
    for dim in result.dimensions.values():
        assert dim.score is None or 0.0 <= dim.score <= 100.0
    assert result.grade in "ABCDE"
    assert result.readiness in ("siap-marketplace", "platform-lokal", "perlu-perbaikan")
    assert all(f.points >= 0 for f in result.findings)


@SETTINGS
@given(listing=LISTINGS, rubric=RUBRICS, marketplace=MARKETPLACES)
def test_any_listing_scores_in_range_and_points_add_up(listing, rubric, marketplace) -> None:
    result = lq.score(listing, rubric=rubric, marketplace=marketplace)
    check_invariants(result)
    import json
    json.dumps(result.to_dict(), allow_nan=False)


@SETTINGS
@given(listing=LISTINGS, rubric=RUBRICS)
def test_scoring_is_deterministic(listing, rubric) -> None:
    first = lq.score(listing, rubric=rubric).to_dict()
    assert lq.score(listing, rubric=rubric).to_dict() == first


@SETTINGS
@given(listing=LISTINGS, probability=st.floats(0, 1))
def test_model_share_is_attributed(listing, probability) -> None:
    result = lq.score(listing, rubric="kuliner", model=lambda features: probability)
    check_invariants(result)
    assert result.features["model.probability"] == probability


FIXES = {
    # a finding code -> the change a seller would make to fix it
    "T106": lambda d: {**d, "title": " ".join(w for w in d["title"].split()
                                               if w.lower() not in ("murah", "promo"))},
    "H101": lambda d: {**d, "price": 18000},
    "H102": lambda d: {**d, "price": 18000},
    "D002": lambda d: {**d, "price": 18000},
    "T101": lambda d: {**d, "title": "Keripik Singkong Balado 250 g"},
    "H105": lambda d: {**d, "original_price": None},
}


@SETTINGS
@given(title=st.sampled_from(["", "Keripik Murah", "KERIPIK PROMO MURAH!!!",
                              "Keripik Singkong Balado 250 g promo"]),
       price=st.sampled_from(["", "nego", 0, 1, "Rp18.000", 25000]),
       original=st.sampled_from([None, 10000, 30000]),
       extra=st.text(max_size=40))
def test_fixing_a_finding_never_lowers_the_score(title, price, original, extra) -> None:
    listing = {"id": "x", "title": title, "price": price, "original_price": original,
               "description": extra, "category": "kuliner"}
    before = lq.score(listing, rubric="kuliner")
    for code in before.codes:
        if code in FIXES:
            after = lq.score(FIXES[code](listing), rubric="kuliner")
            assert after.overall >= before.overall - 1e-9, (code, listing)
            assert code not in after.codes or code == "T106"

"""Peer prices from columns (peer_columns.py) equal `peer_prices` from fact dicts, and
the H rules judge them as they judge the per-listing records."""

from __future__ import annotations

import math
from typing import Any

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_judge_columns import measured, sample

import listing_quality as lq
from listing_quality import api
from listing_quality.features.catalog_prices import peer_prices
from listing_quality.judge_columns import columns_of, evaluate_columns, features_of
from listing_quality.peer_columns import PeerColumns, peer_columns

PRICE_FACTS = ("price.value", "price.per_100g", "packaging.net_g", "packaging.net_ml",
               "packaging.pack_count", "price.category", "price.type", "price.brand",
               "title.slots")


def same(a: Any, b: Any) -> bool:
    if isinstance(a, float) and isinstance(b, float) and math.isnan(a) and math.isnan(b):
        return True
    return a == b and type(a) is type(b)


def check(facts: list[dict[str, Any]]) -> None:
    expected = peer_prices(facts, [""] * len(facts))
    got = peer_columns(columns_of(facts, PRICE_FACTS), len(facts))
    ratios = got["catalog.multipack_ratio"].tolist()
    assert [None if r != r else r for r in ratios] == expected["catalog.multipack_ratio"]
    for name in ("catalog.price_peers", "catalog.unit_price_peers"):
        column = got[name]
        assert isinstance(column, PeerColumns) and len(column) == len(facts)
        for mine, theirs in zip(column, expected[name], strict=True):
            assert (mine is None) == (theirs is None)
            if mine is not None:
                assert all(same(mine[k], theirs[k]) for k in theirs), (dict(mine), dict(theirs))
    for name in ("kuliner", "umum"):
        rubric = api.selected_rubric(name, None, ("H",))
        features = features_of(rubric)
        listed = evaluate_columns({**columns_of(facts, features), **expected}, len(facts),
                                  rubric)
        columnar = evaluate_columns({**columns_of(facts, features), **got}, len(facts), rubric)
        assert np.array_equal(listed.applies, columnar.applies)
        assert listed.loss.tolist() == columnar.loss.tolist()


def test_sample_catalog_peers_from_columns() -> None:
    check(sample(False)[1])


def test_numpy_price_columns() -> None:
    """Prices handed over as float arrays (the million-listing path) give the same peers."""
    facts = sample(False)[1]
    columns = columns_of(facts, PRICE_FACTS)
    arrays = {**columns, "price.value": np.array(columns["price.value"], dtype=float)}
    a, b = peer_columns(columns, len(facts)), peer_columns(arrays, len(facts))
    for name in ("catalog.price_peers", "catalog.unit_price_peers"):
        assert [None if r is None else dict(r) for r in a[name]] == \
            [None if r is None else dict(r) for r in b[name]]


ROW = st.fixed_dictionaries({
    "title": st.sampled_from(["Keripik Singkong 250 g", "Kopi Robusta 1 kg", "Seblak",
                              "Keripik Pisang isi 3", "Sambal Bawang 150 ml", ""]),
    "price": st.one_of(st.sampled_from([None, "", "gratis", -5000, 0, float("nan")]),
                       st.integers(500, 400_000)),
    "category": st.sampled_from(["kuliner", "kriya", ""]),
    "brand": st.sampled_from(["", "Mbok Sri", "ukm"]),
    "weight_g": st.sampled_from([None, 250, 1000, "abc"]),
})


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rows=st.lists(ROW, min_size=1, max_size=30))
def test_arbitrary_catalogs(rows: list[dict[str, Any]]) -> None:
    listings = list(lq.read_catalog([{"id": f"P-{i}", **r} for i, r in enumerate(rows)])
                    .listings)
    check(measured(listings, api.Options()))


def test_float_array_columns_judge_like_lists() -> None:
    """Numeric facts handed over as float arrays (None -> NaN), gates included, give the
    table the fact lists give, under every built-in rubric."""
    facts = sample(True)[1]
    for name in ("umum", "kuliner", "kriya", "busana"):
        rubric = api.selected_rubric(name, None)
        columns = columns_of(facts, features_of(rubric))
        numeric = {r.feature for r in rubric.rules if r.kind in ("threshold", "range")}
        numeric |= {r.when for r in rubric.rules if r.when}
        arrays = dict(columns)
        for feature in numeric:
            values = columns[feature]
            if all(v is None or type(v) in (int, float) for v in values):
                arrays[feature] = np.array([np.nan if v is None else v for v in values],
                                           dtype=float)
        assert any(isinstance(v, np.ndarray) for v in arrays.values())
        listed = evaluate_columns(columns, len(facts), rubric)
        columnar = evaluate_columns(arrays, len(facts), rubric)
        assert np.array_equal(listed.applies, columnar.applies)
        assert listed.loss.tolist() == columnar.loss.tolist()

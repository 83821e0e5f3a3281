"""Properties of the price measurements, peer statistics and the `peers` kind.

Values stay in range, the same catalog always gives the same answer (in any row order),
moving a price toward its peers never lowers its score, and no text breaks anything.
"""

from __future__ import annotations

import math

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

import listing_quality as lq
from listing_quality.features.catalog_prices import group_stats, peer_prices
from listing_quality.features.price import measure
from listing_quality.kinds import peers
from listing_quality.types import Listing

PRICES = st.floats(min_value=100, max_value=1e9, allow_nan=False)
ROWS = st.lists(st.tuples(st.sampled_from(["a", "b", "c"]), st.one_of(st.none(), PRICES)),
                min_size=1, max_size=40)


def _stats(rows: list) -> tuple[list[str], np.ndarray]:
    keys = [k for k, _ in rows]
    values = np.array([np.nan if v is None else v for _, v in rows], dtype=float)
    return keys, values


@settings(deadline=None)  # pandas per call: a busy machine took it past 200 ms
@given(ROWS)
def test_group_stats_in_range(rows: list) -> None:
    keys, values = _stats(rows)
    stats = group_stats(keys, values)
    for i, key in enumerate(keys):
        group = values[[j for j, k in enumerate(keys) if k == key]]
        known = group[~np.isnan(group)]
        assert stats["n"][i] == len(known)
        if len(known) == 0:
            continue
        lo, hi = known.min() * (1 - 1e-9), known.max() * (1 + 1e-9)
        for name in ("median", "low", "high"):
            assert lo <= stats[name][i] <= hi
        assert stats["low"][i] <= stats["median"][i] * (1 + 1e-9)
        assert stats["median"][i] <= stats["high"][i] * (1 + 1e-9)
        assert math.isnan(stats["z"][i]) == math.isnan(values[i])


@settings(deadline=None)  # pandas per call: a busy machine took it past 200 ms
@given(ROWS, st.randoms())
def test_group_stats_deterministic_in_any_order(rows: list, rnd) -> None:
    keys, values = _stats(rows)
    first = group_stats(keys, values)
    assert first.equals(group_stats(keys, values))
    order = list(range(len(rows)))
    rnd.shuffle(order)
    shuffled = group_stats([keys[i] for i in order], values[order])
    np.testing.assert_allclose(shuffled["z"].to_numpy(), first["z"].to_numpy()[order],
                               rtol=1e-9, atol=1e-9)


@given(st.floats(min_value=-20, max_value=20), st.floats(min_value=0, max_value=1),
       st.sampled_from(["above", "below", "both"]))
def test_moving_toward_peers_never_raises_loss(z: float, step: float, side: str) -> None:
    record = {"value": 1000.0, "type": "x", "basis": "price", "median": 1.0, "low": 1.0,
              "high": 1.0, "n": 50}
    params = {"side": side, "max_z": 3.0, "ramp": 1.5}
    before = peers.judge({**record, "z": z}, params)
    after = peers.judge({**record, "z": z * step}, params)
    assert 0.0 <= after.loss <= before.loss <= 1.0


@settings(max_examples=25, deadline=None)
@given(st.floats(min_value=25_000, max_value=500_000), st.floats(min_value=0, max_value=1))
def test_fixing_a_peer_finding_never_lowers_the_score(price: float, step: float) -> None:
    peer_prices_ = [15_000, 16_000, 17_000, 18_000, 18_000, 19_000, 20_000, 21_000]
    rows = [{"id": str(i), "category": "kuliner", "title": "Keripik Singkong 250 g",
             "price": p} for i, p in enumerate(peer_prices_)]
    options = lq.Options(rubric="kuliner")

    def score(p: float) -> float:
        catalog = [*rows, {**rows[0], "id": "me", "price": round(p)}]
        return lq.score_catalog(lq.read_catalog(catalog), options)[-1].overall

    fixed = price + (18_000 - price) * step   # part of the way back to the median
    assert score(fixed) >= score(price) - 1e-9


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=60), st.text(max_size=30), st.text(max_size=20))
def test_arbitrary_text_never_raises(title: str, price: str, category: str) -> None:
    listing = Listing(id="x", title=title, price=price, original_price=price,
                      category=category, brand=title[:5])
    facts = measure(listing, None)
    assert facts["price.value"] is None or math.isfinite(facts["price.value"])
    out = peer_prices([facts, facts], ["a", "b"])
    assert len(out["catalog.price_peers"]) == 2
    result = lq.score({"id": "x", "title": title, "price": price, "category": category})
    score = result.dimensions["price"].score
    assert score is None or 0 <= score <= 100


@given(st.floats(min_value=1, max_value=1e9), st.floats(min_value=-50, max_value=50),
       st.floats(min_value=1, max_value=1e9), st.floats(min_value=1, max_value=1e9),
       st.sampled_from(["above", "below", "both"]))
def test_never_far_from_a_range_it_sits_in(value: float, z: float, a: float, b: float,
                                           side: str) -> None:
    """A finding's message shows the peers' range; a price inside it is never 'far'."""
    low, high = min(a, b), max(a, b)
    record = {"value": value, "z": z, "median": low, "low": low, "high": high, "n": 50,
              "type": "x", "basis": "price"}
    verdict = peers.judge(record, {"side": side, "max_z": 3.0})
    if verdict.loss > 0:
        assert value > high or value < low
        assert "80%" in verdict.expected
    else:
        assert verdict.expected is None


ODD = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=8),
                st.dictionaries(st.text(max_size=5), st.text(max_size=5), max_size=2))
FACT_KEYS = ("price.value", "price.per_100g", "packaging.net_g", "packaging.net_ml",
             "packaging.pack_count", "price.type", "price.category", "price.brand",
             "title.slots")


@settings(max_examples=80)
@given(st.lists(st.dictionaries(st.sampled_from(FACT_KEYS), ODD), max_size=12))
def test_peer_builder_never_raises_on_odd_facts(rows: list) -> None:
    """Whatever a broken measurement left in the facts, the catalog pass completes."""
    out = peer_prices(rows, [str(i) for i in range(len(rows))])
    assert all(len(values) == len(rows) for values in out.values())
    for record in out["catalog.price_peers"]:
        assert record is None or (record["value"] > 0 and record["n"] >= 1)

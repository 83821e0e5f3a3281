"""rounding.py's array rounding gives Python's `round(v, digits)` per value, bit for bit
(the sign of zero too), and None exactly where a score is NaN."""

from __future__ import annotations

import math

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from listing_quality.rounding import round_column, round_scores

SETTINGS = settings(max_examples=300, deadline=None)
# near-halves are where a product rounded to a double may land on the wrong side
HALVES = st.integers(-200_000, 200_000).map(lambda k: (k + 0.5) / 1000)
NEIGHBOURS = st.tuples(HALVES, st.sampled_from([-1, 1])).map(
    lambda pair: math.nextafter(pair[0], pair[1] * math.inf))
SCORES = st.one_of(st.floats(), st.floats(0, 100), HALVES, NEIGHBOURS,
                   st.integers(-10_000, 10_000).map(lambda k: k / 200),
                   st.sampled_from([-0.0, 0.0, -0.004, 2.675, 1.005, 0.125, 1e300, 5e-324]))


def same(got: list[float | None], expected: list[float | None]) -> bool:
    """Equal as floats, NaN matching NaN, and the sign of every zero kept."""
    def key(v: float | None) -> tuple[str, ...] | None:
        return None if v is None else ("nan",) if v != v else (float(v).hex(),)
    return list(map(key, got)) == list(map(key, expected))


@SETTINGS
@given(values=st.lists(SCORES, max_size=40), digits=st.sampled_from([0, 1, 2, 4]))
def test_round_column_equals_round(values: list[float], digits: int) -> None:
    assert same(round_column(np.array(values, dtype=float), digits),
                [round(v, digits) for v in values])


@SETTINGS
@given(values=st.lists(SCORES, max_size=40))
def test_round_scores_is_none_exactly_at_nan(values: list[float]) -> None:
    expected = [None if v != v else round(v, 2) for v in values]
    assert same(round_scores(np.array(values, dtype=float), 2), expected)


def test_every_thousandth_of_a_score_rounds_as_round() -> None:
    """Scores lie in 0..100: every k/1000 there (the exact ties among them too)."""
    values = np.arange(100_001) / 1000
    assert same(round_column(values, 2), [round(v, 2) for v in values.tolist()])
    assert same(round_column(values, 1), [round(v, 1) for v in values.tolist()])

"""The score table's grade and readiness, decided over arrays (scoring_columns), equal the
per-listing decisions they replace: `Rubric.grades_for` against `grade_for` per shown score, and
`scoring._readiness`'s order (blocking or under the local bar; ready and no error; else
the local platform) per listing, on every built-in rubric, NaN and the bars themselves
included."""

from __future__ import annotations

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from listing_quality.api import selected_rubric
from listing_quality.judge_columns import LossTable
from listing_quality.rubric import Rubric, builtin_names
from listing_quality.scoring_columns import _readiness

SETTINGS = settings(max_examples=150, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])
RUBRICS = st.tuples(st.sampled_from(builtin_names()),
                    st.sampled_from([None, *builtin_names(marketplaces=True)])).map(
    lambda pair: selected_rubric(*pair))


def shown_scores(rubric: Rubric) -> st.SearchStrategy[float]:
    """Scores as shown (one decimal), the rubric's own bars and NaN among them."""
    bars = [float(bar) for _, bar in rubric.grades] + [rubric.ready, rubric.local_bar]
    return st.one_of(st.integers(0, 1000).map(lambda k: round(k / 10, 1)),
                     st.sampled_from(bars), st.just(float("nan")))


def plain_readiness(table: LossTable, rubric: Rubric, shown: list[float]) -> list[str]:
    """The per-listing loop the arrays replace."""
    fired = table.fired()
    out = []
    for i, value in enumerate(shown):
        hits = [rule for k, rule in enumerate(table.rules) if fired[k, i]]
        if any(rule.blocking for rule in hits) or value < rubric.local_bar:
            out.append("perlu-perbaikan")
        elif value >= rubric.ready and not any(r.severity == "error" for r in hits):
            out.append("siap-marketplace")
        else:
            out.append("platform-lokal")
    return out


@SETTINGS
@given(data=st.data(), rubric=RUBRICS)
def test_grades_equal_grade_for(data: st.DataObject, rubric: Rubric) -> None:
    shown = data.draw(st.lists(shown_scores(rubric), max_size=30))
    assert rubric.grades_for(np.array(shown, dtype=float)) == [rubric.grade_for(v)
                                                               for v in shown]


@SETTINGS
@given(data=st.data(), rubric=RUBRICS)
def test_readiness_equals_the_per_listing_order(data: st.DataObject, rubric: Rubric) -> None:
    shown = data.draw(st.lists(shown_scores(rubric), min_size=1, max_size=20))
    shape = (len(rubric.rules), len(shown))
    applies = np.array(data.draw(st.lists(st.booleans(), min_size=shape[0] * shape[1],
                                          max_size=shape[0] * shape[1]))).reshape(shape)
    losses = data.draw(st.lists(st.sampled_from([0.0, 0.25, 1.0]),
                                min_size=shape[0] * shape[1], max_size=shape[0] * shape[1]))
    table = LossTable(tuple(rubric.rules), applies,
                      np.where(applies, np.array(losses).reshape(shape), 0.0))
    assert _readiness(table, rubric, np.array(shown, dtype=float)) == plain_readiness(
        table, rubric, shown)

"""Each kind's `judge_column` decides every value as its `judge` does (applies, loss).

Values are hypothesis junk of every shape a feature could hold by mistake (numpy arrays,
huge integers, NaN, strings that parse as numbers, odd photo records, peer records with
holes), judged under the parameters of every rule of every built-in rubric, plus `each`.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from listing_quality import kinds
from listing_quality.api import selected_rubric
from listing_quality.features.catalog_peer_record import PeerRecord
from listing_quality.rubric import builtin_names

RULES = {(rule.kind, repr(sorted(rule.params.items()))): rule
         for name in builtin_names() for rule in selected_rubric(name, None).rules}
PARAMS = [(rule.kind, dict(rule.params)) for rule in RULES.values()]
PARAMS += [(kind, {**params, "each": True}) for kind, params in PARAMS if kind != "photo"]

SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(), st.integers(-2000, 2000), st.floats(),
    st.text(max_size=12), st.sampled_from(["12", " 3.5 ", "1e400", "nan", "", "-0"]),
    st.just(2 ** 1100), st.just(np.float64(3.5)), st.just(np.float32(0.5)),
    st.just(np.int64(7)), st.just(np.array([1.0, 2.0])), st.just(np.bool_(True)))
RECORDS = st.one_of(
    SCALARS,
    st.fixed_dictionaries({"file": st.text(max_size=5), "value": SCALARS},
                          optional={"skip": st.booleans()}))
PEERS = st.builds(
    lambda value, z, n, lo, hi, net, kind: PeerRecord(value, z, net, (
        kind, "", "price", 15000.0, lo, hi, n)),
    st.one_of(st.floats(1, 1e7), st.just(float("nan"))), st.floats(-20, 20),
    st.integers(0, 40), st.floats(1000, 20000), st.floats(20000, 90000),
    st.one_of(st.none(), st.floats(50, 2000)), st.sampled_from(["keripik", "kopi", ""]))
PEER_DICTS = st.dictionaries(
    st.sampled_from(["value", "z", "n", "low", "high", "median", "type", "net", "basis"]),
    SCALARS, max_size=9)
VALUES = st.one_of(SCALARS, st.lists(RECORDS, max_size=5), st.tuples(RECORDS, RECORDS),
                   st.frozensets(st.integers(), max_size=3), PEERS, PEER_DICTS)


def engine_view(kind: str, value: Any, params: dict[str, Any]) -> tuple[bool, float]:
    """What the engine records for one value: applies, and the loss where it does."""
    try:
        verdict = kinds.judge(kind, value, params)
    except (TypeError, ValueError, ArithmeticError):
        return False, 0.0
    return (False, 0.0) if verdict is None else (True, verdict.loss)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(values=st.lists(VALUES, max_size=10))
def test_judge_column_equals_judge(values: list[Any]) -> None:
    for kind, params in PARAMS:
        applies, loss = kinds.judge_column(kind, values, params)
        got = list(zip(applies.tolist(), loss.tolist(), strict=True))
        assert got == [engine_view(kind, v, params) for v in values], (kind, params)


def test_numpy_columns_match_lists() -> None:
    """Columns handed over as arrays (the million-listing path) judge like lists."""
    numbers = np.array([0.0, -1.0, 1.0, 250.0, 1e9, math.nan, math.inf, 0.5, 3.0])
    for kind, params in PARAMS:
        if kind in ("threshold", "range", "require", "forbid"):
            array = kinds.judge_column(kind, numbers, params)
            listed = kinds.judge_column(kind, numbers.tolist(), params)
            assert array[0].tolist() == listed[0].tolist(), (kind, params)
            assert array[1].tolist() == listed[1].tolist(), (kind, params)

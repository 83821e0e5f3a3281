"""The fast paths of the columnar judge give exactly what their plain forms give.

Each speed-up is checked against the form it replaces, on columns shaped the way real
chunks are (one type per column: every title a string, every hit list a list, no photo at
all) as well as mixed junk, because a fast path is taken only for homogeneous columns:
- fact columns read row by row == one comprehension per fact;
- the model's numeric columns == `numeric_value` per value (bit for bit, sign of zero too),
  its n-grams per distinct title == `_ngram_indices`, its flat batch == `Model.__call__`;
- truth, gate, `forbid` hit lists, `length` of strings, `photo` without photos and the
  memoised `peers` bands == the kind's own `judge` per value;
- the memoised top-suggestion texts == `rule_suggestion`; `_first_true` == a scan.
"""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path
from typing import Any

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_judge_columns import assert_same, sample
from test_judge_columns_kinds import PARAMS, SCALARS, VALUES, engine_view

from listing_quality import api, kinds
from listing_quality.api import selected_rubric
from listing_quality.fact_columns import fact_columns
from listing_quality.features.catalog_peer_record import PeerRecord
from listing_quality.judge_columns import gate_column
from listing_quality.judge_frame import _first_true
from listing_quality.messages import format_value
from listing_quality.model import batch, default_model, vectorize
from listing_quality.peer_columns import PeerColumns, as_peer_columns
from listing_quality.rubric import builtin_names
from listing_quality.top_suggestion import RuleTexts, rule_suggestion

SETTINGS = settings(max_examples=200, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])
NUMBERS = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(),
                    st.just(-0.0), st.just(2 ** 1100), st.integers(-2 ** 70, 2 ** 70))
PLAIN = st.one_of(NUMBERS, st.text(max_size=6), st.lists(st.integers(), max_size=3),
                  st.tuples(st.integers()), st.dictionaries(st.text(max_size=2), st.none(),
                                                            max_size=2),
                  st.sets(st.integers(), max_size=2), st.just(""), st.just([]), st.just({}))
ODD = st.one_of(PLAIN, st.just(np.float64(2.5)), st.just(np.array([1.0])),
                st.lists(st.fixed_dictionaries({"value": NUMBERS}), max_size=3))


def bits(values: Any) -> list[str]:
    return [float(v).hex() for v in values]


@SETTINGS
@given(column=st.one_of(st.lists(NUMBERS, max_size=12), st.lists(PLAIN, max_size=12),
                        st.lists(ODD, max_size=8)),
       transform=st.sampled_from(vectorize.TRANSFORMS))
def test_numeric_column_equals_numeric_value(column: list[Any], transform: str) -> None:
    expected = [vectorize.numeric_value(v, transform) for v in column]
    assert bits(batch.numeric_column(column, transform)) == bits(expected)


WORDS = st.sampled_from(["Keripik", "keripik", "SINGKONG", "pedas", "250gr", "kopi",
                         "ready", "stock", "termurah", "Kripik", "ÄÖ", "ﬁ", "𝔘", "--", ""])
TITLES = st.lists(st.one_of(WORDS, st.text(max_size=8)), max_size=8).map(" ".join)


@SETTINGS
@given(titles=st.lists(TITLES, max_size=10), repeat=st.integers(1, 3))
def test_gram_rows_equal_ngram_indices(titles: list[str], repeat: int) -> None:
    model = default_model()
    chunk = titles * repeat  # repeated titles and words take the memo
    grams, sizes = batch.gram_rows(chunk, model._word_grams, model.ngrams["max_chars"],
                                   len(model.vocabulary))
    ends = np.cumsum(sizes).tolist()
    rows = [grams[end - k:end].tolist() for end, k in zip(ends, sizes.tolist(), strict=True)]
    assert rows == [model._ngram_indices(t) for t in chunk]


FACT = st.fixed_dictionaries({}, optional={
    **{name: st.one_of(NUMBERS, PLAIN) for name, _ in vectorize.input_specs("all")},
    "title.text": st.one_of(TITLES, st.none(), st.integers())})


@SETTINGS
@given(facts=st.lists(FACT, max_size=12))
def test_predict_many_equals_call_bit_for_bit(facts: list[dict[str, Any]]) -> None:
    model = default_model()
    chunk = facts + facts[:3]
    assert bits(model.predict_many(chunk)) == bits(model(row) for row in chunk)


@SETTINGS
@given(rows=st.lists(st.dictionaries(st.sampled_from("abcde"), SCALARS, max_size=5),
                     max_size=8),
       names=st.lists(st.sampled_from("abcdef"), max_size=7))
def test_fact_columns_equal_one_comprehension_per_fact(rows: list[dict[str, Any]],
                                                       names: list[str]) -> None:
    got = fact_columns(rows, names)
    assert list(got) == list(dict.fromkeys(names))
    for name in names:
        assert [type(v) for v in got[name]] == [type(r.get(name)) for r in rows]
        assert repr(got[name]) == repr([r.get(name) for r in rows])


HOMOGENEOUS = st.one_of(
    st.lists(st.text(max_size=30), max_size=12),  # titles
    st.lists(st.lists(st.text(max_size=3), max_size=3), max_size=12),  # hit lists
    st.lists(st.tuples(st.integers()), max_size=6),
    st.lists(st.one_of(st.none(), st.booleans()), max_size=12),
    st.lists(st.one_of(st.none(), st.integers(), st.text(max_size=2)), max_size=12),
    st.lists(st.one_of(st.none(), st.just([])), max_size=12),  # no photo at all
    st.lists(st.floats(), max_size=12),
    st.lists(st.one_of(st.none(), st.lists(st.one_of(st.floats(), st.text(max_size=2),
                                                     st.lists(st.floats(), max_size=2)),
                                           max_size=3),
                       st.tuples(st.floats()), st.just(()), st.just(""), st.floats()),
             max_size=12),  # lists of hits or pack types, NaN items, None: in one pass
    st.lists(VALUES, max_size=6))


@SETTINGS
@given(column=HOMOGENEOUS)
def test_homogeneous_columns_judge_as_judge(column: list[Any]) -> None:
    for kind, params in PARAMS:
        applies, loss = kinds.judge_column(kind, column, params)
        got = list(zip(applies.tolist(), loss.tolist(), strict=True))
        assert got == [engine_view(kind, v, params) for v in column], (kind, params)


@SETTINGS
@given(column=HOMOGENEOUS)
def test_gate_column_equals_truth_per_value(column: list[Any]) -> None:
    try:
        expected = [bool(bool(v) and v == v) for v in column]
    except (TypeError, ValueError):
        return  # a value whose truth cannot be read: the plain form fails on it too
    assert gate_column(column, len(column)).tolist() == expected


BAND_RECORD = st.builds(
    lambda value, n, kind, net, basis: PeerRecord(value, 0.5, net, (
        kind, "", basis, 15000.0, 9000.0, 30000.0, n)),
    st.floats(100, 1e6), st.integers(0, 12),
    st.sampled_from(["keripik", "seblak pedas", "kerupuk", "kopi", ""]),
    st.sampled_from([None, 150.0, 300.0, 700.0, 99.0]), st.sampled_from(["price", "per_100g"]))
BAND_DICT = st.fixed_dictionaries({
    "value": st.floats(100, 1e6), "n": st.integers(0, 3),
    "type": st.sampled_from(["seblak", "keripik", 0, False, ""]),
    "net": st.sampled_from([150, 150.0, True, 1, None, float("nan"), "150"]),
    "basis": st.sampled_from(["price", "per_100g", None])})


@SETTINGS
@given(column=st.lists(st.one_of(BAND_RECORD, BAND_DICT, st.none()), max_size=14))
def test_peers_band_memo_judges_as_judge(column: list[Any]) -> None:
    params = [rule.params for name in builtin_names() for rule in
              selected_rubric(name, None).rules if rule.kind == "peers"]
    assert any(p.get("bands") for p in params)
    for p in params:
        applies, loss = kinds.judge_column("peers", column, p)
        got = list(zip(applies.tolist(), loss.tolist(), strict=True))
        assert got == [engine_view("peers", v, p) for v in column]


SUGGESTED = st.one_of(NUMBERS, st.text(max_size=30), st.just(-0.0), st.just(0.0),
                      st.lists(st.text(max_size=4), max_size=2),
                      st.lists(st.fixed_dictionaries({"file": st.just("a.jpg"),
                                                      "value": NUMBERS}), max_size=2))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(values=st.lists(SUGGESTED, min_size=1, max_size=6), lang=st.sampled_from(["id", "en"]))
def test_memoised_suggestions_equal_rule_suggestion(values: list[Any], lang: str) -> None:
    texts = RuleTexts(lang)  # one memo over every rule and value, as over a chunk
    for name in builtin_names():
        for rule in selected_rubric(name, None).rules:
            for value in values + values:
                facts = {rule.feature: value}
                assert outcome(texts.suggestion, rule, facts) == \
                    outcome(rule_suggestion, rule, facts, lang)


def outcome(fn: Any, *args: Any) -> tuple[str, Any]:
    """The text, or the error: a value no rule fires on (an int beyond any float) may
    fail in the kind's own `judge`, and then both forms must fail alike."""
    try:
        return "text", fn(*args)
    except ArithmeticError as exc:
        return "error", type(exc)


def test_a_number_beyond_any_float_is_shown_not_raised() -> None:
    assert format_value(2 ** 1100, "id") == str(2 ** 1100)[:200]
    assert format_value(-(2 ** 1100), "en").startswith("-1358")


@SETTINGS
@given(flags=st.lists(st.booleans(), max_size=30), cuts=st.lists(st.integers(0, 30)))
def test_first_true_equals_a_scan(flags: list[bool], cuts: list[int]) -> None:
    bounds = sorted({0, len(flags), *(c for c in cuts if c <= len(flags))})
    expected = [next((j for j in range(a, b) if flags[j]), -1)
                for a, b in pairwise(bounds)]
    assert _first_true(np.array(flags, dtype=bool), bounds).tolist() == expected


MODEL_RULE = """name: mine
extends: kuliner
rules:
  - code: T902
    name: doubtful-listing
    dimension: title
    kind: threshold
    feature: model.probability
    min: 0.8
    severity: warning
    weight: 5
    message: {id: "Model ragu ({observed})", en: "The model doubts it ({observed})"}
    suggestion: {id: "Perjelas judul ({observed})", en: "Make the title clearer ({observed})"}
"""


def test_a_rule_reading_the_probability_sees_the_stored_one(tmp_path: Path) -> None:
    """The batched model is predicted group by group, its inputs read with the rules'
    facts; a rule on `model.probability` must still see the value just stored."""
    path = tmp_path / "mine.yaml"
    path.write_text(MODEL_RULE, encoding="utf-8")
    listings, facts = sample(False)
    frame = assert_same(listings, facts, api.Options(rubric=str(path)))
    assert frame["codes"].str.contains("T902").any()


@SETTINGS
@given(records=st.lists(st.one_of(BAND_RECORD, st.none()), max_size=14))
def test_columnar_peers_judge_only_rows_a_band_may_judge(records: list[Any]) -> None:
    """`PeerColumns` hands `judge` only the rows with too few peers whose product type
    has a band: every other row's verdict is `judge`'s all the same."""
    column = as_peer_columns(records)
    assert isinstance(column, PeerColumns)
    for rule in selected_rubric("kuliner", None).rules:
        if rule.kind == "peers":
            applies, loss = kinds.judge_column("peers", column, rule.params)
            got = list(zip(applies.tolist(), loss.tolist(), strict=True))
            assert got == [engine_view("peers", v, rule.params) for v in records]

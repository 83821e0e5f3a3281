"""Property tests for the curator model: in range, deterministic, never raises on any
Unicode or any odd fact, and its share of the score stays its own finding."""

from __future__ import annotations

import math

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import listing_quality as lq
from listing_quality.model import default_model, vectorize

SETTINGS = settings(max_examples=150, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])
ODD = st.one_of(st.none(), st.booleans(), st.integers(-10**30, 10**30), st.floats(),
                st.text(max_size=30), st.lists(st.floats(), max_size=3),
                st.lists(st.fixed_dictionaries({"value": st.floats()}), max_size=3),
                st.dictionaries(st.text(max_size=5), st.text(max_size=5), max_size=3))


@SETTINGS
@given(title=st.text(max_size=400))
def test_any_unicode_title_gives_a_probability(title: str) -> None:
    model = default_model()
    facts = lq.api.measure(lq.read_catalog([{"id": "x", "title": title}]).listings[0],
                           lq.Options())
    p = model(facts)
    assert 0.0 <= p <= 1.0 and p == model(dict(facts))
    assert isinstance(model.explain(facts), list)


@SETTINGS
@given(values=st.dictionaries(st.sampled_from([n for n, _ in vectorize.input_specs("all")]),
                              ODD, max_size=12),
       title=st.one_of(st.none(), st.integers(), st.text(max_size=50)))
def test_odd_facts_never_raise_and_stay_finite(values: dict, title: object) -> None:
    model = default_model()
    facts = {**values, "title.text": title}
    row = vectorize.numeric_row(facts, vectorize.input_specs("all"))
    assert all(math.isfinite(v) for v in row)
    assert 0.0 <= model(facts) <= 1.0


@SETTINGS
@given(title=st.text(max_size=2000))
def test_ngram_work_is_bounded(title: str) -> None:
    grams = vectorize.title_ngrams(title, 2, 4, 300)
    assert len(grams) <= 3 * 302


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(title=st.text(max_size=120), price=st.one_of(st.none(), st.text(max_size=12)))
def test_shipped_model_share_is_attributed(title: str, price: str | None) -> None:
    r = lq.score({"id": "p", "title": title, "price": price}, rubric="kuliner")
    p = r.features["model.probability"]
    assert p is not None and 0.0 <= r.overall <= 100.0
    assert math.isclose(sum(f.points for f in r.findings), 100.0 - r.overall, abs_tol=0.01)
    m001 = [f for f in r.findings if f.code == "M001"]
    assert (not m001 and p == 1.0) or math.isclose(m001[0].points, 15 * (1 - p), abs_tol=1e-9)
    assert lq.score({"id": "p", "title": title, "price": price},
                    rubric="kuliner").overall == r.overall


@SETTINGS
@given(title=st.text(max_size=300))
def test_fast_scoring_lookup_equals_the_training_ngrams(title: str) -> None:
    """Scoring looks n-grams up word by word; training builds the set: they must agree."""
    model = default_model()
    lookup = {g: i for i, g in enumerate(model.vocabulary)}
    grams = vectorize.title_ngrams(title, model.ngrams["min"], model.ngrams["max"],
                                   model.ngrams["max_chars"])
    assert model._ngram_indices(title) == sorted(lookup[g] for g in grams if g in lookup)

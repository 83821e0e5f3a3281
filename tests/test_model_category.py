"""Category inference: a listing without a category gets the rubric its title names, when
the category model is sure; a stated category always wins."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import listing_quality as lq
from listing_quality.model.category import auto_rubric, load_category_model, shipped
from listing_quality.model.persist import ModelError


def test_missing_category_is_inferred_from_a_food_title() -> None:
    assert auto_rubric("", "Keripik Singkong Balado Pedas 250 g") == "kuliner"
    assert lq.score({"id": "1", "title": "Keripik Singkong Balado Pedas 250 g"}).rubric == \
        "kuliner"


def test_a_stated_category_wins_and_doubt_keeps_the_general_rubric() -> None:
    assert auto_rubric("Kerajinan Tangan", "Keripik Singkong Balado 250 g") == "kriya"
    assert auto_rubric(None, "") == "umum"
    assert auto_rubric("  ", "Mouse Wireless Logitech M185") == "umum"
    model = shipped()
    rubric, p = model.infer("Batik Parang")  # a craft the training data barely covers
    assert auto_rubric("", "Batik Parang") == (rubric if p >= 0.9 and rubric in
                                               ("kuliner", "busana") else "umum")


@settings(max_examples=150, deadline=None)
@given(title=st.one_of(st.none(), st.integers(), st.text(max_size=400)))
def test_any_title_gives_a_distribution(title: object) -> None:
    p = shipped().proba(title)
    assert math.isclose(float(p.sum()), 1.0) and (p >= 0).all()
    assert shipped().infer(title) == shipped().infer(title)
    assert auto_rubric("", title) in ("kuliner", "kriya", "busana", "umum")


def test_tampered_category_model_is_refused(tmp_path: Path) -> None:
    path = Path(lq.__file__).parent / "model" / "category.json"
    payload = json.loads(path.read_text(encoding="utf-8"))
    payload["intercept"][0] += 1.0
    bad = tmp_path / "category.json"
    bad.write_text(json.dumps(payload), encoding="utf-8")
    with pytest.raises(ModelError, match="sha256"):
        load_category_model(bad)
    assert load_category_model(path).classes == ("busana", "kriya", "kuliner", "umum")


CATEGORIES = ["", "  ", "Makanan Ringan", "Kerajinan Tangan", "Batik", "Fashion Muslim",
              "Elektronik"]
TITLES = ["Keripik Singkong Balado Pedas 250 g", "Batik Tulis Madura Katun", "",
          "Tas Anyaman Pandan Tasikmalaya", "Mouse Wireless Logitech M185", "Kopi Gayo 200g"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(CATEGORIES), st.sampled_from(TITLES)), max_size=30),
       st.sampled_from(["auto", "kuliner"]))
def test_choosing_rubrics_for_a_chunk_equals_choosing_one_by_one(pairs, rubric) -> None:
    """Each distinct choice is made once per chunk, with the very same outcome."""
    from listing_quality.types import Listing

    listings = [Listing(id=str(i), title=t, category=c) for i, (c, t) in enumerate(pairs)]
    options = lq.Options(rubric=rubric)
    chosen = options.rubrics_for(listings)
    assert [r.name for r in chosen] == [options.rubric_for(li).name for li in listings]
    assert all(a is options.rubric_for(li) for a, li in zip(chosen, listings, strict=True))


@settings(max_examples=40, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(TITLES), st.text(max_size=60)), max_size=25))
def test_titles_inferred_together_equal_one_by_one(titles) -> None:
    """Bit for bit: the batch and the single title sum the same sorted weights."""
    model = shipped()
    together = model.proba_many(titles)
    assert together.shape == (len(titles), len(model.classes))
    for row, title in zip(together, titles, strict=True):
        assert row.tolist() == model.proba(title).tolist()
    assert model.infer_many(titles) == [model.infer(t) for t in titles]
    categories = ["" if i % 3 else "Makanan" for i in range(len(titles))]
    from listing_quality.model.category import auto_rubrics
    assert auto_rubrics(categories, titles) == [auto_rubric(c, t) for c, t in
                                                zip(categories, titles, strict=True)]

"""Property tests for the title dimension: fixing a title never lowers its score, arbitrary
Unicode never raises, features are deterministic and in range."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import listing_quality as lq
from listing_quality.features.catalog_titles import near_title_duplicates
from listing_quality.features.title import measure
from listing_quality.suggest import suggest_title
from listing_quality.text.lexicon import load_words
from listing_quality.types import Listing

SETTINGS = settings(max_examples=120, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])
RUBRICS = st.sampled_from(["umum", "kuliner", "kriya", "busana"])
WORDS = st.sampled_from(["Keripik", "Singkong", "Balado", "Pedas", "Tas", "Rotan", "Kain",
                         "Batik", "Tulis", "Motif", "Parang", "Mbok", "Sri", "Khas", "Kediri",
                         "Seblak", "Level", "3", "250", "g", "30", "x", "cm", "|", "/", ","])
TITLES = st.lists(WORDS, min_size=1, max_size=14).map(" ".join)
PROMO = st.sampled_from(sorted(load_words("promo")))


def title_score(title: str, rubric: str) -> float:
    score = lq.score({"id": "p", "title": title, "price": 20000}, rubric=rubric)
    return score.dimensions["title"].score


@SETTINGS
@given(title=TITLES, promo=PROMO, rubric=RUBRICS, where=st.integers(0, 14))
def test_removing_a_promo_word_never_lowers_the_score(title, promo, rubric, where) -> None:
    words = title.split()
    padded = " ".join([*words[:where], promo.upper(), *words[where:]])
    assert title_score(title, rubric) >= title_score(padded, rubric) - 1e-9


@SETTINGS
@given(title=TITLES, rubric=RUBRICS)
def test_lowering_an_all_caps_title_never_lowers_the_score(title, rubric) -> None:
    shouted = title.upper()
    assert title_score(shouted.capitalize(), rubric) >= title_score(shouted, rubric) - 1e-9
    assert title_score(title, rubric) >= title_score(shouted, rubric) - 1e-9


@SETTINGS
@given(title=TITLES, rubric=RUBRICS, amount=st.sampled_from(["250 g", "1 kg", "isi 10", "500 ml"]))
def test_adding_a_missing_net_quantity_never_lowers_the_score(title, rubric, amount) -> None:
    facts = measure(Listing(id="p", title=title), None)
    if facts["title.quantity"] is None:
        assert title_score(f"{title} {amount}", rubric) >= title_score(title, rubric) - 1e-9


@SETTINGS
@given(title=st.text(max_size=400), brand=st.text(max_size=30), description=st.text(max_size=400))
def test_arbitrary_unicode_never_raises(title, brand, description) -> None:
    listing = Listing(id="u", title=title, brand=brand, description=description)
    facts = measure(listing, None)
    assert 0.0 <= facts["title.upper_ratio"] <= 1.0
    assert facts["title.separators"] >= 0
    assert isinstance(facts["title.slots"], dict)
    assert measure(listing, None) == facts  # deterministic
    suggestion = suggest_title(listing, facts, "kuliner")
    assert suggestion is None or isinstance(suggestion, str)
    near_title_duplicates([facts, facts], ["a", "b"])


@SETTINGS
@given(title=st.text(max_size=200), rubric=RUBRICS)
def test_title_score_in_range(title, rubric) -> None:
    score = title_score(title, rubric)
    assert score is None or 0.0 <= score <= 100.0


@SETTINGS
@given(title=TITLES, rubric=RUBRICS,
       padding=st.sampled_from(["100% ORI", "No. 1", "Terbaik Se-Indonesia", "WA 081234567890",
                                "@tokoku", "www.tokoku.com", "Shopee", "!!!", "🔥🔥"]))
def test_removing_a_claim_or_contact_never_lowers_the_score(title, rubric, padding) -> None:
    assert title_score(title, rubric) >= title_score(f"{title} {padding}", rubric) - 1e-9

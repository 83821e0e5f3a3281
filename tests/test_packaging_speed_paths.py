"""The second round of packaging shortcuts equals the plain forms they replace.

Each is checked, hypothesis-driven, against the slow form on texts built from the words
that make it matter: the normaliser's "already clean" test (blanks, bullets, emoji,
combining marks, compatibility characters, control and format characters); the cue scan
that leaves out the "p" of P-IRT when a text has no "irt", and `Cues.quiet`, which lets
`registrations` skip its six number searches; the net-conflict test that parses a net only
where a mass or volume is written; halal wording read through the cues; and the garment
test on the title's words.
"""

from __future__ import annotations

import importlib
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from listing_quality.features import packaging, packaging_label
from listing_quality.features.data import grams
from listing_quality.features.packaging_consistency import _stated, _stated_in, shipping_ratio
from listing_quality.text import registrations as reg
from listing_quality.text.lexicon import find_phrases, load_words
from listing_quality.text.parsed import Parsed
from listing_quality.text.quantities import net_quantity
from listing_quality.types import Listing

normalize_module = importlib.import_module("listing_quality.text.normalize")
clean_module = importlib.import_module("listing_quality.text.clean")

LOOKALIKES = ["\u212a", "\u017f", "\u0131", "\u0130"]
UNICODE = ["a", "Z", "\u0301", "\u0308", " ", "\n", "\t", "\r\n", "\x0b", "\x1c", "\x85",
           "\xa0", "\u3000", "\u2028", "\u00a8", "\u00bd", "\u2044", "\u00e9", "e\u0301",
           "\u200b", "\u200e", "\ufeff", "\x00", "\x7f", "\ufb01", "\uff12", "\u1100",
           "\u1161", "\u2022", "\U0001f525", "\ufdfa", "\u0345", "\u0f73", "\ud7a3",
           "\ue000", "\u0378", *LOOKALIKES]
PIECES = [" ", "  ", "\n", ", ", ": ", ".", "-", "2", "250", "1,5", "gr", "g", "kg", "ml",
          "liter", "Netto ", "isi 10", "2 x 250 gr", "setengah", "dua", "P-IRT No. ",
          "PIRT ", "206357801012329", "20635780101", "pilihan", "produk", "pesanan", "p",
          "irt", "MD 224510012345", "ML", "ID35110000123456", "LPPOM MUI 0012345678",
          "NIB 9120001123123", "halal", "tidak halal", "label halal", "non-halal", "Exp",
          "komposisi", "kardus", "bubble wrap", "kemeja", "kaos", "gamis", "Batik",
          *LOOKALIKES]


class _Text(str):
    """A str subclass: `normalize` takes its general path for it."""


def pieces(choices: list[str], max_size: int = 24) -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(choices), max_size=max_size).map("".join)


@settings(max_examples=600, deadline=None)
@given(st.one_of(pieces(UNICODE), st.text(max_size=16)))
def test_already_clean_text_normalises_as_the_general_path(text: str) -> None:
    plain = normalize_module.normalize(_Text(text))
    assert normalize_module.normalize(text) == plain
    clean = clean_module.already_clean(text)
    assert clean is None or clean == plain


def test_descriptions_take_the_clean_way_and_odd_ones_the_long_way() -> None:
    assert clean_module.already_clean("Keripik\n\u2022 250 g  \U0001f525") == (
        "Keripik \u2022 250 g \U0001f525")
    for odd in ("a\u200bb", "\uff12\uff15\uff10g", "1\u00bd kg", "a\x00b"):
        assert clean_module.already_clean(odd) is None
        assert normalize_module.normalize(odd) == normalize_module.normalize(_Text(odd))


@settings(max_examples=500, deadline=None)
@given(pieces(PIECES))
def test_cue_scan_without_the_p_of_pirt_and_quiet_equal_the_plain_searches(text: str) -> None:
    found = packaging_label.label_cues(text)
    every = (*packaging_label._cue_patterns(), *reg.number_patterns())
    for regex in every:
        fast, slow = found.search(regex), regex.search(text)
        assert (fast and (fast.span(), fast.groups())) == (slow and (slow.span(), slow.groups()))
    if found.quiet(reg.number_patterns()):
        assert all(regex.search(text) is None for regex in reg.number_patterns())


def test_the_p_of_pirt_is_scanned_only_with_irt() -> None:
    plan = packaging_label._label_plan()
    assert plan.dead("produk pilihan pesanan") and not plan.dead("p-irt 206357801012329")
    text = "Produk pilihan, P-IRT 206357801012329"
    found = packaging_label.label_cues(text)
    assert found.search(reg.pattern("pirt")).group(1) == "206357801012329"
    assert not found.quiet(reg.number_patterns())
    assert packaging_label.label_cues("produk pilihan").quiet(reg.number_patterns())


@settings(max_examples=400, deadline=None)
@given(pieces(PIECES, 14))
def test_net_parsed_only_where_a_mass_or_volume_is_written(text: str) -> None:
    parsed = Parsed(text)
    assert _stated_in(parsed) == (_stated(net_quantity(parsed.text)) if parsed.text else None)


@st.composite
def listings(draw: Any) -> Listing:
    attributes: dict[str, Any] = {}
    for key in ("pirt", "bpom", "halal_id"):
        if draw(st.integers(0, 3)) == 0:
            attributes[key] = draw(st.sampled_from(["", "206357801012329", "MD 224510012345",
                                                    "ID35110000123456", "x"]))
    weight = draw(st.sampled_from([None, "", "250", "250 gr", 300, 0, float("nan"), "abc"]))
    return Listing(id="1", title=draw(pieces(PIECES, 8)), description=draw(pieces(PIECES)),
                   weight_g=weight, attributes=attributes)


@settings(max_examples=300, deadline=None)
@given(listings())
def test_registrations_through_quiet_cues_and_halal_cues_equal_the_plain_searches(
        listing: Listing) -> None:
    text = packaging.label_text(listing)
    cues = packaging_label.label_cues(text)
    assert packaging.registrations(listing, text, cues) == packaging.registrations(listing, text)
    assert reg.halal_worded(text, cues) == reg.halal_worded(text)


@settings(max_examples=300, deadline=None)
@given(listings())
def test_shipping_ratio_read_only_with_a_net_equals_the_plain_form(listing: Listing) -> None:
    facts = packaging.measure(listing, None)
    plain = shipping_ratio(grams(listing.weight_g), facts["packaging.net_g"])
    assert facts["packaging.shipping_ratio"] == plain


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(sorted(load_words("packaging_garments"))),
                          st.sampled_from(PIECES), st.sampled_from(LOOKALIKES)),
                max_size=6).map(" ".join))
def test_garment_by_words_equals_the_lexicon_search(title: str) -> None:
    for text in (title, title.upper(), title.replace(" ", "-")):
        expected = bool(find_phrases(text, "packaging_garments"))
        assert packaging_label.names_garment(text) == expected

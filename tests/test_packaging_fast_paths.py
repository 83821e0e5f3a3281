"""The packaging measure's shortcuts equal the plain forms they replace.

`ListingTexts.label` joins the texts already normalised instead of normalising the three
again; `net_conflict` skips the description when no shorter text states a net quantity;
`registrations` and `label_facts` read one `Cues` scan of the label text and call the
halal wording test without repeating the certificate search. Each is checked against the
plain form on listings built from label words, blanks, look-alikes and odd cells.
"""

from __future__ import annotations

import math
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from listing_quality.features import packaging, packaging_label
from listing_quality.features.packaging_consistency import _stated, net_conflict
from listing_quality.features.texts import MAX_LABEL_TEXT, ListingTexts, label_text
from listing_quality.text import registrations as reg
from listing_quality.text.atoms import scan
from listing_quality.text.lexicon import find_phrases
from listing_quality.text.parsed import Parsed
from listing_quality.text.prefilter import search
from listing_quality.types import Listing

PIECES = [" ", "  ", "\n", "\t", "\r\n", "\u200b", "\u3000", "\xa0", "ﬁ", "２５０", "½", "é",
          "\u0301", "\xa8", "\u1100\u1161", "\ufdfa", "\x1c",
          "\u212a", "\u017f", "\u0131", "\u0130", "x", "2", "250", "500", "1,5", "gr", "g", "kg",
          "ml", "isi 10", "2 x 250 gr", "Netto ", "Berat bersih", "P-IRT No. 206357801012329",
          "MD 224510012345", "ID35110000123456", "halal", "tidak halal", "label halal",
          "NIB 9120001123123", "Exp 12/2027", "komposisi", "simpan di", "kardus",
          "bubble wrap", "gift box", "rotan", "kemeja", "size chart"]
CELLS = st.one_of(st.lists(st.sampled_from(PIECES), max_size=12).map("".join),
                  st.text(max_size=8), st.none(), st.just(math.nan))


@st.composite
def listings(draw: Any) -> Listing:
    pack = draw(st.one_of(st.none(), CELLS))
    attributes = {} if pack is None else {"label_text": pack}
    for key in ("pirt", "bpom", "halal_id"):
        if draw(st.booleans()) and draw(st.booleans()):
            attributes[key] = draw(CELLS)
    return Listing(id="1", title=draw(CELLS), description=draw(CELLS), attributes=attributes)


@settings(max_examples=400, deadline=None)
@given(listings())
def test_label_joined_from_parts_equals_label_text(listing: Listing) -> None:
    texts = ListingTexts(listing)
    assert texts.label.text == label_text(listing)
    texts.label.atoms  # noqa: B018 - scanned first, as the measure does
    assert texts.description.atoms == scan(texts.description.text)  # read off the label's


def test_a_long_or_missing_part_takes_label_text() -> None:
    long = Listing(id="1", title="ﷺ" * 2000, description="x " * 9000)
    assert ListingTexts(long).label.text == label_text(long)
    assert len(label_text(long)) == MAX_LABEL_TEXT
    missing = Listing(id="2", title=None, description="Netto 250 g")  # type: ignore[arg-type]
    assert ListingTexts(missing).label.text == label_text(missing) == "None Netto 250 g"


def _plain_conflict(texts: dict[str, str]) -> str | None:
    """`net_conflict` as it was: every text parsed, then each pair compared."""
    nets = {name: Parsed(text).net for name, text in texts.items() if text}
    stated = {name: _stated(net) for name, net in nets.items()}
    names = [name for name, value in stated.items() if value]
    for i, first in enumerate(names):
        for second in names[i + 1:]:
            if net_conflict({first: texts[first], second: texts[second]}):
                return net_conflict({first: texts[first], second: texts[second]})
    return None


@settings(max_examples=400, deadline=None)
@given(st.lists(st.lists(st.sampled_from(PIECES), max_size=10).map("".join),
                min_size=3, max_size=3))
def test_net_conflict_skipping_the_description_equals_the_plain_form(texts: list[str]) -> None:
    sources = dict(zip(("title", "description", "label"), texts, strict=True))
    assert net_conflict(sources) == _plain_conflict(sources)


def _plain_registrations(listing: Listing, text: str) -> dict[str, Any]:
    """`registrations` without cues, and halal read with the full `states_halal`."""
    facts = packaging.registrations(listing, text)
    if not packaging._attribute(listing, "halal_id"):
        facts["packaging.halal"] = reg.states_halal(text)
    return facts


@settings(max_examples=300, deadline=None)
@given(listings())
def test_registrations_and_label_facts_from_cues_equal_the_plain_searches(
        listing: Listing) -> None:
    text = label_text(listing)
    cues = packaging_label.label_cues(text)
    assert packaging.registrations(listing, text, cues) == _plain_registrations(listing, text)
    facts = packaging_label.label_facts(text, "", cues)
    for name in ("expiry", "composition", "storage", "care", "size_chart"):
        regex = packaging_label.patterns()[name]
        assert facts[f"packaging.{name}"] == (search(regex, text) is not None)
    for name, key in (("packaging_types", "pack_types"), ("packaging_materials", "materials")):
        assert facts[f"packaging.{key}"] == find_phrases(text, name)[:5]

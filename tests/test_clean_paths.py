"""`clean.already_clean` turns line breaks into spaces instead of listing the words.

A typed description has single spaces and line breaks between its words and nothing else
to collapse; `clean._single_spaced` replaces the line breaks and proves, with three tests
in C, that splitting and joining would give the same text. Checked against the plain form
(the split and join it skips, and `already_clean` as first written) on texts made of every
kind of blank `str.split` knows, printable or not.
"""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from listing_quality.text import clean

BLANKS = [" ", "  ", "\n", "\n\n", " \n", "\t", "\r\n", "\r", "\x0b", "\x0c", "\x1c", "\x1f",
          "\x85", "\xa0", "\u1680", "\u2000", "\u200a", "\u2028", "\u2029", "\u202f", "\u205f",
          "\u3000", "\u200b"]
WORDS = ["Keripik", "250", "g", "\u2022", "é", "e\u0301", "ﬁ", "\u2044", "½", "\U0001f525", "\x00"]


def _plain_already_clean(raw: str) -> str | None:
    """`already_clean` as first written: every text split into its words and joined."""
    joined = " ".join(raw.split())
    if joined.isprintable() and (joined.isascii() or unicodedata.is_normalized("NFKC", joined)):
        return joined.replace("\u2044", "/")
    return None


texts = st.one_of(st.lists(st.sampled_from(BLANKS + WORDS), max_size=20).map("".join),
                  st.text(max_size=20))


@settings(max_examples=800, deadline=None)
@given(texts)
def test_single_spaced_equals_split_and_join(raw: str) -> None:
    spaced = clean._single_spaced(raw)
    assert spaced is None or (spaced == " ".join(raw.split()) and spaced.isprintable())


@settings(max_examples=800, deadline=None)
@given(texts)
def test_already_clean_equals_the_plain_form(raw: str) -> None:
    assert clean.already_clean(raw) == _plain_already_clean(raw)


def test_a_typed_description_takes_the_short_way() -> None:
    typed = "Keripik pedas\n\u2022 Netto 250 g\nExp 12/2027"
    assert clean._single_spaced(typed) == "Keripik pedas \u2022 Netto 250 g Exp 12/2027"
    for odd in ("a  b", " a", "a\n", "a\n\nb", "a\r\nb", "a\xa0b", "a\tb", ""):
        assert clean._single_spaced(odd) in (None, "")
    assert clean._single_spaced("") == ""

"""`fold` skips the variant regex when a text holds no variant: the same text either way."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from listing_quality.text.normalize import _variants, fold, normalize

PIECES = [" ", "  ", "-", ".", "/", ",", "2", "250gr", "_", "é", "\u212a", "\u0130", "Krupuk",
          "krupuk", "kripik", "KRIPIK", "coklat", "Coklat2", "cokelat", "seblak", "keripikk",
          "xkripik", "kripik_", "oleh-oleh", "Madu", "murah", "\n", "\u00a0"]


def _plain_fold(text: str) -> str:
    variants, found = _variants()
    return found.sub(lambda m: variants[m.group(0)], normalize(text).lower())


@settings(max_examples=1500, deadline=None)
@given(st.one_of(st.lists(st.sampled_from(PIECES), max_size=10).map("".join), st.text()))
def test_fold_equals_the_regex_substitution(text: str) -> None:
    assert fold(text) == _plain_fold(text)


def test_both_forms_are_exercised() -> None:
    assert fold("Kripik Coklat 250gr") == "keripik cokelat 250gr"  # the regex form
    assert fold("Keripik Pedas") == "keripik pedas"  # no variant: the set test alone
    assert fold("xkripik kripik_") == "xkripik keripik_"  # a word is a run of letters

"""The seventh round of packaging shortcuts equals the plain forms they replace.

Each is checked, hypothesis-driven, against the slow form on texts built from the pieces
that make it matter: cue words glued to digits, punctuation, non-ASCII letters and wide
characters (a bullet, an emoji), which the fast forms treat differently from the plain.
"""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from listing_quality.features import packaging_label
from listing_quality.text import clean, letters
from listing_quality.text.trie import trie_regex

CUE_PIECES = ["p", "irt", "p-irt", "P-IRT", "exp", "expired", "isi", "isidua", "xl", "2xl",
              "komposisi", "bahan", "halal", "id", "md", "ml", "size", "ukuran", "kardus",
              "dus", "e", "b", "bb", "x", "xx", "xxl", " ", "  ", "-", ".", ":", "2", "250",
              "_", "é", "É", "\u2022", "\U0001f525", "\u00bd", "\u0131", "\u212a", "\u00e0b",
              "ñ", "\n", "?"]


def cue_texts() -> st.SearchStrategy[str]:
    return st.one_of(st.lists(st.sampled_from(CUE_PIECES), max_size=30).map("".join),
                     st.text(max_size=30))


def plain_places(words: list[str], low: str) -> list[tuple[int, str]]:
    """The scan as it was: `[^a-z](word...)` over " " + the lower-cased text."""
    regex = re.compile(f"[^a-z]({trie_regex(words) or '(?!)'})")
    return [(m.start(), m.group(1)) for m in regex.finditer(" " + low)]


def byte_places(words: list[str], low: str) -> list[tuple[int, str]]:
    scan = letters.scan_regex(words)
    return [(m.start(), m.group(1).decode("ascii")) for m in scan.finditer(letters.scan_text(low))]


@settings(max_examples=500, deadline=None)
@given(cue_texts())
@example("\u2022 p-irt 2xl isidua \U0001f525exp")
@example("éexp ñbahan")
@example("206357801012329exp 08.00-17.00 . . .  ...   isi2xl;;;bahan")
@example("x    xl     p-irt")
def test_the_byte_scan_finds_the_places_and_words_of_the_class_scan(text: str) -> None:
    words = sorted(packaging_label._label_plan().by_word)
    plain_words = [word.decode("ascii") for word in words]
    low = text.lower()
    assert len(letters.letters_only(low)) == len(low) == len(letters.scan_text(low)) - 1
    assert byte_places(plain_words, low) == plain_places(plain_words, low)


@given(st.lists(st.sampled_from(["a", "ab", "abc", "b", "zz"]), max_size=4), cue_texts())
def test_the_byte_scan_of_any_word_list_equals_the_class_scan(words: list[str],
                                                               text: str) -> None:
    """Empty word lists (a scan that finds nothing) and words that are prefixes of others."""
    low = text.lower()
    assert byte_places(words, low) == plain_places(words, low)


def test_ascii_printability_by_deletion_equals_isprintable_for_every_ascii_character() -> None:
    for code in range(128):
        assert clean.prints(chr(code)) == chr(code).isprintable()
        assert clean.prints(f"ab {chr(code)} c") == f"ab {chr(code)} c".isprintable()


@settings(max_examples=500, deadline=None)
@given(st.one_of(st.text(max_size=40), st.text(st.characters(max_codepoint=127), max_size=60),
                 cue_texts()))
@example("")
@example("Keripik\tpedas")
@example("Keripik\x7fpedas")
def test_prints_equals_isprintable(text: str) -> None:
    assert clean.prints(text) == text.isprintable()

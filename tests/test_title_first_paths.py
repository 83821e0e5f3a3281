"""Session 6's title shortcuts give exactly what the plain forms they replace give.

The symbol-run regex for ASCII text (no emoji alternative) against the general one, the
character kinds shared by the symbol-run and capitals tests against computing them again,
and the size places walked hit by hit against `phrases.start_places`, on texts made of
the pieces that decide them: repeated symbols, emoji, capitals, size words inside a word
("bubuk", "produk") and at a word's start, more hits than the walk takes. The class-first
phone regex against the plain one, and the fuzzy repeats found among sorted words against
the plain double loop over every two words.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz.distance import Indel

from listing_quality.features import title, title_hygiene, title_words
from listing_quality.text import sizes
from listing_quality.text.phrases import start_places
from listing_quality.text.runs import ascii_kinds

PIECES = ["Keripik", "KRUPUK", "MURAH", "ABCD", "Ab", "250", "g", " ", "  ", "!!", "!", "!!!",
          "??", "?!", "%", "%%", "_", "__", "-", "--", "é", "🔥🔥", "🔥", "\u2600\u2601", "||",
          "/", "Bubuk", "produk", "uk", "Uk", "ukuran", "size", "XL", "2xl", "xl", "\u212a"]
TEXT = st.one_of(st.lists(st.sampled_from(PIECES), max_size=24).map("".join),
                 st.text(max_size=40),
                 st.text(alphabet=st.characters(max_codepoint=127), max_size=40))


@settings(max_examples=500, deadline=None)
@given(TEXT)
def test_symbol_runs_equal_the_general_regex(text: str) -> None:
    plain = [m.group(0) for m in title._SYMBOL_RUN.finditer(text)]
    assert title.symbol_runs(text, ascii_kinds(text)) == plain
    symbols = not text.replace(" ", "").isalnum()
    if not title.may_run(text, symbols, ascii_kinds(text)):
        assert plain == []


@settings(max_examples=300, deadline=None)
@given(TEXT, st.sampled_from(["", "Kylafood", "KRUPUK", "abcd"]))
def test_upper_ratio_with_the_kinds_given(text: str, brand: str) -> None:
    assert title.upper_ratio(text, brand, ascii_kinds(text)) == title.upper_ratio(text, brand)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=30).map("".join))
def test_size_places_walked_equal_start_places(text: str) -> None:
    assert sizes._size_places(text) == start_places(sizes._size_word_re(), text, sizes._LETTERS)


def test_more_hits_than_the_walk_takes() -> None:
    many = "bubuk produk " * sizes.WALK_HITS + "ukuran 40 cm, size XL"
    assert sizes._size_places(many) == start_places(sizes._size_word_re(), many, sizes._LETTERS)
    assert sizes.find_sizes(many) == ["ukuran 40 cm", "size XL"]
    assert sizes._size_places("Kopi Bubuk 250 g") == []  # "uk" inside a word: no place


PHONE_PIECES = ["0", "8", "62", "+62", "+", "6", "2", "12", "812", "3456", "7890", " ", ".",
                "-", "a", "WA ", "_", "é", "٠", "08", "081234567890", "(", "x"]


@settings(max_examples=600, deadline=None)
@given(st.one_of(st.lists(st.sampled_from(PHONE_PIECES), max_size=20).map("".join),
                 st.text(max_size=30)))
def test_phone_regex_equals_the_plain_one(text: str) -> None:
    plain = re.compile(r"(?<![\w+])(?:\+?62|0)[\s.\-]?8[0-9](?:[\s.\-]?[0-9]){6,11}(?![0-9])")
    assert ([m.span() for m in title_hygiene._PHONE.finditer(text)]
            == [m.span() for m in plain.finditer(text)])


def plain_pairs(seen: list[str], cfg: dict) -> list[str]:
    """The fuzzy pairs as a plain double loop over every two distinct words."""
    words = [w for w in dict.fromkeys(seen) if len(w) >= cfg["fuzzy_min_len"]]
    cutoff = cfg["fuzzy_repeat_ratio"] / 100.0
    return [f"{a}/{b}" for i, a in enumerate(words) for b in words[i + 1:]
            if a[0] == b[0] and abs(len(a) - len(b)) <= 2
            and Indel.normalized_similarity(a, b) >= cutoff]


WORDS = ["sepatu", "sepatuu", "sepatuuu", "sepat", "hijab", "hijabs", "hijabss", "keripik",
         "kripik", "kerupuk", "krupuk", "kerupukk", "pedas", "pedass", "balado", "baladoo",
         "sambal", "sambel", "kopi", "kopii", "abcde", "abcdf", "abdce"]


@settings(max_examples=600, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(WORDS), st.text("abcs", min_size=1, max_size=8)),
                max_size=14))
def test_fuzzy_pairs_equal_the_double_loop(words: list[str]) -> None:
    cfg = title_words.settings()
    assert title_hygiene._fuzzy_pairs(dict.fromkeys(words), cfg) == plain_pairs(words, cfg)

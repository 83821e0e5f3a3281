"""The title's shortcuts give exactly what the plain forms they replace give.

Checked on titles built from the characters that decide them (capitals, symbols, emoji,
blanks, separators, hyphens, apostrophes, variants, look-alikes, size words inside a word
and at a word's start) and on any text: the character kinds against the regexes they stand
for, the class-first separator, symbol-run and phone regexes against the plain ones, the
word count read off spaces, the words of a plain ASCII title from one translation, the
repeated words' early answer and their fuzzy pairs among sorted words against the double
loop, and the size places walked hit by hit against `phrases.start_places`.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz.distance import Indel

from listing_quality.features import title, title_hygiene, title_words
from listing_quality.text import sizes
from listing_quality.text.lexicon import split_words
from listing_quality.text.normalize import fold, normalize
from listing_quality.text.phrases import start_places
from listing_quality.text.runs import ascii_kinds

PIECES = ["Keripik", "KRUPUK", "kripik", "Sepatu", "sepatuu", "MURAH", "ABCD", "Ab", "250", "g",
          "kg", "x", " ", "  ", "\t", "\n", "-", " - ", " / ", "/", "|", ";", ",", "!!", "!", "_",
          "'", "é", "–", "—", "\x1c", "\x00", "🔥🔥", "🔥", "\u2600\u2601", "\u212a", "!!!",
          "??", "?!", "%", "%%", "__", "--", "||", "Bubuk", "produk", "uk", "Uk", "ukuran",
          "size", "XL", "2xl", "xl"]
TEXT = st.one_of(st.lists(st.sampled_from(PIECES), max_size=24).map("".join),
                 st.text(max_size=40),
                 st.text(alphabet=st.characters(max_codepoint=127), max_size=40))


@settings(max_examples=500, deadline=None)
@given(TEXT)
def test_kinds_answer_what_the_regexes_answer(text: str) -> None:
    kinds = ascii_kinds(text)
    if not text.isascii():
        assert kinds is None
        return
    assert (b"AAAA" in kinds) == (re.search(r"[A-Z]{4}", text) is not None)
    assert (b"##" in kinds) == (re.search(r"[^\w\s]{2}", text) is not None)
    symbols = not title_hygiene.word_chars_only(text)
    assert title.may_run(text, symbols) == (symbols and re.search(r"[^\w\s]{2}", text) is not None)


@settings(max_examples=500, deadline=None)
@given(TEXT)
def test_separators_equal_the_plain_split(text: str) -> None:
    assert title_hygiene._SEPARATOR_AT.split(text) == title_hygiene._SEPARATOR.split(text)
    pieces = title_hygiene._SEPARATOR.split(text)
    plain = max(0, len([p for p in pieces if title_hygiene.names_something(p)]) - 1)
    plain = 0 if title_hygiene.word_chars_only(text) else plain
    assert title_hygiene.separators(text) == plain
    assert title_hygiene.separators(text, not title_hygiene.word_chars_only(text)) == plain


@settings(max_examples=500, deadline=None)
@given(TEXT, st.integers(0, 60))
def test_word_count_equals_splitting_a_normalised_text(text: str, cut: int) -> None:
    for normalized in (normalize(text), normalize(text)[:cut]):
        assert title.word_count(normalized) == len(normalized.split())


@settings(max_examples=500, deadline=None)
@given(TEXT)
def test_plain_words_equal_splitting_and_folding(text: str) -> None:
    words = title_words.plain_words(text)
    if words is None:
        assert not (text.isascii() and text.isprintable()) or "-" in text or "'" in text
        return
    assert words == (tuple(split_words(text)), tuple(split_words(fold(text))))


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_annotation_types_are_the_type_spans(text: str) -> None:
    ann = title_words.annotate(text)
    found = ann.found.get(title_words.TYPES)
    assert ann.types == (title_words.choose(found) if found else [])
    assert ann.types == ann.spans(title_words.TYPES)


def test_the_shortcuts_take_effect() -> None:
    """The fast forms are the ones running (a speed regression guard)."""
    assert title_words.plain_words("Keripik Pedas 250 g") == (
        ("Keripik", "Pedas", "250", "g"), ("keripik", "pedas", "250", "g"))
    assert title_words.plain_words("Keripik oleh-oleh") is None
    assert title_hygiene.repeated_words("Keripik Pedas Balado 250 g") == []
    assert title.word_count("a b c") == 3
    assert normalize("") == ""


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

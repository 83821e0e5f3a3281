"""This round's title shortcuts give exactly what the plain forms they replace give.

Checked on titles built from the characters that decide them (capitals, symbols, blanks,
separators, hyphens, apostrophes, variants, look-alikes) and on any text: the character
kinds against the regexes they stand for, the class-first separator regex against the
plain one, the word count read off spaces, the words of a plain ASCII title from one
translation, and the repeated words' early answer.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from listing_quality.features import title, title_hygiene, title_words
from listing_quality.text.lexicon import split_words
from listing_quality.text.normalize import fold, normalize
from listing_quality.text.runs import ascii_kinds

PIECES = ["Keripik", "KRUPUK", "kripik", "Sepatu", "sepatuu", "MURAH", "ABCD", "Ab", "250", "g",
          "kg", "x", " ", "  ", "\t", "\n", "-", " - ", " / ", "/", "|", ";", ",", "!!", "!", "_",
          "'", "é", "–", "—", "\x1c", "\x00", "🔥🔥", "\u212a"]
TEXT = st.one_of(st.lists(st.sampled_from(PIECES), max_size=16).map("".join),
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

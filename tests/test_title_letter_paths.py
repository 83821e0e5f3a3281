"""A printable ASCII title's lower-cased forms, read once by the annotation, give what the
measures computed from the title themselves.

The annotation of a printable ASCII title keeps its lower-cased words, its letters (every
other character a space) and whether a digit is there (`title_plain.Plain`); the slots tell
the title's `Parsed` what they say (`Parsed.know_letters`: no number-word test, no size
places, no scan without a digit), the noise lexicons are skipped when no first word of
theirs is among the words, and the separators read the letters. Each is checked against
the plain form on titles built from number words, size words and labels, noise phrases,
variants and digits glued every way.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from listing_quality.features import title_hygiene, title_plain, title_slots, title_words
from listing_quality.text.atoms import scan
from listing_quality.text.lexicon import load_words, phrase_spans_all, split_words
from listing_quality.text.normalize import fold, normalize, text_data
from listing_quality.text.parsed import Parsed
from listing_quality.text.quantities import find_quantities, net_quantity
from listing_quality.text.sizes import find_sizes

NUMBER_WORDS = sorted({w for w in map(str, text_data()["number_words"])})
SIZE_WORDS = sorted({str(w) for key in ("letter_sizes", "letter_sizes_after_label", "size_labels")
                     for w in text_data()[key]})
PIECES = [*NUMBER_WORDS, *SIZE_WORDS, "Keripik", "KRUPUK", "Kain Batik", "level", "Level 5",
          "250", "1,5", "2", "g", "kg", "ml", "isi", "x", "X", "Bubuk", "produk", "promo",
          "MURAH", "best seller", "100% ori", "shopee", "wa", "_", "-", "'", "/", "|", ",",
          ".", "!!", "@toko", "08123456789", "é", "\u212a", " ", "  "]
NOISE = title_hygiene.NOISE_LEXICONS
GLUE = ["", " ", "", " ", "x", "isi", "2", "a"]
TITLES = st.one_of(
    st.lists(st.tuples(st.sampled_from(PIECES), st.sampled_from(GLUE)), max_size=14).map(
        lambda parts: "".join(p + g for p, g in parts)),
    st.text(alphabet=st.characters(max_codepoint=127), max_size=40),
    st.text(max_size=30))


@settings(max_examples=500, deadline=None)
@given(TITLES)
def test_the_plain_view_holds_the_plain_forms(text: str) -> None:
    view = title_words.plain_view(text)
    if view is None:
        assert title_words.plain_words(text) is None
        return
    raw, folded, plain = view
    assert (raw, folded) == title_words.plain_words(text)
    assert plain.words == tuple(word.lower() for word in split_words(text))
    assert title_words.annotate(text).plain == plain


@settings(max_examples=500, deadline=None)
@given(TITLES)
def test_the_plain_forms_are_the_lower_cased_forms(text: str) -> None:
    forms = title_plain.plain_forms(text)
    if forms is None:
        assert not (text.isascii() and text.isprintable())
        assert title_words.annotate(text).plain is None
        return
    spaced, low, plain = forms
    assert spaced == re.sub("[^A-Za-z0-9]", " ", text) and low == spaced.lower()
    assert plain.words == tuple(re.findall("[a-z0-9]+", text.lower()))
    assert plain.letters == re.sub("[^a-z]", " ", text.lower())
    assert plain.runs == re.findall("[a-z]+", text.lower())
    assert plain.digits == (re.search("[0-9]", text) is not None)
    assert title_words.annotate(text).plain == plain


def _told(text: str) -> Parsed:
    """A `Parsed` told the letters, as the slots tell it."""
    parsed = Parsed(text)
    plain = title_words.annotate(text).plain
    if plain is not None:
        parsed.know_letters(plain.letters, plain.digits)
    return parsed


@settings(max_examples=800, deadline=None)
@given(TITLES)
def test_a_parsed_text_told_its_letters_reads_what_the_plain_functions_read(text: str) -> None:
    for given_text in (text, normalize(text)):
        for read in ("atoms", "sizes", "quantities", "net", "first"):  # each read first
            parsed = _told(given_text)
            if read == "first":
                wanted = next((q.text for q in find_quantities(given_text)
                               if q.kind in ("mass", "volume", "count")), None)
                assert parsed.first_quantity(("mass", "volume", "count")) == wanted
            assert parsed.atoms == scan(given_text)
            assert parsed.sizes == find_sizes(given_text)
            assert parsed.quantities == find_quantities(given_text)
            assert parsed.net == net_quantity(given_text)


def _found(per_lexicon: list[list[re.Match[str]]]) -> list[list[tuple[tuple[int, int], str]]]:
    return [[(m.span(), m.group(0)) for m in matches] for matches in per_lexicon]


@settings(max_examples=500, deadline=None)
@given(TITLES)
def test_the_title_measures_given_the_annotation_equal_them_alone(text: str) -> None:
    for given_text in (text, normalize(text)):
        ann = title_words.annotate(given_text)
        if given_text.isascii():
            words = tuple(re.findall(r"\w+", given_text.lower()))
            assert _found(phrase_spans_all(given_text, NOISE, words)) == _found(
                phrase_spans_all(given_text, NOISE))
        alone = title_hygiene.noise.__wrapped__(given_text)
        assert title_hygiene.find_noise(given_text, ann.plain) == alone
        assert title_hygiene.find_noise(given_text) == alone
        symbols = not title_hygiene.word_chars_only(given_text)
        assert (title_hygiene.separators(given_text, symbols, ann.plain)
                == title_hygiene.separators(given_text))
        assert title_hygiene.repeated_words(given_text, ann) == title_hygiene.repeated_words(
            given_text)
        assert title_slots.type_count(given_text, ann) == title_slots.type_count(given_text)
        unplain = ann._replace(plain=None)  # the slots as they read a title without it
        for brand in ("", "Mbok Sri"):
            assert (title_slots.find_slots(given_text, brand, _told(given_text), ann)
                    == title_slots.find_slots(given_text, brand, Parsed(given_text), unplain))


def test_the_letters_take_effect() -> None:
    """The shortcuts run on a plain title (a speed regression guard), and only there."""
    parsed = _told("Keripik Pedas Balado")
    assert parsed._wordless is False and parsed.atoms == () and parsed.sizes == []
    assert _told("Keripik Pedas 250 g")._wordless is True  # (no such word, a digit)
    assert _told("Keripik dua rasa")._wordless is None
    assert _told("Kaos ukuran XL")._wordless is None
    assert _told("Keripik oleh-oleh")._wordless is False  # (printable ASCII: told)
    assert _told("Keripik é")._wordless is None  # (not printable ASCII: not told)
    assert title_words.annotate("Keripik Pedas").plain is not None
    assert phrase_spans_all("Keripik Pedas", NOISE, ("keripik", "pedas")) == [[], [], []]
    assert load_words("promo")  # (the lexicon the skip reads is there)


def _first_at_plain(words: tuple[str, ...], wanted: tuple[str, ...]) -> int | None:
    """The loop `title_slots.first_at` replaces: every place sliced and compared."""
    n = len(wanted)
    for i in range(len(words) - n + 1 if n else 0):
        if words[i:i + n] == wanted:
            return i
    return None


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from("abcd"), max_size=10).map(tuple),
       st.lists(st.sampled_from("abcd"), max_size=3).map(tuple))
def test_the_brand_is_found_where_the_plain_loop_finds_it(words: tuple[str, ...],
                                                          wanted: tuple[str, ...]) -> None:
    assert title_slots.first_at(words, wanted) == _first_at_plain(words, wanted)


@settings(max_examples=300, deadline=None)
@given(TITLES)
def test_the_brand_words_are_the_folded_words(brand: str) -> None:
    assert title_slots.brand_words(brand) == tuple(split_words(fold(brand)))

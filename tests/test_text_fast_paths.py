"""The fast paths of `text/` give exactly what the plain regexes give.

Each speed-up (phrase search by word, the regex prefilter, the digits-only atom scan, the
letter-size and label tests, the ASCII normaliser, the variant folder, the shared `Parsed`
text) is checked against the slow form it replaces, on texts built from the very words
that make those regexes match, plus the IGNORECASE look-alikes (Kelvin sign, long s,
dotless and dotted i) that the fast paths must hand back to the regex.
"""

from __future__ import annotations

import importlib
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from listing_quality.features import packaging_label
from listing_quality.features.packaging_consistency import net_conflict
from listing_quality.features.texts import ListingTexts, label_text
from listing_quality.text import atoms, phrases, prefilter, sizes
from listing_quality.text import registrations as reg
from listing_quality.text.lexicon import load_words, phrase_matches, phrase_pattern
from listing_quality.text.parsed import Parsed
from listing_quality.text.quantities import find_quantities, find_sizes, net_quantity
from listing_quality.types import Listing

normalize_module = importlib.import_module("listing_quality.text.normalize")

LOOKALIKES = ["\u212a", "\u017f", "\u0131", "\u0130"]
PIECES = [
    " ", "  ", ", ", ": ", "-", ".", "/", "x", "\n", "2", "250", "1,5", "½", "isi", "ISI",
    "gr", "kg", "ml", "pcs", "dua", "Setengah", "tiga perempat", "ukuran", "Size", "XL", "M",
    "all size", "uk", "netto", "Berat Bersih", "P-IRT No. ", "206357801012329", "MD",
    "224510012345", "ID35110000123456", "halal", "tidak halal", "NIB ", "9120001123123",
    "Exp 12/2027", "komposisi", "simpan di", "diproduksi oleh", "cara cuci", "size chart",
    "buatan Mbok Sri dari Kediri", "krupuk", "Kripik", "coklat", "tempat", *LOOKALIKES,
]
LEXICONS = ["packaging_types", "packaging_materials", "packaging_gift", "packaging_protection",
            "packaging_garments", "promo", "claims", "platforms"]


def lexicon_text() -> st.SearchStrategy[str]:
    words = sorted({w for name in LEXICONS for w in load_words(name)})
    piece = st.sampled_from(words).map(lambda w: w.upper() if len(w) % 3 == 0 else w)
    return st.lists(st.one_of(piece, st.sampled_from(PIECES)), max_size=12).map("".join)


def label_piece_text() -> st.SearchStrategy[str]:
    return st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=3)), max_size=14).map(
        "".join)


@settings(max_examples=300, deadline=None)
@given(lexicon_text(), st.sampled_from(LEXICONS))
def test_phrase_search_by_word_matches_the_regex(text: str, name: str) -> None:
    padding = " " * phrases.BY_WORD_FROM  # long enough for the search by word
    for padded in (text, padding + text, text + padding):
        found = [(m.span(), m.group(0)) for m in phrase_matches(padded, name)]
        assert found == [(m.span(), m.group(0)) for m in phrase_pattern(name).finditer(padded)]


def test_lookalikes_send_a_text_to_the_regex() -> None:
    assert phrases.lowered("BUBBLE WRAP") == "bubble wrap"
    assert all(phrases.lowered(f"kardus {c}") is None for c in LOOKALIKES)
    # re's IGNORECASE reads the long s as "s": "ſale" is the promo word "sale"
    long_text = "\u017fale murah" + " ." * phrases.BY_WORD_FROM
    assert [m.group(0) for m in phrase_matches(long_text, "promo")] == ["\u017fale", "murah"]
    assert [m.group(0) for m in phrase_matches(long_text.upper(), "promo")] == ["SALE", "MURAH"]


def test_prefilter_reads_the_words_a_match_needs() -> None:
    assert prefilter.needs(reg.pattern("pirt")) == frozenset({"irt"})
    assert prefilter.needs(reg.pattern("nib")) == frozenset({"nib"})
    assert "komposisi" in prefilter.needs(packaging_label.patterns()["composition"])
    assert prefilter.needs(re.compile(r"a?b*")) is None  # nothing is required
    assert prefilter.starts(packaging_label.patterns()["producer_made_by"]) == (
        frozenset({"buatan"}), True)


@settings(max_examples=300, deadline=None)
@given(label_piece_text())
def test_prefiltered_search_finds_what_search_finds(text: str) -> None:
    names = ["pirt", "pirt_loose", "bpom", "halal_number", "halal_mui_number", "halal_word",
             "halal_negated", "nib"]
    regexes = [*packaging_label.patterns().values(), *(reg.pattern(n) for n in names)]
    for regex in regexes:
        fast, slow = prefilter.search(regex, text), regex.search(text)
        assert (fast and (fast.span(), fast.groups())) == (slow and (slow.span(), slow.groups()))
        assert prefilter.can_match(regex, text) or slow is None


@settings(max_examples=300, deadline=None)
@given(label_piece_text())
def test_digits_only_scan_matches_the_full_regex(text: str) -> None:
    def spans(regex: re.Pattern[str]) -> list[object]:
        return [(m.span(), m.span("num"), m.group("unit")) for m in regex.finditer(text)]

    if not atoms._may_hold_number_word(text):
        assert spans(atoms._DIGITS_RE) == spans(atoms._atom_re())


def test_number_words_take_the_full_regex() -> None:
    assert atoms._may_hold_number_word("setengah kilo")
    assert atoms._may_hold_number_word("isidua kg")  # glued to "isi": still an atom
    assert not atoms._may_hold_number_word("simpan di tempat kering 250 gr")
    assert [a.value for a in atoms.scan("setengah kilo, 2 x 250 gr")] == [0.5, 2.0, 250.0]


# label tails: separators, control characters and a look-alike right before the position
LABEL_PIECES = ["isi", "ISI", "jumlah", "total isi", "netto", "Net Wt", "berat bersih", "ukuran",
                "lingkar dada", "uk", ".", "..", ":", "=", "(", ")", "-", " ", "  ", "\n", "\t",
                "\x1c", "x", "2", "10", "a", "é", "\u212a"]


@settings(max_examples=500, deadline=None)
@given(st.one_of(label_piece_text(),
                 st.lists(st.sampled_from(LABEL_PIECES), max_size=10).map("".join)))
def test_letter_sizes_and_labels_skip_only_what_cannot_match(text: str) -> None:
    assert sizes._letter_sizes(text, sizes._size_places(text)) == [
        m.span() for m in sizes._letters_re().finditer(text)]
    for key in ("count_labels", "net_labels", "size_labels"):
        regex = normalize_module._label_re(key)[0]
        for pos in range(len(text) + 1):
            match = regex.search(text, max(0, pos - 30), pos)
            assert normalize_module.label_before(text, pos, key) == (
                match.start() if match else None)


class _Text(str):
    """A str subclass: `normalize` takes its general path for it."""


@settings(max_examples=300, deadline=None)
@given(st.one_of(label_piece_text(), st.text(alphabet=st.characters(max_codepoint=127))))
def test_ascii_normalize_and_fold_equal_the_general_path(text: str) -> None:
    assert normalize_module.normalize(text) == normalize_module.normalize(_Text(text))
    variants, _ = normalize_module._variants()
    lowered = normalize_module.normalize(text).lower()
    expected = re.sub(r"[^\W\d_]+", lambda m: variants.get(m.group(0), m.group(0)), lowered)
    assert normalize_module.fold(text) == expected


@settings(max_examples=200, deadline=None)
@given(label_piece_text())
def test_parsed_readings_equal_the_plain_functions(text: str) -> None:
    parsed = Parsed(text)
    assert parsed.net == net_quantity(text)
    assert parsed.quantities == find_quantities(text)
    assert parsed.sizes == find_sizes(text)
    assert parsed.net is parsed.net  # computed once


def test_listing_texts_normalise_each_field_once_and_agree_with_label_text() -> None:
    listing = Listing(id="1", title="Keripik  Pedas 250 gr", description="Berat 500 gr",
                      attributes={"label_text": "Netto 250 g\u200b"})
    texts = ListingTexts(listing)
    assert texts.title.text == "Keripik Pedas 250 gr"
    assert texts.pack_label.text == "Netto 250 g"
    assert texts.label.text == label_text(listing)
    assert texts.label is texts.label and texts.title is texts.title
    sources = {"title": texts.title, "description": texts.description,
               "label": texts.pack_label}
    plain = {name: parsed.text for name, parsed in sources.items()}
    assert net_conflict(sources) == net_conflict(plain) == "title 250 g, description 500 g"

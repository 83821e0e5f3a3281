"""The sixth round of packaging shortcuts equals the plain forms they replace.

Each is checked, hypothesis-driven, against the slow form on texts built from the pieces
that make it matter (look-alike letters, bullets and emoji, numbers at the seams of the
label text, count, net and size labels).
"""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from listing_quality.features import packaging_label
from listing_quality.features.packaging_consistency import (
    _after,
    _may_state,
    _prefix_atoms,
    net_conflict,
)
from listing_quality.features.texts import ListingTexts
from listing_quality.text import atoms, phrases
from listing_quality.text.normalize import label_before
from listing_quality.text.numbers import _spoken_amount, read_amount
from listing_quality.text.parsed import Parsed
from listing_quality.text.quantities import net_quantity
from listing_quality.types import Listing

LOOKALIKES = ["\u212a", "\u017f", "\u0131", "\u0130"]
UNICODE = ["a", "K", "s", "i", "I", " ", "\u2022", "\U0001f525", "\u00e9", "\u00bd", "\uff12",
           *LOOKALIKES]


def pieces(choices: list[str], max_size: int = 24) -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(choices), max_size=max_size).map("".join)


def test_lookalike_chars_are_the_lookalike_class() -> None:
    """The characters `lowered` tests one by one are exactly those of the regex class."""
    chars = phrases.lookalike_chars()
    assert set(chars) >= set(LOOKALIKES)
    assert all(phrases.ascii_lookalikes().fullmatch(char) for char in chars)


@settings(max_examples=400, deadline=None)
@given(st.one_of(pieces(UNICODE), st.text(max_size=20)))
def test_lowered_tests_the_lookalikes_as_the_regex_did(text: str) -> None:
    plain = None if phrases.ascii_lookalikes().search(text) else text.lower()
    assert phrases.lowered(text) == plain


SEAM = ["Gula 1", "Madu 500", "Kopi 250 g", "Teh 1/2", "isi 3", "Paket dua", "Netto",
        "2 x", "1.000", "25,000", "kg", "gram", " ", "½ kg", "/2 kg", "ml asli", "setengah kg",
        "250gr", "x 250 g", "pcs", ",5 kg", "1 ½", "Berat bersih 250 gram", "2x250g", "868L",
        "sachet @ 25 g", "E5-475G", "jumlah 4", "dus", "\u2022", "K", "/0 kg", " /0", "1",
        "dua", "Tiga", "perempat kg", "setengah", "satu liter", "kedua", "xdua", "-5 kg", ",5 kg"]


@settings(max_examples=600, deadline=None)
@given(pieces(SEAM, 6), pieces(SEAM, 8), st.sampled_from(["", "Netto 250 g", "isi 2"]))
def test_a_title_read_off_its_label_states_what_it_states_alone(
        title: str, description: str, pack: str) -> None:
    """A title that begins its label text is asked for a mass or volume through the
    label's atoms: whenever the title alone holds one, so does the label there, and the
    conflict found is the one found by parsing every text on its own."""
    attributes = {"label_text": pack} if pack else {}
    texts = ListingTexts(Listing(id="x", title=title, description=description,
                                 attributes=attributes))
    label = texts.label
    sources = {"title": texts.title, "description": texts.description,
               "label": texts.pack_label}
    plain = {name: Parsed(text.text) for name, text in sources.items()}
    if _may_state(Parsed(texts.title.text)):
        assert _may_state(texts.title, label)
    assert net_conflict(sources, label) == net_conflict(plain)


CUES = ["Exp", "EXP: 1", "e.d: 1", "P-IRT No. ", "pirt ", "206357801012329", "BPOM RI MD ",
        "224510012345", "ID35110000123456", "MUI 0012345678", "Halal", "TIDAK halal",
        "NIB ", "9120001123123", "Komposisi", "BAHAN:", "simpan di", "Diproduksi Oleh",
        "buatan Mbok Sri dari Kediri", "cara cuci", "Size Chart", "LD 100", "Tahan 3 bulan",
        "Bubble Wrap", "kardus", "GIFT box", " ", ", ", "-", ".", "x", "é", *LOOKALIKES]


@settings(max_examples=400, deadline=None)
@given(pieces(CUES, 16))
def test_each_place_is_tried_lowered_as_the_regex_tries_it(text: str) -> None:
    """A regex tried at a place without IGNORECASE on the lower-cased text matches where
    the regex matches the text, with the same span; lexicons likewise, word by word."""
    cues = packaging_label.label_cues(text)
    low = phrases.lowered(text)
    if low is None:
        return
    for key, slot in cues.plan.slots.items():
        for at in range(len(text)):
            if isinstance(key, str):
                for word, plain in cues.plan.plain_words.get(key, {}).items():
                    real = cues.plan.indexes[key][word][1].match(text, at)
                    fast = plain.match(low, at)
                    assert (real and real.span()) == (fast and fast.span())
            elif slot in cues.plan.plain:
                real, fast = key.match(text, at), cues.plan.plain[slot].match(low, at)
                assert (real and real.span()) == (fast and fast.span())


def test_every_label_regex_but_a_capitalised_one_is_tried_lowered() -> None:
    cues = packaging_label.label_cues("")
    unlowered = [key.pattern for key, slot in cues.plan.slots.items()
                 if not isinstance(key, str) and slot not in cues.plan.plain]
    assert unlowered == [packaging_label.patterns()["producer_made_by"].pattern]
    assert set(cues.plan.plain_words) == set(packaging_label.LEXICONS)


LABELS = ["isi", "Isi ", "ISI:", "komposisi", "berisi", "posisi 2", "total", "Total Isi",
          "jumlah", "_isi", "\u00b2isi", "\u00e9isi", "2isi", "net", "Netto", "internet", "neto:",
          "uk", "ukuran", "size", "lingkar dada", " ", "-", "(", "10", "3 pcs", "\n", *LOOKALIKES]


@settings(max_examples=600, deadline=None)
@given(pieces(LABELS, 10))
def test_a_label_is_only_ruled_out_where_no_first_word_follows_a_non_letter(text: str) -> None:
    for key in ("count_labels", "net_labels", "size_labels"):
        if not atoms.may_hold_label(text, key):
            assert all(label_before(text, pos, key) is None for pos in range(len(text) + 1))


def test_both_atom_regexes_hold_the_number_then_its_unit_and_nothing_else() -> None:
    """`atoms._read` reads a match's groups by position."""
    for regex in (atoms._DIGITS_RE, atoms._atom_re()):
        assert regex.groups == 2 and regex.groupindex == {"num": 1, "unit": 2}


@settings(max_examples=600, deadline=None)
@given(pieces(SEAM, 6), pieces(SEAM, 8))
def test_a_title_s_atoms_read_off_its_label_are_its_own(title: str, description: str) -> None:
    texts = ListingTexts(Listing(id="x", title=title, description=description))
    read = _prefix_atoms(texts.title.text, texts.label)
    if read is not None:
        assert read == atoms.scan(texts.title.text)
        assert net_quantity(texts.title.text, read) == net_quantity(texts.title.text)


@settings(max_examples=500, deadline=None)
@given(pieces(["a", "1", " ", ".", ",", "/", "_", "-", "\u2022", "\u00e9", "\n", "\U0001f525"], 60),
       st.integers(0, 50))
def test_the_barrier_is_the_alternation_s_first_match(text: str, start: int) -> None:
    found = atoms._BARRIER.search(text, start)
    assert atoms._barrier(text, start) == (found and found.start())


@settings(max_examples=800, deadline=None)
@given(pieces(SEAM, 6), pieces(SEAM, 8))
@example("Paket dua", "setengah kg")  # a number word runs on into "setengah": no atom
@example("Kopi tiga", "perempat kg")
@example("Gula 1", "/0 kg dan 1 kg")  # "1 /0" unreadable: no atom
def test_a_description_the_label_shows_no_mass_in_holds_none(title: str, description: str) -> None:
    """`_after` says no mass only where the description alone holds none."""
    texts = ListingTexts(Listing(id="x", title=title, description=description))
    head, text = texts.title.text, texts.description.text
    if head and text and _after(head, text, texts.label) is False:
        assert not any(atom.unit is not None and atom.unit.kind in ("mass", "volume")
                       for atom in atoms.scan(text))


@settings(max_examples=500, deadline=None)
@given(st.one_of(st.text(alphabet="0123456789", max_size=400),
                 pieces(["0", "1", "9", "00", ".", ",", "/", "½", " ", "\uff12", "\u0663",
                         "\u00b2", "dua", "setengah"], 12)))
def test_plain_digits_are_read_as_the_general_path_reads_them(raw: str) -> None:
    assert read_amount(raw) == _spoken_amount(raw)


def test_a_superscript_fraction_is_unclear_not_an_error() -> None:
    """"²/3" passed `isdigit` and broke `int()`; `read_amount` says None for it."""
    assert read_amount("\u00b2/3") is None

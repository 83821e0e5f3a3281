"""The one-pass place finders and the blank handling of `normalize` equal the plain forms.

The number-word test of the atom scan and the letter-size places used to walk every
occurrence of their words in Python (`phrases.start_places`); now one regex finds the
places in C. `normalize` leaves ASCII blanks to its final `str.split`, which collapses
blanks in place of a regex substitution. Each is checked against the plain form, on texts
made of the words in question next to each other ("2xl" holds "xl", "isidua" a number
word after "isi").
"""

from __future__ import annotations

import importlib
import re
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from listing_quality.text import atoms, sizes
from listing_quality.text.phrases import may_start, start_places

normalize_module = importlib.import_module("listing_quality.text.normalize")

PIECES = [" ", "  ", "-", ".", ",", "_", "x", "i", "isi", "2", "12", "é", "\u212a", "\u0131",
          "setengah", "Setengah", "tiga", "perempat", "dua", "lima", "sepuluh", "satu", "e",
          "kg", "gr", "xl", "XL", "2xl", "3XL", "xxl", "all size", "allsize", "uk", "ukuran",
          "size", "Size:", "lingkar dada", "lebar", "tinggi", "S", "M", "untuk", "\n", "\t",
          "\r\n", "\x1c", "\x85", "\xa0", "\u200b", "\u3000", "ﬁ", "２５０", "½", "1⁄2", "\x00"]


def piece_text() -> st.SearchStrategy[str]:
    return st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=2)), max_size=16).map(
        "".join)


@settings(max_examples=400, deadline=None)
@given(piece_text())
def test_number_word_test_equals_start_places(text: str) -> None:
    plain = may_start(atoms._number_word_re(), text, atoms._NOT_BEFORE_WORD)
    assert atoms._may_hold_number_word(text) == plain


@settings(max_examples=400, deadline=None)
@given(piece_text())
def test_size_places_equal_start_places(text: str) -> None:
    assert sizes._size_places(text) == start_places(sizes._size_word_re(), text, sizes._LETTERS)


def test_places_next_to_each_other_are_all_found() -> None:
    assert sizes._size_places("baju 2xl") == [5, 6]  # "2xl" and its "xl"
    assert atoms._may_hold_number_word("isidua kg")
    assert not atoms._may_hold_number_word("pedua kg, 250 gr")


def _plain_normalize(raw: str) -> str:
    """`normalize` on a str as it was: every character outside printable ASCII through
    `_unusual`, ASCII blanks included, then every run of blanks to one space."""
    raw = raw[: normalize_module.MAX_TEXT_CHARS]
    kept = re.sub(r"[^\x20-\x7e]", lambda m: normalize_module._unusual(m.group(0)), raw)
    folded = unicodedata.normalize("NFKC", kept).replace("\u2044", "/")
    return re.sub(r"\s+", " ", folded).strip()[: normalize_module.MAX_TEXT_CHARS]


@settings(max_examples=400, deadline=None)
@given(st.one_of(piece_text(), st.text(max_size=40)))
def test_normalize_blank_handling_equals_the_plain_form(text: str) -> None:
    assert normalize_module.normalize(text) == _plain_normalize(text)


ATOM_PIECES = [" ", "  ", ".", ",", "/", "-", "•", "!", "_", "(", "x", " x ", "×", "isi ", "ISI",
               "jumlah ", "2", "10", "250", "1,5", "1.000", "½", "gr", "g", "kg", "ml", "pcs",
               "cm", "M", "Netto ", "ukuran ", "dua", "setengah", "G2", "5G", "\n", "é", "\u212a"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(ATOM_PIECES), max_size=12).map("".join),
       st.lists(st.sampled_from(ATOM_PIECES), max_size=40).map("".join))
def test_suffix_atoms_equal_the_scan_of_the_suffix(head: str, tail: str) -> None:
    for pad in ("", "a" * 45, "a" * 38 + "-" + tail[:3]):  # barriers before and past 40
        text = pad + tail
        outer = f"{head} {text}"
        read = atoms.suffix_atoms(outer, atoms.scan(outer), len(head) + 1)
        assert read is None or read == atoms.scan(text)


def test_suffix_atoms_read_a_description_off_its_label() -> None:
    title = "Keripik isi 2 x 250 gr"
    description = "Renyah dan gurih, cocok untuk oleh-oleh keluarga di rumah: isi 10 pcs, 500 gr"
    outer = f"{title} {description}"
    read = atoms.suffix_atoms(outer, atoms.scan(outer), len(title) + 1)
    assert read == atoms.scan(description) and len(read) == 2
    assert atoms.suffix_atoms(outer, atoms.scan(outer), len(title)) is None  # no space before
    assert atoms.suffix_atoms("dua kg " + description, (), 7) is None  # number words

"""A label's one cue scan stands for the number-word test and the size places exactly.

The label text used to be read by three scans that each stopped at every word start: the
cue scan (`cues.Cues`), the atom scan's number-word test (`atoms._may_hold_number_word`)
and the size places (`sizes._size_places`). The cue scan now also holds the word groups
`atoms.number_word_group` and `sizes.size_word_group`, and a label's `Parsed` reads them
off it (`Parsed.share`). Each reading is checked against the plain form it replaces, on
texts made of number words, size words, the glue before them ("x", "isi", digits, a
letter) and the look-alikes that send a text to the plain forms.
"""

from __future__ import annotations

import itertools
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from listing_quality.features import packaging_label
from listing_quality.text import atoms, quantities, sizes
from listing_quality.text.cues import Cues, plan
from listing_quality.text.parsed import Parsed
from listing_quality.text.phrases import lowered, start_places
from listing_quality.text.prefilter import _sre_parse
from listing_quality.text.quantities import net_quantity

PIECES = [" ", "  ", "   ", "-", ".", ",", "_", "/", "x", "X", "×", "*", "@", " x ", "\t", "i",
          "isi", "ISI", "2", "12", "é",
          "\u212a", "\u0131", "setengah", "Setengah", "tiga", "perempat", "dua", "DUA", "lima",
          "sepuluh", "satu", "empat", "tempat", "e", "kg", "gr", "kilo", "botol", "xl", "XL",
          "2xl", "3XL", "xxl", "all size", "allsize", "uk", "ukuran", "untuk", "size", "Size:",
          "lingkar dada", "lebar", "tinggi", "S", "M", "cm", "30 x 25", "250", "1,5", "½",
          "\n", "komposisi", "simpan di", "kardus", "P-IRT", "halal", "•"]


def piece_text(size: int = 16) -> st.SearchStrategy[str]:
    return st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=2)),
                    max_size=size).map("".join)


def _plain_places(words: tuple[str, ...], text: str) -> list[int] | None:
    """Where a word of `words` starts in the lower-cased text after no ASCII letter."""
    regex = re.compile("|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w))))
    return start_places(regex, text, sizes._LETTERS)


@settings(max_examples=500, deadline=None)
@given(piece_text())
def test_group_places_equal_the_plain_start_places(text: str) -> None:
    cues = packaging_label.label_cues(text)
    for name, words in (atoms.number_word_group(), sizes.size_word_group()):
        assert cues.places(name) == _plain_places(words, text)


@settings(max_examples=500, deadline=None)
@given(piece_text())
def test_no_number_word_place_means_the_digits_regex_is_exact(text: str) -> None:
    places = packaging_label.label_cues(text).places(atoms.NUMBER_WORDS)
    full = atoms.read_atoms(text, True)  # the full regex, exact on every text
    assert atoms.scan(text) == full
    if places == []:
        assert atoms.read_atoms(text, False) == full
    if places is None:
        assert lowered(text) is None


@settings(max_examples=500, deadline=None)
@given(piece_text())
def test_size_places_from_the_cue_scan_equal_the_plain_ones(text: str) -> None:
    letter_places = packaging_label.label_cues(text).places(sizes.SIZE_WORDS)
    assert sizes._size_places(text, letter_places) == sizes._size_places(text)


@settings(max_examples=400, deadline=None)
@given(piece_text(24), piece_text(40))
def test_a_shared_label_parse_equals_the_plain_functions(title: str, description: str) -> None:
    label = Parsed(f"{title} {description}")
    label.share(packaging_label.label_cues(label.text))
    inner = Parsed(description)
    inner.within(label, len(title) + 1)
    assert label.atoms == atoms.scan(label.text)
    assert label.sizes == sizes.find_sizes(label.text)
    assert label.net == net_quantity(label.text)
    assert inner.atoms == atoms.scan(description)


def test_shared_places_on_known_texts() -> None:
    text = "Baju 2XL isidua kg, ukuran M, untuk tempat"
    cues = packaging_label.label_cues(text)
    assert cues.places(atoms.NUMBER_WORDS) == [9]  # "isidua"; not the "empat" of "tempat"
    assert cues.places(sizes.SIZE_WORDS) == [6, 20]  # the "XL" of "2XL", "ukuran"
    assert sizes._size_places(text, cues.places(sizes.SIZE_WORDS)) == [5, 6, 20]  # + "2XL"
    assert cues.places("no such group") is None
    assert packaging_label.label_cues("\u212a dua kg").places(atoms.NUMBER_WORDS) is None


def test_a_cues_of_another_text_is_not_shared() -> None:
    parsed = Parsed("dua kg gula")
    parsed.share(Cues("lain", packaging_label._label_plan()))
    assert parsed._number_words() is None
    assert parsed.atoms == atoms.scan("dua kg gula") and len(parsed.atoms) == 1


def test_a_group_the_scan_cannot_read_is_left_out() -> None:
    scan_plan = plan((), (), (("digits", ("2xl",)), ("empty", ()), ("words", ("uk",))))
    cues = Cues("Baju 2XL uk", scan_plan)
    assert cues.places("digits") is None and cues.places("empty") is None
    assert cues.places("words") == [9]


def _plain_runs(text: str, found: tuple[atoms.Atom, ...]) -> list[list[atoms.Atom]]:
    """`sizes._runs` asking `SEP_RE` of every two atoms next to each other, however far."""
    runs: list[list[atoms.Atom]] = []
    for atom in found:
        if runs and atoms.SEP_RE.fullmatch(text, runs[-1][-1].end, atom.start):
            runs[-1].append(atom)
        else:
            runs.append([atom])
    return runs


def _plain_choose(text: str, found: tuple[atoms.Atom, ...]) -> tuple[object, int, bool]:
    """`quantities._choose` without its ways out: no mass or volume, atoms far apart."""
    packs = []
    for a, b in itertools.pairwise(found):
        if not atoms.SEP_RE.fullmatch(text, a.end, b.start):
            continue
        if quantities._is_measure(b) and (items := quantities._count_of(a)):
            packs.append(quantities._Net(a.start, b.end, b, items))
        elif quantities._is_measure(a) and (items := quantities._count_of(b)):
            packs.append(quantities._Net(a.start, b.end, a, items))
    used = {pack.per for pack in packs}
    singles = [quantities._Net(a.start, a.end, a, None) for a in found
               if quantities._is_measure(a) and a not in used]
    nets = sorted([*packs, *singles], key=lambda n: n.start)
    framed = [(net, *quantities._frame(text, net)) for net in nets]
    dose = {net.per for net in nets if net.per.unit is not None and net.per.unit.name == "mg"}
    ranked = sorted(framed, key=lambda f: (not f[2], f[0].per in dose, f[0].count is None))
    return ranked[0] if ranked else (None, 0, False)


def _plain_spans(text: str, found: tuple[atoms.Atom, ...]) -> list[tuple[int, int]]:
    """`sizes._size_spans` without its ways out: every run asked for its label and length."""
    places = sizes._size_places(text)
    spans = sizes._letter_sizes(text, places)
    for run in _plain_runs(text, found):
        kinds = {atom.unit.kind if atom.unit else "bare" for atom in run}
        lead = sizes.label_before(text, run[0].start, "size_labels")
        tail = text[run[0].start : run[0].end]
        brand = len(run) == 1 and tail[-1].isupper() and not tail[-2:-1].isalpha()
        if kinds <= {"bare", "length"} and (lead is not None or ("length" in kinds and not brand)):
            spans.append((run[0].start if lead is None else lead, run[-1].end))
    return spans


@settings(max_examples=500, deadline=None)
@given(piece_text(30))
def test_the_net_and_sizes_ways_out_equal_the_plain_forms(text: str) -> None:
    found = atoms.scan(text)
    assert quantities._choose(text, found) == _plain_choose(text, found)
    assert sizes._size_spans(text, found, None) == _plain_spans(text, found)
    assert sizes._runs(text, found) == _plain_runs(text, found)


def test_sep_width_is_the_most_sep_re_takes() -> None:
    assert _sre_parse.parse(atoms.SEP_RE.pattern).getwidth()[1] == atoms.SEP_WIDTH


@settings(max_examples=300, deadline=None)
@given(piece_text())
def test_the_other_size_words_test_equals_asking_each_word(text: str) -> None:
    low = text.lower()
    _, others, common = sizes._first_words()
    assert all(common in word for word in others)
    assert sizes._holds_other_word(low) == any(word in low for word in others)

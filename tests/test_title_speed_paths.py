"""The shortcuts that made the title measures fast give exactly what the plain forms give.

Each is checked against the form it replaces, on titles built from the very words that make
the searches match (lexicon phrases, variant spellings, units, labels, sizes, symbols) glued
by digits, hyphens, apostrophes, underscores, blanks and the IGNORECASE look-alikes:
the annotation read off the title's words, the lexicons skipped by their first words, the
contact patterns skipped by what a match needs, the count- and size-label tests, the first
quantity without `Quantity` objects, and the symbol and capitals tests of `title.py`.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from listing_quality.features import title, title_hygiene, title_words
from listing_quality.text import atoms, runs, sizes
from listing_quality.text.lexicon import load_words, phrase_pattern, phrase_spans_all, split_words
from listing_quality.text.normalize import fold, label_before, normalize, text_data
from listing_quality.text.quantities import find_quantities, first_quantity_text
from listing_quality.text.sizes import find_sizes

LOOKALIKES = ["\u212a", "\u017f", "\u0131", "\u0130"]
NOISE = ["promo", "claims", "platforms"]
VARIANTS = ["Krupuk", "KRIPIK", "coklat", "sambel", "baso", "Mie", "cabe", "keripik"]
SPEC = ["250", "1,5", "2", "10", "g", "gr", "kg", "ml", "pcs", "isi", "ISI", "jumlah", "x",
        "30 x 25 cm", "ukuran", "uk", "Size", "XL", "M", "lingkar dada", "3M", "½", "dua"]
GLUE = [" ", "  ", "-", "'", "_", ",", ".", "/", "|", "!!", "!", "%", "@toko", "08123456789",
        "+62 812 3456 7890", "www.", ".com", "http://x", "é", "²", "Ⅻ", "\t", "🔥🔥", "❶❷",
        "ABCD", "Abcd", *LOOKALIKES]


def _cased(word: str) -> st.SearchStrategy[str]:
    return st.sampled_from([word, word.upper(), word.title()])


def _titles(*lexicons: str) -> st.SearchStrategy[str]:
    words = sorted({w for name in lexicons for w in load_words(name)} | set(VARIANTS) | set(SPEC))
    piece = st.one_of(st.sampled_from(words).flatmap(_cased), st.sampled_from(GLUE))
    return st.lists(st.tuples(piece, st.sampled_from([" ", "", "-"])), max_size=14).map(
        lambda parts: "".join(p + sep for p, sep in parts))


TITLES = st.one_of(_titles(*NOISE, "flavours", "regions", "product_types_kuliner"),
                   st.text(max_size=30))


@settings(max_examples=500, deadline=None)
@given(TITLES)
def test_annotation_read_off_the_words_equals_folding_the_text(text: str) -> None:
    for given_text in (text, normalize(text)):
        raw = tuple(split_words(given_text))
        low = tuple(split_words(fold(given_text)))
        ann = title_words.annotate.__wrapped__(given_text)
        assert ann.folded == low
        assert ann.raw == (raw if len(raw) == len(low) else low)
        assert ann.found == title_words.candidates(low)


def _found(matches: list[re.Match[str]]) -> list[tuple[tuple[int, int], str]]:
    return [(m.span(), m.group(0).lower()) for m in matches]


@settings(max_examples=500, deadline=None)
@given(TITLES)
def test_lexicons_skipped_by_first_word_find_what_their_regex_finds(text: str) -> None:
    together = phrase_spans_all(text, tuple(NOISE))
    for name, found in zip(NOISE, together, strict=True):
        assert _found(found) == _found(list(phrase_pattern(name).finditer(text)))


@settings(max_examples=500, deadline=None)
@given(TITLES)
def test_contact_patterns_are_skipped_only_when_they_cannot_match(text: str) -> None:
    """Against the tests they refine: a link was only looked for in a text with a "." (so
    "http://x" is no link, as before), a phone number in one with an 8."""
    before = [(title_hygiene._PHONE, "8" in text), (title_hygiene._URL, "." in text),
              (title_hygiene._HANDLE, "@" in text)]
    kept = title_hygiene._patterns(text)
    assert all(rx.search(text) is None for rx, tried in before if tried and rx not in kept)
    assert all(tried for rx, tried in before if rx in kept)


@settings(max_examples=500, deadline=None)
@given(TITLES)
def test_labels_are_only_skipped_where_none_can_end(text: str) -> None:
    for key in ("count_labels", "net_labels", "size_labels"):
        if not atoms.may_hold_label(text, key):
            assert all(label_before(text, pos, key) is None for pos in range(len(text) + 1))


def _plain_sizes(text: str) -> list[str]:
    """`find_sizes` as first written: every run asked for its label, letter sizes by regex."""
    spans = [m.span() for m in sizes._letters_re().finditer(text)]
    for run in sizes._runs(text, atoms.scan(text)):
        kinds = {atom.unit.kind if atom.unit else "bare" for atom in run}
        lead = label_before(text, run[0].start, "size_labels")
        tail = text[run[0].start : run[0].end]
        brand = len(run) == 1 and tail[-1].isupper() and not tail[-2:-1].isalpha()
        if kinds <= {"bare", "length"} and (lead is not None or ("length" in kinds and not brand)):
            spans.append((run[0].start if lead is None else lead, run[-1].end))
    found, last_end = [], -1
    for start, end in sorted(spans, key=lambda s: (s[0], -s[1])):
        if start >= last_end:
            found.append(text[start:end].strip())
            last_end = end
    return found


@settings(max_examples=500, deadline=None)
@given(TITLES)
def test_sizes_and_first_quantity_equal_their_plain_forms(text: str) -> None:
    assert find_sizes(text) == _plain_sizes(text)
    found = find_quantities(text)
    for kinds in (("mass", "volume", "count"), ("mass",), ("count",), ()):
        expected = next((q.text for q in found if q.kind in kinds), None)
        assert first_quantity_text(text, atoms.scan(text), kinds) == expected


_PLAIN_LONE = re.compile(r"(?<!\w)[^\w\s]+(?!\w)")


@settings(max_examples=500, deadline=None)
@given(TITLES)
def test_symbol_and_capitals_tests_equal_the_plain_regexes(text: str) -> None:
    symbols = not title_hygiene.word_chars_only(text)  # the test `may_run` refines
    assert title.may_run(text, symbols) or not symbols or title._SYMBOL_RUN.search(text) is None
    assert symbols or not title.may_run(text, symbols)
    assert title._LONE_SYMBOLS.sub(" ", text) == _PLAIN_LONE.sub(" ", text)
    assert [m.span() for m in title._LONE_SYMBOLS.finditer(text)] == [
        m.span() for m in _PLAIN_LONE.finditer(text)]
    words = [w for w in title._WORD.findall(text) if len(w) >= 4]
    plain = sum(map(str.isupper, words)) / len(words) if words else 0.0
    assert title.upper_ratio(text) == plain


ASCII_TEXT = st.text(alphabet=st.characters(max_codepoint=127), max_size=40)


@settings(max_examples=500, deadline=None)
@given(st.one_of(TITLES, ASCII_TEXT))
def test_ascii_classes_equal_the_unicode_ones(text: str) -> None:
    """`[A-Za-z0-9]` for `[^\\W_]` and `[A-Za-z]` for `[^\\W\\d_]` hold on ASCII text only."""
    assert split_words(text) == re.findall(r"[^\W_]+(?:[-'][^\W_]+)*", text)
    plain_names = any(w.lower() not in title_hygiene._spec_words()
                      for w in re.findall(r"[^\W\d_]+", text))
    assert title_hygiene.names_something(text) == plain_names


@settings(max_examples=500, deadline=None)
@given(st.one_of(TITLES, ASCII_TEXT))
def test_ascii_runs_and_classes_equal_the_unicode_regexes(text: str) -> None:
    for table, regex in ((runs.ALNUM, r"[^\W_]+"), (runs.LETTERS, r"[^\W\d_]+"),
                         (runs.WORD, r"\w+")):
        expected = re.findall(regex, text) if text.isascii() else None
        assert runs.ascii_runs(text, table) == expected
    if text.isascii():
        assert title._LONE_SYMBOLS_ASCII.sub(" ", text) == _PLAIN_LONE.sub(" ", text)


def test_ascii_classes_are_the_unicode_classes_on_every_ascii_character() -> None:
    for char_class in (r"[^\w\s]", r"\w", r"\s", r"[^\W\d_]"):
        written = re.compile(runs.ascii_class(char_class))
        assert all(bool(written.fullmatch(chr(c))) == bool(re.fullmatch(char_class, chr(c)))
                   for c in range(128)), char_class


def test_the_shortcuts_take_effect_on_plain_titles() -> None:
    """The fast forms are the ones running, not only correct (a speed regression guard)."""
    text = "Keripik Singkong Balado Khas Kediri 250 g"
    assert title_words.folded_words(text, tuple(split_words(text))) is not None
    assert not atoms.may_hold_label(text, "count_labels")
    assert atoms.may_hold_label("Keripik isi 10", "count_labels")
    assert title_hygiene._patterns("Keripik Rp. 38.000") == ()
    assert title_hygiene._patterns("WA 081234567890") == (title_hygiene._PHONE,)
    assert not title.may_run("Keripik | Pedas / 250 g", True)
    assert title.may_run("Keripik!!", True)
    assert title.upper_ratio("Keripik Pedas MANTAP") == 1 / 3
    assert text_data()["count_labels"]  # the label words the count test reads are data

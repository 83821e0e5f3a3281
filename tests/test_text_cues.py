"""The one-scan label cues give exactly what the plain searches give.

`Cues` replaces a dozen prefiltered regex searches and four lexicon searches of a label
text with one scan; the prefilter reads more regexes than before (optional openings, a
small class after a letter, `(?<![a-z0-9])`). Each is checked against the plain form on
texts built from the very words that make those regexes and lexicons match, plus the
IGNORECASE look-alikes that must send a text to the plain search.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from listing_quality.features import packaging_label
from listing_quality.text import cues, prefilter
from listing_quality.text import registrations as reg
from listing_quality.text.lexicon import find_phrases, load_words, phrase_matches
from listing_quality.text.trie import trie_regex

LOOKALIKES = ["\u212a", "\u017f", "\u0131", "\u0130"]
PIECES = [
    " ", "  ", ", ", ": ", "-", ".", "/", "\n", "2", "250", "_", "é", "x", "ISI", "gr", "Exp",
    "e.d: 1", "ED: 07", "P-IRT No. ", "PIRT", "SPP-IRT ", "206357801012329", "20635780101",
    "BPOM RI MD ", "MD", "ML 224510012345", "224510012345", "ID35110000123456", "LPPOM MUI ",
    "MUI 0012345678", "halal", "Halal MUI", "tidak halal", "label halal", "sertifikat",
    "NIB ", "9120001123123", "komposisi", "bahan:", "simpan di", "diproduksi oleh",
    "buatan Mbok Sri dari Kediri", "cara cuci", "size chart", "LD 100", "tahan 3 bulan",
    "kardus", "dus", "bubble wrap", "Packing aman", "gift box", "kado", "hampers", "pouch",
    "standing pouch", "zip-lock", "kayu jati", "manik-manik", "rotan", "tas kain", "mdl",
    *LOOKALIKES,
]
LEXICONS = packaging_label.LEXICONS


def cue_text() -> st.SearchStrategy[str]:
    words = sorted({w for name in LEXICONS for w in load_words(name)})
    piece = st.one_of(st.sampled_from(PIECES), st.sampled_from(words),
                      st.sampled_from(words).map(str.upper), st.text(max_size=2))
    return st.lists(piece, max_size=30).map("".join)


def every_pattern() -> tuple[re.Pattern[str], ...]:
    others = ("halal_word", "halal_negated")
    return (*packaging_label._cue_patterns(), *(reg.pattern(name) for name in others))


def spans(matches: list[re.Match[str]]) -> list[tuple[tuple[int, int], str]]:
    return [(m.span(), m.group(0)) for m in matches]


@settings(max_examples=400, deadline=None)
@given(cue_text())
def test_cues_search_and_phrases_equal_the_plain_searches(text: str) -> None:
    found = packaging_label.label_cues(text)
    for regex in every_pattern():
        fast, slow = found.search(regex), regex.search(text)
        assert (fast and (fast.span(), fast.groups())) == (slow and (slow.span(), slow.groups()))
    for name in LEXICONS:
        assert spans(found.phrase_matches(name)) == spans(phrase_matches(text, name))
        assert found.phrases(name) == find_phrases(text, name)


@settings(max_examples=300, deadline=None)
@given(cue_text())
def test_prefilter_words_are_in_every_match(text: str) -> None:
    low = text.lower()
    for regex in every_pattern():
        first, words = prefilter.starts(regex), prefilter.needs(regex)
        for match in regex.finditer(text):
            if prefilter.lowered(text) is None:
                continue
            assert words is None or any(w in low[match.start():match.end()] for w in words)
            if first is not None:
                assert any(low.startswith(w, match.start()) for w in first[0])
                assert not (first[1] and match.start() and low[match.start() - 1].isascii()
                            and low[match.start() - 1].isalpha())


def test_prefilter_reads_optional_openings_classes_and_wider_lookbehinds() -> None:
    assert prefilter.starts(reg.pattern("bpom")) == (frozenset({"bpom", "md", "ml"}), True)
    assert prefilter.starts(reg.pattern("halal_mui_number")) == (
        frozenset({"lppom", "mui"}), True)
    assert prefilter.starts(reg.pattern("halal_number")) == (frozenset({"id"}), True)
    # every branch of halal wording holds "halal": the word "label" alone is no cue
    assert prefilter.needs(reg.pattern("halal_word")) == frozenset({"halal"})
    assert not prefilter.can_match(reg.pattern("halal_word"), "label nama acara")
    assert prefilter.starts(re.compile(r"(?<![a-z])(?:ab)?c")) == (frozenset({"ab", "c"}), True)
    assert prefilter.starts(re.compile(r"(?:ab)?c")) is None  # "c" could be anywhere
    assert prefilter.starts(re.compile(r"(?<![^a-z])x")) is None  # a negated class says nothing


def test_every_label_regex_and_lexicon_takes_part_in_the_scan() -> None:
    plan = cues.plan(packaging_label._cue_patterns(), LEXICONS)
    assert len(plan.slots) == len(packaging_label._cue_patterns()) + len(LEXICONS)
    found = packaging_label.label_cues(
        "Dikemas dengan bubble wrap dan kardus. PIRT 206357801012329")
    assert found.phrases("packaging_protection") == ["bubble wrap"]
    assert found.phrases("packaging_types") == ["kardus"]
    assert reg.find_pirt(found.text, 2025, cues=found) == reg.find_pirt(found.text, 2025)


def test_lookalikes_take_the_plain_search() -> None:
    text = "\u212aardus dan bubble wrap, e\u017fp 12/2027"
    found = packaging_label.label_cues(text)
    assert found.phrases("packaging_types") == find_phrases(text, "packaging_types") == [
        "kardus"]
    assert found.search(packaging_label.patterns()["expiry"]) is None


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(alphabet="abcd", min_size=1, max_size=4), min_size=1, max_size=12),
       st.text(alphabet="abcd ", max_size=20))
def test_trie_regex_matches_the_longest_word(words: list[str], text: str) -> None:
    trie = re.compile(trie_regex(words))
    flat = re.compile("|".join(map(re.escape, sorted(set(words), key=lambda w: (-len(w), w)))))
    for at in range(len(text) + 1):
        fast, slow = trie.match(text, at), flat.match(text, at)
        assert (fast and fast.group()) == (slow and slow.group())


SHAPES = [r"(?<![a-z])(?:ab\s?)?m[dl]\d", r"(?<![a-z0-9])(?:x|yz)?c[ab]", r"(?:ab)*cd",
          r"(?<![a-z])(?:no|ab)?(?:cd|e)f", r"(?<![a-z])m[dL]?x", r"(?<![A-Za-z])k[ab]"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["a", "b", "c", "d", "e", "f", "m", "l", "x", "y", "z", "no",
                                 "K", "\u212a", "1", " ", "-", "_"]), max_size=14).map("".join))
def test_prefilter_openings_find_every_leftmost_match(text: str) -> None:
    for shape in SHAPES:
        regex = re.compile(shape, re.IGNORECASE)
        fast, slow = prefilter.search(regex, text), regex.search(text)
        assert (fast and fast.span()) == (slow and slow.span())

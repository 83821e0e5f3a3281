"""The fast paths of the title measures give exactly what the plain searches give.

The one-pass annotation (`features/title_words.py`) is checked against `find_terms` run per
lexicon, the lower-cased phrase search (`phrases.find_lowered`) against the lexicon's
case-insensitive regex, and the shortcuts of `repeated_words` and `clean_title` against the
plain forms they skip, on titles built from the very lexicon words that make them match,
in every case, plus the IGNORECASE look-alikes that must send a text back to the regex.
"""

from __future__ import annotations

import re
import sys

from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz.distance import Indel

from listing_quality.features import title, title_hygiene, title_words
from listing_quality.features.title_hygiene import repeated_words
from listing_quality.features.title_slots import type_count
from listing_quality.text import phrases
from listing_quality.text.lexicon import (
    find_terms,
    load_words,
    match_terms,
    merged_index,
    phrase_pattern,
    phrase_spans,
    phrase_spans_all,
    split_words,
)
from listing_quality.text.normalize import fold, unit_table

LOOKALIKES = ["\u212a", "\u017f", "\u0131", "\u0130"]
SLOT_LEXICONS = [*title_words.LEXICONS, *title_words.settings()["type_lexicons"]]
NOISE_LEXICONS = ["promo", "claims", "platforms"]
GLUE = [" ", "  ", ", ", " / ", "-", "|", "!!", "2", "250 g", "Level 5", "\n", "_", "'"]


def _cased(word: str) -> st.SearchStrategy[str]:
    return st.sampled_from([word, word.upper(), word.title()])


def _title(lexicons: list[str]) -> st.SearchStrategy[str]:
    words = sorted({w for name in lexicons for w in load_words(name)})
    piece = st.one_of(st.sampled_from(words).flatmap(_cased), st.sampled_from(GLUE + LOOKALIKES))
    return st.lists(st.tuples(piece, st.sampled_from([" ", "", "-"])), max_size=14).map(
        lambda parts: "".join(p + sep for p, sep in parts))


@settings(max_examples=400, deadline=None)
@given(_title(SLOT_LEXICONS), st.sets(st.integers(0, 14), max_size=5))
def test_annotation_spans_equal_find_terms_per_lexicon(text: str, taken: set[int]) -> None:
    ann = title_words.annotate(text)
    assert ann.folded == tuple(split_words(fold(text)))
    types = merged_index(tuple(title_words.settings()["type_lexicons"]))[0]
    assert ann.spans(title_words.TYPES) == match_terms(ann.folded, types)
    for name in title_words.LEXICONS:
        for skip in (None, set(), taken):
            assert ann.spans(name, skip) == find_terms(ann.folded, name, skip), (name, skip)
        for end in range(len(ann.folded) + 1):
            assert ann.any_before((name,), end) == bool(find_terms(ann.folded[:end], name))


def test_annotation_reads_each_lexicon_once_and_keeps_its_choices() -> None:
    ann = title_words.annotate("Keripik Singkong Balado Pedas Khas Kediri")
    assert ann.spans(title_words.TYPES) == [(0, 2, "keripik singkong")]
    assert ann.spans("flavours") == [(2, 3, "balado"), (3, 4, "pedas")]
    assert ann.spans("flavours", taken={2}) == [(3, 4, "pedas")]
    assert ann.spans("regions") == [(5, 6, "kediri")]
    assert title_words.annotate("Barang Bagus").found == {}
    assert type_count("Somay, Gurilem, Batagor, Seblak, topping Baso Aci") == 4


def _found(matches: list[re.Match[str]]) -> list[tuple[tuple[int, int], str]]:
    return [(m.span(), m.group(0).lower()) for m in matches]


@settings(max_examples=400, deadline=None)
@given(_title([*NOISE_LEXICONS, "flavours"]), st.sampled_from(NOISE_LEXICONS))
def test_lowered_phrase_search_equals_the_case_insensitive_regex(text: str, name: str) -> None:
    expected = _found(list(phrase_pattern(name).finditer(text)))
    assert _found(phrase_spans(text, name)) == expected
    together = phrase_spans_all(text, tuple(NOISE_LEXICONS))
    assert _found(together[NOISE_LEXICONS.index(name)]) == expected


def test_lowered_search_hands_lookalikes_to_the_regex() -> None:
    text = "\u017fale MURAH"  # re's IGNORECASE reads the long s as "s"
    assert phrases.lowered(text) is None
    assert [m.group(0) for m in phrase_spans(text, "promo")] == ["\u017fale", "MURAH"]
    assert [m.group(0) for m in phrase_spans("Promo MURAH", "promo")] == ["promo", "murah"]
    assert phrase_spans_all("Keripik Pedas 250 g", ("promo", "claims")) == [[], []]
    promo, claims = phrase_spans_all("Keripik MURAH terbaik", ("promo", "claims"))
    assert _found(promo) == [((8, 13), "murah")] and _found(claims) == [((14, 21), "terbaik")]
    assert phrases.lowered_regex(re.compile("(?i)Caps")) is None  # capitals: regex only
    assert phrases.lowered_regex(re.compile(r"(?i)\W")) is None


def test_lower_casing_keeps_offsets_and_character_classes_outside_the_lookalikes() -> None:
    """The premise of `find_lowered`, for the Python running: outside the look-alikes every
    character lower-cases to one character, of the same word/blank class, and never to
    ASCII unless it is ASCII."""
    lookalike = phrases.ascii_lookalikes()
    word, blank = re.compile(r"\w"), re.compile(r"\s")
    broken = []
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        if 0xD800 <= code < 0xE000 or lookalike.match(char):
            continue
        low = char.lower()
        if low == char:
            continue
        if (len(low) != 1 or (low.isascii() and not char.isascii())
                or bool(word.match(char)) != bool(word.match(low))
                or bool(blank.match(char)) != bool(blank.match(low))):
            broken.append(hex(code))
    assert broken == []


def _plain_repeated_words(text: str) -> list[str]:
    """`repeated_words` as first written: every pair of distinct words tried."""
    cfg = title_words.settings()
    units = unit_table()
    words = [w for w in split_words(fold(text))
             if len(w) >= cfg["repeat_min_len"] and w.isalpha() and w not in units]
    seen: dict[str, int] = {}
    for word in words:
        seen[word] = seen.get(word, 0) + 1
    repeats = [w for w, n in seen.items() if n > 1]
    distinct = [w for w in seen if len(w) >= cfg["fuzzy_min_len"]]
    for i, a in enumerate(distinct):
        for b in distinct[i + 1:]:
            if (a[0] == b[0] and abs(len(a) - len(b)) <= 2
                    and Indel.normalized_similarity(a, b) >= cfg["fuzzy_repeat_ratio"] / 100):
                repeats.append(f"{a}/{b}")
    return repeats[:10]


WORDS = ["sepatu", "sepatuu", "Sepatu", "hijab", "hijabs", "Seblak", "seblak", "sambal",
         "kerupuk", "krupuk", "gr", "250", "x", "Sekolah", "sekolahh", "keripik", "kripik"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS + GLUE), max_size=14).map(" ".join))
def test_repeated_words_equal_the_plain_double_loop(text: str) -> None:
    assert repeated_words(text) == _plain_repeated_words(text)


HYGIENE = [*WORDS, "MURAH", "_", "\t", "é", "²", "Ⅻ", "–", "100% ORI", "!!!", "--", "🔥🔥", "!",
           "/", "WA 081234567890", "@toko", "&", "x", ",", "|"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(HYGIENE), max_size=12).map(" ".join))
def test_clean_title_skips_removals_only_when_there_is_nothing_to_remove(text: str) -> None:
    spans = title_hygiene.noise(text).spans
    runs = title._SYMBOL_RUN.search(text) is not None
    symbols = not title_hygiene.word_chars_only(text)
    assert title._clean(text, spans, runs, symbols) == title._clean(text, spans, True, True)
    if not symbols:
        assert re.search(r"[^\w\s]", text) is None
    pieces = title_hygiene._SEPARATOR.split(text)
    plain = max(0, len([p for p in pieces if title_hygiene.names_something(p)]) - 1)
    assert title_hygiene.separators(text) == plain


def test_only_ascii_letters_spell_level_case_insensitively() -> None:
    """Why `find_slots` may look for "level" in the lower-cased title before its regex."""
    letters = re.compile("(?i)[lev]")
    spelled = {chr(c) for c in range(sys.maxunicode + 1)
               if not 0xD800 <= c < 0xE000 and letters.match(chr(c))}
    assert spelled == set("levLEV")

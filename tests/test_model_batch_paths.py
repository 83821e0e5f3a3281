"""The model's batched inputs equal their plain forms.

- It folds a title blank-separated piece by piece (batch.folded_pieces): the words must be
  exactly `fold(title).split()`, whatever the title holds — blanks of every kind, format
  and control characters, combining marks, compatibility characters NFKC rewrites (into
  spaces too), sigmas, spelling variants.
- `count` and `present` read homogeneous columns (every value a hit list; every value a
  slot's text or None) in C: the same floats as `numeric_value` per value.
"""

from __future__ import annotations

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from listing_quality.model import batch, default_model, vectorize
from listing_quality.text.normalize import fold

SETTINGS = settings(max_examples=400, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])
ODD_CHARS = st.sampled_from(list(
    " \t\n\r\x0b\x0c\x1c\x1f\x85\xa0\u1680\u2000\u2028\u2029\u3000"  # blanks
    "\u200b\u200d\u2060\ufeff\x00\x7f\u00ad"  # format and control characters
    "\u0301\u0308\u0344\u0345\u20dd"  # combining marks (one starting a decomposition)
    "\u00a8\u00b4\u00bd\u2044\ufb01\u2474\uff21\uff10\u2126\u212b\u1e9b"  # NFKC rewrites
    "\u03a3\u03c3\u03c2\u0130\u0049\u00df"  # sigmas, dotted I, sharp s
    "aeAE1.-/"))
VARIANTS = st.sampled_from(["Kripik", "keripik", "KRUPUK", "kerupuk", "Coklat", "cokelat",
                            "SINGKONG", "250gr", "ΣΑΣ", "ὈΔΥΣΣΕΎΣ"])
PIECES = st.one_of(VARIANTS, st.text(ODD_CHARS, max_size=6), st.text(max_size=5))
TITLES = st.lists(PIECES, max_size=8).flatmap(
    lambda parts: st.lists(st.text(ODD_CHARS, max_size=2), min_size=len(parts),
                           max_size=len(parts)).map(
        lambda glue: "".join(p + g for p, g in zip(parts, glue, strict=True))))


@SETTINGS
@given(text=TITLES)
def test_folded_pieces_are_the_folded_words(text: str) -> None:
    by_word: dict[str, int] = {}
    numbers = batch.folded_pieces(text, {}, by_word)
    words = list(by_word)
    assert [words[k] for k in numbers] == fold(text).split()


@SETTINGS
@given(titles=st.lists(TITLES, max_size=8), repeat=st.integers(1, 2))
def test_gram_rows_of_odd_titles_equal_ngram_indices(titles: list[str], repeat: int) -> None:
    model = default_model()
    chunk = titles * repeat  # pieces and titles met again take the memo
    grams, sizes = batch.gram_rows(chunk, model._word_grams, model.ngrams["max_chars"],
                                   len(model.vocabulary))
    ends = np.cumsum(sizes).tolist()
    rows = [grams[end - k:end].tolist() for end, k in zip(ends, sizes.tolist(), strict=True)]
    assert rows == [model._ngram_indices(t) for t in chunk]


def test_a_title_cut_inside_a_piece_folds_the_cut_piece() -> None:
    """`max_chars` cuts the title before it is split, as `_ngram_indices` cuts it."""
    model = default_model()
    title = "keripik " * 40 + "singkongpedas"
    grams, sizes = batch.gram_rows([title], model._word_grams, model.ngrams["max_chars"],
                                   len(model.vocabulary))
    assert grams.tolist() == model._ngram_indices(title) and sizes.tolist() == [len(grams)]


HOMOGENEOUS = st.one_of(
    st.lists(st.one_of(st.none(), st.text(max_size=3)), max_size=12),
    st.lists(st.lists(st.integers(), max_size=3), max_size=12),
    st.lists(st.one_of(st.none(), st.just(""), st.just([]), st.just({}),
                       st.dictionaries(st.text(max_size=2), st.none(), max_size=2)),
             max_size=12),
    st.lists(st.one_of(st.tuples(st.integers()), st.sets(st.integers(), max_size=2),
                       st.frozensets(st.integers(), max_size=2)), max_size=12))


@SETTINGS
@given(column=HOMOGENEOUS, transform=st.sampled_from(["count", "present"]))
def test_homogeneous_count_and_present_equal_numeric_value(column: list, transform: str
                                                           ) -> None:
    expected = [vectorize.numeric_value(v, transform) for v in column]
    got = batch.numeric_column(column, transform)
    assert [float(v).hex() for v in got] == [v.hex() for v in expected]

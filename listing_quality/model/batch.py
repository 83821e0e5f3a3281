"""The curator model's inputs for a whole chunk of listings, read by columns.

`Model.__call__` builds one listing's sparse vector: seventeen facts through
`vectorize.numeric_value` (a try/except and a transform dispatch each), the title's
n-grams, then one dot product. Over a 20,000-listing chunk that was the largest single
cost of judging. Here each numeric input is one column (a vectorised form for the plain
value types, `numeric_value` itself for any other), each distinct title and word is
looked up once, and every listing's (indices, values) are laid end to end in two flat
arrays, so the weights are gathered once. What stays per listing is the dot product over
that listing's slice: the same values in the same order as `Model.decision` passes, so
each probability is the per-listing float, bit for bit.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from itertools import chain
from typing import Any

import numpy as np

from ..text.normalize import fold
from .vectorize import numeric_value

_NONE = type(None)
_NUMBERS = frozenset({int, float, bool, _NONE})  # float(v) is the whole transform
_CONTAINERS = frozenset({list, tuple, dict, set})  # what "count" takes the length of
_EMPTY_ABSENT = frozenset({str, list, dict})  # "present" compares with "", [] and {}
_TRUTH_IS_PRESENT = _EMPTY_ABSENT | {_NONE}  # types whose only falsy values are absent ones
_PLAIN = frozenset({_NONE, bool, int, float, str, list, tuple, dict, set})


def _numbers(values: Sequence[Any]) -> np.ndarray:
    """'value': float(v), with None, NaN and infinities as 0 (numpy reads None as NaN)."""
    out = np.array(values, dtype=float).reshape(len(values))
    out[~np.isfinite(out)] = 0.0
    return out


def _logs(values: Sequence[Any]) -> np.ndarray:
    """'log': math.log1p(abs(v)) of each finite number, as `numeric_value` computes it."""
    return np.array(list(map(math.log1p, np.abs(_numbers(values)).tolist())), dtype=float)


def _counts(values: Sequence[Any], types: set[type]) -> np.ndarray:
    if types <= _CONTAINERS:  # every value a hit list (the usual column): lengths in C
        return np.fromiter(map(len, values), dtype=float, count=len(values))
    return np.array([len(v) if type(v) in _CONTAINERS else 0 for v in values], dtype=float)


def _present(values: Sequence[Any], types: set[type]) -> np.ndarray:
    if types <= _TRUTH_IS_PRESENT:  # a slot's text or None: presence is truth, in C
        return np.fromiter(map(bool, values), dtype=float, count=len(values))
    return np.array([0.0 if v is None or (not v and type(v) in _EMPTY_ABSENT) else 1.0
                     for v in values], dtype=float)


# transform -> (value types the fast form is exact for, the fast form of (values, types))
FAST: dict[str, tuple[frozenset[type], Callable[[Sequence[Any], set[type]], np.ndarray]]] = {
    "value": (_NUMBERS, lambda values, _: _numbers(values)),
    "log": (_NUMBERS, lambda values, _: _logs(values)),
    "count": (_PLAIN, _counts), "present": (_PLAIN, _present)}


def numeric_column(values: Sequence[Any], transform: str) -> np.ndarray:
    """`numeric_value(v, transform)` per value, bit for bit; the plain form for any value
    type the fast forms were not written for (subclasses, numpy scalars, 'mean')."""
    fast = FAST.get(transform)
    types = set(map(type, values))
    if fast is not None and types <= fast[0]:
        try:
            return fast[1](values, types)
        except OverflowError:  # an int too large for a float: numeric_value gives 0
            pass
    return np.array([numeric_value(v, transform) for v in values], dtype=float).reshape(
        len(values))


def gram_rows(titles: Iterable[str], word_grams: Callable[[str], set[int]], max_chars: int,
              size: int) -> tuple[np.ndarray, np.ndarray]:
    """Every title's `Model._ngram_indices(title)` laid end to end, and how many each has.

    Catalogs repeat titles and share most words, so each distinct title is folded once
    and each distinct word looked up once; each title's sorted set (the union of its
    words' n-grams) comes from one numpy sort of (title, n-gram) keys for the whole
    chunk, not a Python `sorted(set)` per title. `size`: the vocabulary's size.
    """
    row_title, slots, counts, words = _distinct(titles, max_chars)
    grams, ends = _sorted_union(slots, counts, [word_grams(w) for w in words], size)
    starts = ends - np.diff(ends, prepend=0)
    row_title = np.array(row_title, dtype=np.intp)
    sizes = (ends - starts)[row_title]
    offsets = np.cumsum(sizes) - sizes
    take = np.repeat(starts[row_title] - offsets, sizes) + np.arange(int(sizes.sum()))
    return grams[take], sizes


def _distinct(titles: Iterable[str], max_chars: int
              ) -> tuple[list[int], list[int], list[int], list[str]]:
    """(each row's title number, each distinct title's word numbers end to end, how many
    words each distinct title has, the distinct words).

    A title's words are `fold(title[:max_chars]).split()`, folded here blank-separated
    piece by piece (each distinct piece once): folding never joins or reorders what
    blanks separate (`folded_pieces`), and a chunk's 20,000 titles hold a few thousand
    distinct pieces, so most of the folding, a third of the model's cost, is skipped.
    """
    by_title: dict[str, int] = {}
    by_word: dict[str, int] = {}
    by_piece: dict[str, list[int]] = {}
    row_title, slots, counts = [], [], []
    for title in titles:
        k = by_title.get(title)
        if k is None:
            k = by_title[title] = len(counts)
            words = dict.fromkeys(folded_pieces(title[:max_chars], by_piece, by_word))
            slots.extend(words)
            counts.append(len(words))
        row_title.append(k)
    return row_title, slots, counts, list(by_word)


def folded_pieces(text: str, by_piece: dict[str, list[int]], by_word: dict[str, int]
                  ) -> list[int]:
    """The numbers (`by_word`, extended) of `fold(text).split()`, folding each distinct
    blank-separated piece of `text` once (`by_piece`, extended).

    Why the pieces may be folded apart: every blank becomes a space or a break between
    words in `normalize`, a space composes with nothing under NFKC, lower-casing reads no
    context across a blank (the final sigma's context stops at one), and a spelling
    variant is a whole letter run, which a blank ends. tests/test_judge_fast_paths.py
    compares this with `fold(text).split()` on blanks, marks and look-alikes of every kind.
    """
    out: list[int] = []
    for piece in text.split():
        found = by_piece.get(piece)
        if found is None:
            found = by_piece[piece] = [by_word.setdefault(w, len(by_word))
                                       for w in fold(piece).split()]
        out.extend(found)
    return out


def _sorted_union(slots: list[int], counts: list[int], word_sets: list[set[int]],
                  size: int) -> tuple[np.ndarray, np.ndarray]:
    """Per distinct title, the sorted distinct n-grams of its words: (all of them end to
    end, where each title's run ends)."""
    lengths = np.array([len(g) for g in word_sets], dtype=np.int64)
    flat = np.fromiter(chain.from_iterable(word_sets), np.int64, int(lengths.sum()))
    word = np.array(slots, dtype=np.intp)
    taken = lengths[word]  # n-grams of each (title, word) slot
    ends = np.cumsum(taken)
    at = np.repeat(np.cumsum(lengths)[word] - lengths[word] - (ends - taken), taken)
    owner = np.repeat(np.repeat(np.arange(len(counts), dtype=np.int64), counts), taken)
    keys = owner * size + flat[at + np.arange(len(at))]
    keys.sort()
    keys = keys[np.concatenate(([True], keys[1:] != keys[:-1]))] if len(keys) else keys
    title = keys // size
    return keys - title * size, np.searchsorted(title, np.arange(len(counts)), side="right")


def flat_inputs(scaled: np.ndarray, grams: np.ndarray, sizes: np.ndarray
                ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Every listing's `Model.vector` laid end to end: (indices, values, slice ends).

    Listing i owns [ends[i-1], ends[i]): its scaled numeric inputs, then its `sizes[i]`
    n-grams (`grams`, offset by the number of numeric inputs) each weighted
    1/sqrt(sizes[i]), the float `Model.vector` computes.
    """
    n, n_specs = scaled.shape
    ends = np.cumsum(sizes + n_specs)
    numeric_at = ((ends - sizes - n_specs)[:, None] + np.arange(n_specs)).ravel()
    total = int(ends[-1]) if n else 0
    index, values = np.empty(total, np.intp), np.empty(total)
    is_gram = np.ones(total, bool)
    is_gram[numeric_at] = False
    index[numeric_at] = np.tile(np.arange(n_specs), n)
    values[numeric_at] = scaled.ravel()
    index[is_gram] = grams + n_specs
    weights = [1.0 / math.sqrt(k) if k else 0.0 for k in sizes.tolist()]
    values[is_gram] = np.repeat(weights, sizes)
    return index, values, ends

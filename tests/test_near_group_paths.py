"""The near-duplicate pass's fast paths against the plain forms they stand for."""

from __future__ import annotations

import copy

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from listing_quality.features.catalog_titles import _by_exact, _fill, _pair_two, near_groups

FOUND = st.dictionaries(st.integers(0, 5), st.lists(st.integers(0, 5), max_size=4, unique=True),
                        max_size=6)


@settings(max_examples=400, deadline=None)
@given(FOUND, st.integers(0, 5), st.integers(0, 5), st.booleans(), st.integers(1, 4))
def test_two_lone_listings_pair_up_as_the_plain_fill_does(
        found: dict[int, list[int]], a: int, b: int, twins: bool, most: int) -> None:
    if a == b:
        b = a + 1  # two listings
    exact = {a: 7, b: 7 if twins else 8}
    plain = copy.deepcopy(found)
    _fill([a], _by_exact([b], exact), exact, plain, most)
    _fill([b], _by_exact([a], exact), exact, plain, most)
    fast = copy.deepcopy(found)
    _pair_two(a, b, twins, fast, most)
    assert fast == plain and list(fast) == list(plain)  # same lists, same insertion order


def _keys(ids: pd.Series) -> pd.DataFrame:
    n = len(ids)
    texts = [f"seblak level {k % 7} pedas" for k in range(n)]  # one block, near texts
    return pd.DataFrame({"row": np.arange(n, dtype=np.int64), "id": ids,
                         "exact": np.array([k % 5 for k in range(n)], dtype=np.int64),
                         "block": ["seblak"] * (n - 3) + ["kopi"] * 3, "near": texts})


@pytest.mark.parametrize("form", ["str", "string[python]"])
def test_ids_held_in_arrow_chunks_or_python_strings_give_the_same_table(form: str) -> None:
    pytest.importorskip("pyarrow")
    ids = [f"SYN-{k:04d}" for k in range(40)]
    plain = near_groups(_keys(pd.Series(ids, dtype=object)))
    pieces = [pd.Series(ids[k:k + 7], dtype=form) for k in range(0, 40, 7)]
    held = pd.concat(pieces, ignore_index=True)  # arrow strings: one chunk per piece
    assert held.dtype != object
    table = near_groups(_keys(held))
    assert len(plain) > 30 and any(len(ids) > 1 for ids in plain["ids"])
    pd.testing.assert_frame_equal(table, plain)

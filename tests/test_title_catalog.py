"""Near-duplicate titles: found inside blocks, never by comparing all pairs."""

from __future__ import annotations

import random
import time

import numpy as np
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz.distance import Indel

from listing_quality.features import catalog
from listing_quality.features.catalog_titles import (
    EXACT_MAX_IDS,
    _near_key,
    exact_groups,
    exact_title_duplicates,
    near_groups,
    near_title_duplicates,
    window_matches,
)
from listing_quality.features.title import measure
from listing_quality.features.title_slots import settings as settings_of
from listing_quality.types import Listing


def _facts(titles: list[str]) -> list[dict]:
    return [measure(Listing(id=str(i), title=t), None) for i, t in enumerate(titles)]


def test_near_duplicates_found_exact_ones_left_to_t110() -> None:
    facts = _facts(["Seblak Pedas Level 3 Mbok Sri 250 g", "Seblak Pedas Level 5 Mbok Sri 250 g",
                    "seblak pedas level 3 mbok sri 250 g", "Kopi Bubuk Robusta 200 g"])
    ids = ["a", "b", "c", "d"]
    near = near_title_duplicates(facts, ids)["catalog.title_near_duplicates"]
    assert near[0] == ["b"] and sorted(near[1]) == ["a", "c"] and near[3] == []
    exact = exact_title_duplicates(facts, ids)["catalog.title_duplicates"]
    assert exact[0] == ["c"] and exact[1] == []


def test_word_order_and_promo_words_do_not_hide_a_duplicate() -> None:
    facts = _facts(["Keripik Singkong Balado 250 g Khas Kediri",
                    "Khas Kediri Keripik Singkong Balado 250 g MURAH"])
    near = near_title_duplicates(facts, ["a", "b"])["catalog.title_near_duplicates"]
    assert near == [["b"], ["a"]]


def test_catalog_pass_adds_both_title_features() -> None:
    facts = _facts(["Seblak Pedas Level 3 250 g", "Seblak Pedas Level 5 250 g",
                    "seblak pedas level 3 250 g"])
    catalog.enrich(facts, ["a", "b", "c"])
    assert [f["catalog.title_duplicates"] for f in facts] == [["c"], [], ["a"]]
    assert facts[1]["catalog.title_near_duplicates"] == ["a", "c"]


def test_blocking_keeps_the_pass_near_linear() -> None:
    """20k titles of one type: sorted-neighbourhood compares ~2 x 12 per title, not all pairs."""
    facts = [{"title.text": f"Seblak Pedas Varian {i} Toko {i * 7919 % 10007}",
              "title.clean": f"Seblak Pedas Varian {i} Toko {i * 7919 % 10007}",
              "title.type": "Seblak"} for i in range(20_000)]
    start = time.perf_counter()
    near_title_duplicates(facts, [str(i) for i in range(20_000)])
    assert time.perf_counter() - start < 10  # all pairs would be 2e8 comparisons


def _exact_groups_one_group_at_a_time(keys: pd.DataFrame) -> pd.DataFrame:
    """The plain form `exact_groups` replaces: one pandas group at a time."""
    titled = keys[keys["exact"] != 0]
    shared = titled[titled.duplicated("exact", keep=False)].sort_values("row", kind="stable")
    rows, found = [], []
    for _, group in shared.groupby("exact", sort=False):
        members = list(zip(group["row"].tolist(), group["id"].tolist(), strict=True))
        for row, _ in members:
            rows.append(row)
            found.append([other for r, other in members if r != row][:EXACT_MAX_IDS])
    return pd.DataFrame({"row": pd.Series(rows, dtype=np.int64),
                         "ids": pd.Series(found, dtype=object)})


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(0, 6), max_size=60), st.randoms(use_true_random=False))
def test_exact_groups_equal_the_plain_group_by(hashes: list[int], rng: random.Random) -> None:
    """Groups of every size (up to 60 twins: past the 10-id cap), rows out of catalog order,
    hash 0 (no title) never grouped."""
    rows = list(range(len(hashes)))
    rng.shuffle(rows)
    keys = pd.DataFrame({"row": np.array(rows, dtype=np.int64),
                         "id": pd.Series([f"id{r}" for r in rows], dtype=object),
                         "exact": np.array(hashes, dtype=np.int64)})
    pd.testing.assert_frame_equal(exact_groups(keys), _exact_groups_one_group_at_a_time(keys))


WORDS = ["seblak", "pedas", "level", "3", "5", "250", "g", "kencur", "mbok", "sri"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["seblak", "kopi", ""]),
                          st.lists(st.sampled_from(WORDS), min_size=1, max_size=6),
                          st.integers(1, 3)), max_size=9),
       st.randoms(use_true_random=False))
def test_near_groups_equal_all_pairs_where_the_window_sees_every_pair(
        listings: list[tuple[str, list[str], int]], rng: random.Random) -> None:
    """Few titles per block (the window covers every pair, no 10-id cap): the blocked pass
    must find exactly what comparing every pair inside a block finds, rows in any order.
    Exact hashes 1-3 stand for titles identical up to case (never their own near twins)."""
    cutoff = settings_of()["near_duplicate_ratio"] / 100.0
    rows = list(range(len(listings)))
    rng.shuffle(rows)
    texts = [" ".join(sorted(words)) for _, words, _ in listings]
    keys = pd.DataFrame({"row": np.array(rows, dtype=np.int64),
                         "id": pd.Series([f"id{r}" for r in rows], dtype=object),
                         "exact": np.array([h for *_, h in listings], dtype=np.int64),
                         "block": [b for b, _, _ in listings], "near": texts})
    expected = {}
    for i, (block, _, exact) in enumerate(listings):
        twins = [j for j, (other, _, other_exact) in enumerate(listings)
                 if j != i and other == block and other_exact != exact  # exact twins: T110
                 and (texts[i] == texts[j]
                      or Indel.normalized_similarity(texts[i], texts[j]) >= cutoff)]
        if twins:
            expected[rows[i]] = [f"id{rows[j]}" for j in sorted(twins, key=rows.__getitem__)]
    table = near_groups(keys)
    assert dict(zip(table["row"].tolist(), table["ids"].tolist(), strict=True)) == expected
    assert table["row"].tolist() == sorted(expected)


WORDS = st.sampled_from(["seblak", "pedas", "level", "3", "5", "250g", "kerupuk", "ori", "é", ""])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(WORDS, max_size=6).map(" ".join), max_size=40),
       st.integers(1, 14), st.sampled_from([0.0, 0.5, 0.9, 1.0]))
def test_window_matches_equal_the_plain_nested_loop(texts: list[str], window: int,
                                                    cutoff: float) -> None:
    order = sorted(texts)
    plain = [(i, j) for i, a in enumerate(order)
             for j in range(i + 1, min(len(order), i + 1 + window))
             if Indel.normalized_similarity(a, order[j]) >= cutoff]
    assert window_matches(order, window, cutoff) == plain


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(st.one_of(st.none(), st.sampled_from(["Keripik", "KRUPUK", "kripik",
                                                                 "Batik Tulis", "", "  "]),
                                    st.text(max_size=12)),
                          st.text(max_size=30)), max_size=20))
def test_block_keys_remembered_per_product_type_equal_fresh_ones(rows) -> None:
    facts = [{"title.type": kind, "title.clean": clean} for kind, clean in rows]
    blocks: dict[str, str] = {}
    assert [_near_key(row, blocks) for row in facts] == [_near_key(row) for row in facts]

"""The streamed reduction with its near-duplicate table shared among worker processes."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import listing_quality as lq
from listing_quality import stream_reduce
from listing_quality.features.catalog import REDUCTIONS, CatalogContext, catalog_keys
from listing_quality.partition import adapt, measure_all
from listing_quality.stream_pool import ChunkPool
from listing_quality.stream_reduce import reduce_catalog, shares

PHOTOS = str(Path(__file__).resolve().parent.parent / "data" / "samples" / "photos")
NEAR = next(r for r in REDUCTIONS if r.name == stream_reduce.SHARED)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["seblak", "kopi", "madu", "", "batik", "tenun"]), max_size=60),
       st.integers(1, 3))
def test_shares_hold_whole_blocks_and_every_key_once(blocks: list[str], n: int) -> None:
    keys = pd.DataFrame({"block": blocks})
    found = shares(keys, NEAR, n)
    assert len(found) == n
    assert sorted(np.concatenate(found).tolist()) == list(range(len(blocks)))
    owner = {k: i for i, share in enumerate(found) for k in share.tolist()}
    for block in set(blocks):
        assert len({owner[k] for k, b in enumerate(blocks) if b == block}) == 1
    loads = sorted(len(share) for share in found)
    biggest = max((blocks.count(b) for b in set(blocks)), default=0)
    assert loads[-1] - loads[0] <= biggest  # largest first, each on the least loaded


@pytest.fixture(scope="module")
def keys(catalog: pd.DataFrame) -> pd.DataFrame:
    listings = adapt(catalog)
    facts = measure_all(listings, lq.Options(images_root=PHOTOS))
    return catalog_keys(facts, [li.id for li in listings])


@pytest.mark.parametrize("workers", [1, 2])
def test_the_shared_reduction_equals_one_process(keys: pd.DataFrame, workers: int,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(stream_reduce, "MIN_SHARED_KEYS", 0)
    whole = CatalogContext.from_keys(keys)
    assert len(whole.tables[stream_reduce.SHARED]) > 5  # else equality proves little
    with ChunkPool(workers) as pool:
        shared = reduce_catalog(keys, pool)
    assert list(shared.tables) == list(whole.tables)
    for name, table in whole.tables.items():
        pd.testing.assert_frame_equal(shared.tables[name], table)


def test_a_streamed_run_reducing_in_its_workers_equals_one_pass(
        catalog: pd.DataFrame, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(stream_reduce, "MIN_SHARED_KEYS", 0)
    whole = lq.score_frame(catalog, images_root=PHOTOS)
    streamed = lq.score_frame(catalog, images_root=PHOTOS, chunk_size=64, n_jobs=2)
    pd.testing.assert_frame_equal(streamed, whole)

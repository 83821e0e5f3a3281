"""The collector pause restores the collector exactly as it found it, even on error."""

from __future__ import annotations

import gc

import pytest

import listing_quality as lq
from listing_quality import api
from listing_quality.gc_pause import gc_paused
from listing_quality.partition import measure_all
from listing_quality.types import Listing


@pytest.mark.parametrize("enabled", [True, False])
def test_the_collector_is_restored_as_it_was(enabled: bool) -> None:
    (gc.enable if enabled else gc.disable)()
    try:
        with pytest.raises(RuntimeError), gc_paused():
            assert not gc.isenabled()
            raise RuntimeError("a broken batch")
        assert gc.isenabled() is enabled
    finally:
        gc.enable()


def test_measuring_pauses_the_collector_and_restores_it(monkeypatch: pytest.MonkeyPatch
                                                       ) -> None:
    seen: list[bool] = []
    real = api.measure

    def spying(listing: Listing, options: lq.Options) -> dict:
        seen.append(gc.isenabled())
        return real(listing, options)

    monkeypatch.setattr(api, "measure", spying)
    listings = [Listing(id=str(i), title="Keripik Singkong Balado 250 g") for i in range(3)]
    facts = measure_all(listings, lq.Options())
    assert [f["title.text"] for f in facts] == ["Keripik Singkong Balado 250 g"] * 3
    assert seen == [False, False, False] and gc.isenabled()


def test_a_streamed_run_judges_with_the_collector_paused(monkeypatch: pytest.MonkeyPatch,
                                                         tmp_path: object) -> None:
    """Both passes' worker tasks (run inline here) judge with the collector paused, and
    a streamed run leaves it enabled, between chunks and after."""
    import pandas as pd

    from listing_quality import stream

    seen: list[bool] = []
    real = stream.judge_measured

    def spying(*args: object, **kwargs: object) -> pd.DataFrame:
        seen.append(gc.isenabled())
        return real(*args, **kwargs)

    monkeypatch.setattr(stream, "judge_measured", spying)
    frame = pd.DataFrame({"id": [f"s{i}" for i in range(7)],
                          "title": [f"Keripik Singkong Balado {i}00 g" for i in range(7)]})
    between = [gc.isenabled() for _ in stream.score_chunks(frame, lq.Options(), chunk_size=3)]
    assert seen == [False, False, False] and between == [True, True, True]
    assert gc.isenabled()

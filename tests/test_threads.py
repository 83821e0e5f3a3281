"""`score` is safe to call from many threads at once: every call gives exactly the result
a lone call gives, including while the rubric and settings caches are first filled.

A web app or a notebook with a thread pool calls `lq.score` concurrently; the library
keeps no mutable global state besides `functools.lru_cache`d read-only data, and this
test holds it to that with threads released together by a barrier.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from conftest import make_photo
from PIL import Image

import listing_quality as lq
from listing_quality import api, model, rubric

CORPUS_IMAGES = Path(__file__).resolve().parent / "fuzz" / "corpus" / "images"
THREADS = 16
ROUNDS = 6


def _listings(folder: Path) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    """(listing, score kwargs): files, corpus oddities, in-memory images, every rubric."""
    for i, colour in enumerate(([200, 160, 90], [60, 60, 60], [240, 240, 240])):
        make_photo(folder, f"p{i}.jpg", {"size": [900, 700], "color": colour})
    shared = Image.new("RGB", (300, 300), (180, 90, 40))  # one object, many threads
    base = {"description": "Netto 250 g. P-IRT 2063578010123-29. Halal.", "weight_g": 300}
    return [
        ({**base, "id": "A", "title": "Keripik Singkong Balado 250 g", "price": "Rp18.000",
          "photos": ["p0.jpg", "p1.jpg"]}, {"rubric": "kuliner", "images_root": folder}),
        ({**base, "id": "B", "title": "KOPI MURAH!!!", "price": "25rb", "photos": ["p2.jpg"]},
         {"rubric": "kuliner", "marketplace": "shopee", "images_root": folder}),
        ({"id": "C", "title": "Tas Anyaman Pandan 30 x 25 cm", "price": 85000,
          "photos": ["cmyk.jpg", "animated.gif", "truncated.jpg", "bomb_header_1600mp.png"]},
         {"rubric": "kriya", "images_root": CORPUS_IMAGES}),
        ({"id": "D", "title": "Kain Batik Tulis", "price": None, "photos": [shared, shared]},
         {"rubric": "busana", "marketplace": "tokopedia"}),
        ({"id": "E", "title": "", "price": "gratis", "photos": ["../x.jpg", "http://a/b.jpg"]},
         {"images_root": folder}),
    ]


def _hammer(calls: list[Callable[[], Any]]) -> list[Any]:
    """Run every call THREADS-wide, all threads released at the same instant."""
    barrier = threading.Barrier(THREADS)

    def run(call: Callable[[], Any]) -> Any:
        barrier.wait(timeout=30)
        return call()

    jobs = [calls[i % len(calls)] for i in range(THREADS * ROUNDS)]
    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        return list(pool.map(run, jobs))


def _cold_caches() -> None:
    """Empty the caches, so the threads race to fill them (the riskiest moment)."""
    api.selected_rubric.cache_clear()
    rubric._load_cached.cache_clear()
    default_model = getattr(model, "default_model", None)  # the shipped classifier, if any
    if hasattr(default_model, "cache_clear"):
        default_model.cache_clear()


def test_concurrent_score_equals_sequential_score(tmp_path: Path) -> None:
    cases = _listings(tmp_path)
    expected = [lq.score(listing, **kw).to_dict() for listing, kw in cases]
    _cold_caches()
    calls = [lambda listing=listing, kw=kw: lq.score(listing, **kw).to_dict()
             for listing, kw in cases]
    got = _hammer(calls)
    for i, result in enumerate(got):
        assert result == expected[i % len(cases)], f"thread result {i} differs"


def test_concurrent_score_frame_keeps_every_row(tmp_path: Path) -> None:
    frame = pd.DataFrame([listing for listing, _ in _listings(tmp_path)][:3]
                         ).drop(columns=["photos"])
    frame.index = ["x", "y", "z"]
    expected = lq.score_frame(frame)
    _cold_caches()
    for got in _hammer([lambda: lq.score_frame(frame)]):
        pd.testing.assert_frame_equal(got, expected)


@pytest.fixture
def opened(tmp_path: Path) -> dict[str, Path]:
    """A big JPEG (draft-decodable), a CMYK JPEG and an animated GIF to open lazily."""
    big = tmp_path / "big.jpg"
    Image.new("RGB", (3000, 2000), (200, 100, 50)).save(big, quality=80)
    return {"big.jpg": big, "cmyk.jpg": CORPUS_IMAGES / "cmyk.jpg",
            "animated.gif": CORPUS_IMAGES / "animated.gif"}


@pytest.mark.parametrize("name", ["big.jpg", "cmyk.jpg", "animated.gif"])
def test_one_opened_image_object_shared_by_threads(name: str, opened: dict[str, Path]) -> None:
    """A caller may pass the same lazily-loaded PIL image from several threads; scoring
    must neither race on it nor change it (a draft decode used to shrink it in place)."""
    with Image.open(opened[name]) as image:
        expected = lq.score({"id": "s", "title": "x", "photos": [image]}).to_dict()
    with Image.open(opened[name]) as image:
        size, frame = image.size, image.tell()
        got = _hammer([lambda: lq.score({"id": "s", "title": "x", "photos": [image]}).to_dict()])
        assert (image.size, image.tell()) == (size, frame)
    assert all(result == expected for result in got)

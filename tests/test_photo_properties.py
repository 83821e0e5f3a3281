"""Property tests for photo measurement: ranges, determinism, monotone fixes, no crashes."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from photo_factory import degrade, scene
from PIL import Image

import listing_quality as lq
from listing_quality.features.photo_decode import decode_image
from listing_quality.features.photos import _quality, photo_facts
from listing_quality.types import Photo

SHARES = ("highlights", "shadows", "background_white", "background_light", "text_overlay",
          "fill", "clutter")
DEFECTS = ("blur", "dark", "flat", "cast", "clutter", "text", "collage", "small", "far",
           "overexposed")
TITLE = "Keripik Singkong Balado Pedas 250 g Khas Kediri"


def noise_image(seed: int, width: int, height: int, mode: str) -> Image.Image:
    rng = np.random.default_rng(seed)
    pixels = rng.integers(0, 256, size=(height, width, 3), dtype=np.uint8)
    return Image.fromarray(pixels, "RGB").convert(mode)


@settings(max_examples=40, deadline=None)
@given(seed=st.integers(0, 10_000), width=st.integers(1, 700), height=st.integers(1, 700),
       mode=st.sampled_from(["RGB", "L", "RGBA", "P", "CMYK", "1"]))
def test_metrics_stay_in_range_on_any_image(seed: int, width: int, height: int,
                                            mode: str) -> None:
    facts = _quality(decode_image(noise_image(seed, width, height, mode)))
    for name in SHARES:
        assert facts[name] is None or 0.0 <= facts[name] <= 1.0, name
    assert 0 <= facts["brightness"] <= 255 and 0 <= facts["contrast"] <= 128
    assert facts["sharpness"] is None or math.isfinite(facts["sharpness"])
    assert (facts["panels"] or 1) >= 1 and ":" in facts["signature"]


@settings(max_examples=15, deadline=None)
@given(seed=st.integers(1, 50), defect=st.sampled_from(DEFECTS))
def test_measurement_is_deterministic(seed: int, defect: str) -> None:
    image = degrade(scene((600, 600), seed), defect, seed)
    assert _quality(decode_image(image)) == _quality(decode_image(image.copy()))


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(1, 6), defect=st.sampled_from(DEFECTS),
       position=st.integers(0, 2))
def test_fixing_a_spoiled_photo_never_lowers_the_score(seed: int, defect: str,
                                                       position: int) -> None:
    """Replace one spoiled photo by its unspoiled original: the score must not drop."""
    good = [scene((900, 900), s) for s in (seed, seed + 10, seed + 20)]
    spoiled = list(good)
    spoiled[position] = degrade(good[position], defect, seed)
    before = lq.score({"id": "x", "title": TITLE, "photos": spoiled}, rubric="umum")
    after = lq.score({"id": "x", "title": TITLE, "photos": good}, rubric="umum")
    assert after.dimensions["photos"].score >= before.dimensions["photos"].score - 1e-9


@settings(max_examples=60, deadline=None, suppress_health_check=[
    HealthCheck.function_scoped_fixture])
@given(ref=st.text(max_size=60))
def test_arbitrary_unicode_paths_never_raise(ref: str, tmp_path_factory) -> None:
    root: Path = tmp_path_factory.mktemp("img")
    facts = photo_facts(Photo(1, ref), root, False)
    assert facts["errors"] or facts["refused"] or facts.get("width")
    result = lq.score({"id": "u", "title": ref, "photos": [ref, ref]}, images_root=root)
    assert 0 <= result.overall <= 100

"""Photo measurement: safe loading of every format, pinned metric values, invariances.

Photos are generated here with Pillow (tests/photo_factory.py); pinned values are the
metrics of those generated packshots, like imagehash's constant-hash tests, so a change to
a metric shows up as a changed number, not as a silently different verdict.
"""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np
import pytest
from conftest import make_photo
from photo_factory import degrade, scene
from PIL import Image

import listing_quality as lq
from listing_quality.features.photo_decode import PhotoError, decode_file, decode_image
from listing_quality.features.photo_heif import register_heif
from listing_quality.features.photos import _quality, photo_facts
from listing_quality.types import Photo


def facts_of(image: Image.Image) -> dict:
    return _quality(decode_image(image))


def save(folder: Path, name: str, image: Image.Image, fmt: str, **kw) -> Path:
    path = folder / name
    image.save(path, fmt, **kw)
    return path


# ------------------------------------------------------------------ pinned values
PINNED = {  # seed -> metric -> value of the generated 1000 px packshot (in memory)
    1: {"sharpness": 1.026, "brightness": 200.2, "contrast": 73.5, "fill": 0.859,
        "background_light": 1.0, "text_overlay": 0.0, "panels": 1,
        "signature": "06060a2a0a1a0606:00000018001c001c040c04cc04cc04cc046c046c046c040c"
                     "001c001c00180000:f5e4e2d9726eedcbc9f3dddcc3ac97eed2cdf4e4e2da7772edcbc9"},
    2: {"sharpness": 1.008, "brightness": 179.8, "contrast": 81.9, "fill": 0.859,
        "background_light": 1.0, "text_overlay": 0.0, "panels": 1,
        "signature": "03032d2d2d2d0303:00000006000600060c060c660c660c6608c608e608560c06"
                     "0006000600060000:c1d5c66f9f7ca2c0abc7d8c8bbaa95c2cfbbc1d5c7679472a1bda8"},
}


@pytest.mark.parametrize("seed", sorted(PINNED))
def test_pinned_metric_values(seed: int) -> None:
    facts = facts_of(scene((1000, 1000), seed))
    for name, value in PINNED[seed].items():
        if isinstance(value, float):
            assert facts[name] == pytest.approx(value, abs=0.02), name
        else:
            assert facts[name] == value, name


@pytest.mark.parametrize(("defect", "metric", "low", "high"), [
    ("blur", "sharpness", 0.3, 0.5), ("dark", "brightness", 40, 55),
    ("flat", "contrast", 8, 14), ("cast", "colour_cast", 40, 56),
    ("clutter", "clutter", 0.2, 0.3), ("text", "text_overlay", 0.4, 0.8),
    ("collage", "panels", 4, 16), ("far", "fill", 0.3, 0.4),
])
def test_each_defect_moves_its_own_metric(defect: str, metric: str, low: float,
                                          high: float) -> None:
    facts = facts_of(degrade(scene((1000, 1000), 1), defect))
    assert low <= facts[metric] <= high


# ------------------------------------------------------------------ invariances
@pytest.mark.parametrize("size", [(600, 600), (1500, 1500), (2400, 1800), (3000, 3000)])
def test_sharpness_barely_depends_on_resolution(size: tuple[int, int]) -> None:
    reference = facts_of(scene((1000, 1000), 3))["sharpness"]
    resized = facts_of(scene((1000, 1000), 3).resize(size, Image.Resampling.LANCZOS))
    assert resized["sharpness"] == pytest.approx(reference, rel=0.15)


def test_small_rotation_keeps_the_hash_close() -> None:
    from listing_quality.features.photo_hash import parse

    a = parse(facts_of(scene((1000, 1000), 2))["signature"])
    b = parse(facts_of(scene((1000, 1000), 2).rotate(2, fillcolor=(250, 250, 248)))
              ["signature"])
    assert a and b and (a[0] - b[0]) <= 6


def test_jpeg_draft_decode_agrees_with_a_full_decode(tmp_path: Path) -> None:
    image = scene((2000, 2000), 1)
    path = save(tmp_path, "a.jpg", image, "JPEG", quality=92)
    _, drafted = decode_file(path)
    full = facts_of(Image.open(path).convert("RGB"))
    drafted_facts = _quality(drafted)
    for name in ("brightness", "contrast", "fill", "background_light"):
        assert drafted_facts[name] == pytest.approx(full[name], rel=0.05, abs=0.02), name
    assert drafted.array.shape[:2] == (256, 256)


# ------------------------------------------------------------------ formats and modes
@pytest.mark.parametrize("fmt", ["PNG", "WEBP", "GIF", "TIFF", "BMP"])
def test_other_formats_are_measured(tmp_path: Path, fmt: str) -> None:
    path = save(tmp_path, f"a.{fmt.lower()}", scene((800, 800), 1), fmt)
    facts = photo_facts(Photo(1, path.name), tmp_path, False)
    assert facts["errors"] is None and facts["width"] == 800 and facts["fill"] > 0.8


def test_exif_orientation_is_applied(tmp_path: Path) -> None:
    upright = scene((600, 900), 1)  # portrait
    stored = upright.transpose(Image.Transpose.ROTATE_90)  # the sensor's landscape
    exif = Image.Exif()
    exif[0x0112] = 6  # "rotate 90 CW to display"
    path = save(tmp_path, "phone.jpg", stored, "JPEG", exif=exif, quality=92)
    facts = photo_facts(Photo(1, path.name), tmp_path, False)
    assert (facts["width"], facts["height"]) == (600, 900)
    assert facts["aspect"] == pytest.approx(600 / 900, abs=0.001)
    assert facts["fill"] == pytest.approx(facts_of(upright)["fill"], abs=0.03)


@pytest.mark.parametrize("mode", ["CMYK", "L", "P", "I;16", "RGBA", "LA", "1", "F"])
def test_every_pixel_mode_becomes_rgb(mode: str) -> None:
    base = scene((500, 500), 2)
    if mode == "I;16":
        image = Image.fromarray(np.asarray(base.convert("L"), dtype=np.uint16) * 257)
    elif mode == "F":
        image = base.convert("L").convert("F")
    else:
        image = base.convert(mode)
    decoded = decode_image(image)
    assert decoded.array.dtype == np.uint8 and decoded.array.shape == (256, 256, 3)
    assert 120 < _quality(decoded)["brightness"] < 230


def test_transparent_cutout_is_judged_on_white() -> None:
    cutout = scene((800, 800), 1).convert("RGBA")
    pixels = np.asarray(cutout).copy()
    background = (pixels[..., :3] > 245).all(axis=2)
    pixels[background, 3] = 0  # transparent background, colour left black-ish below
    pixels[background, :3] = 0
    facts = facts_of(Image.fromarray(pixels, "RGBA"))
    assert facts["background_light"] > 0.9 and facts["brightness"] > 150


def test_gif_first_frame(tmp_path: Path) -> None:
    frames = [scene((400, 400), 1), Image.new("RGB", (400, 400), (0, 0, 0))]
    path = tmp_path / "anim.gif"
    frames[0].save(path, "GIF", save_all=True, append_images=frames[1:])
    facts = photo_facts(Photo(1, "anim.gif"), tmp_path, False)
    assert facts["errors"] is None and facts["brightness"] > 150


# ------------------------------------------------------------------ broken input
@pytest.mark.parametrize("content", ["empty", "garbage", "truncated"])
def test_broken_files_become_errors(tmp_path: Path, content: str) -> None:
    make_photo(tmp_path, "bad.jpg", {"size": [800, 800], "content": content})
    facts = photo_facts(Photo(1, "bad.jpg"), tmp_path, False)
    assert facts["errors"] and facts.get("sharpness") is None


def test_mislabelled_file_is_read_by_its_content(tmp_path: Path) -> None:
    save(tmp_path, "really-a-png.jpg", scene((600, 600), 1), "PNG")
    facts = photo_facts(Photo(1, "really-a-png.jpg"), tmp_path, False)
    assert facts["errors"] is None and facts["format"] == "PNG"


def test_decompression_bomb_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "bomb.png"
    Image.new("1", (20000, 20000)).save(path, "PNG")  # 400 MP of zeros, a few kB on disk
    with pytest.raises(PhotoError):
        decode_file(path)
    assert photo_facts(Photo(1, "bomb.png"), tmp_path, False)["errors"]


def test_heic_without_the_extra_is_a_finding_not_a_crash(tmp_path: Path) -> None:
    (tmp_path / "phone.heic").write_bytes(b"\x00\x00\x00\x18ftypheic" + b"\x00" * 64)
    facts = photo_facts(Photo(1, "phone.heic"), tmp_path, False)
    assert facts["errors"]  # unreadable header either way; the extra only adds real HEIC
    assert isinstance(register_heif(), bool)


def test_symlink_out_of_the_root_is_refused(tmp_path: Path) -> None:
    root = tmp_path / "images"
    root.mkdir()
    outside = save(tmp_path, "secret.jpg", scene((300, 300), 1), "JPEG")
    (root / "link.jpg").symlink_to(outside)
    facts = photo_facts(Photo(1, "link.jpg"), root, False)
    assert facts["refused"] and facts["errors"] is None


def test_in_memory_images_are_measured() -> None:
    result = lq.score({"id": "x", "title": "Keripik", "photos": [scene((900, 900), 1)]})
    record = result.features["photos.sharpness"][0]
    assert record["file"] == "<image>" and record["value"] > 0.85


def test_findings_name_the_photo_index_and_file(images: Path) -> None:
    names = [make_photo(images, "depan.jpg", {"scene": 1, "seed": 1}),
             make_photo(images, "gelap-dapur.jpg", {"scene": 1, "seed": 2, "defect": "dark"})]
    result = lq.score({"id": "x", "title": "Keripik", "photos": names}, images_root=images)
    dark = next(f for f in result.findings if f.code == "P108")
    assert dark.field == "photos[2]"
    assert "Foto 2 gelap" in dark.message("id") and "gelap-dapur.jpg" in dark.message("id")
    assert "Photo 2 is dark" in dark.message("en") and "/255" in dark.message("en")


def test_png_bytes_in_memory_round_trip() -> None:
    buffer = io.BytesIO()
    scene((400, 400), 1).save(buffer, "PNG")
    buffer.seek(0)
    assert facts_of(Image.open(buffer))["fill"] > 0.8


# ------------------------------------------------------------------ URLs (local server only)
@pytest.fixture
def photo_server(tmp_path: Path):
    import functools
    import http.server
    import threading

    save(tmp_path, "web.jpg", scene((700, 700), 2), "JPEG")
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(tmp_path))
    handler.log_message = lambda *args: None  # type: ignore[attr-defined]
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_url_is_fetched_only_when_network_is_allowed(photo_server: str, tmp_path: Path) -> None:
    url = f"{photo_server}/web.jpg"
    assert photo_facts(Photo(1, url), tmp_path, False)["refused"]
    facts = photo_facts(Photo(1, url), tmp_path, True)
    assert facts["errors"] is None and facts["width"] == 700 and facts["file"] == "web.jpg"
    missing = photo_facts(Photo(1, f"{photo_server}/nope.jpg"), tmp_path, True)
    assert missing["errors"] and "not fetched" in missing["errors"]
    assert photo_facts(Photo(1, "ftp://example.com/a.jpg"), tmp_path, True)["refused"]


def test_url_size_cap_and_timeout(photo_server: str) -> None:
    from listing_quality.photo_source import FetchError, fetch

    with pytest.raises(FetchError, match="size cap"):
        fetch(f"{photo_server}/web.jpg", max_bytes=1000)
    with pytest.raises(FetchError):
        fetch("http://127.0.0.1:9/unreachable.jpg", timeout=0.5)


def test_a_listing_without_photos_gets_the_facts_the_general_path_gives() -> None:
    from listing_quality.features import photos as photo_features
    from listing_quality.types import Listing

    fast = photo_features.no_photos()
    assert fast == photo_features.photo_lists([])
    assert list(fast) == list(photo_features.photo_lists([]))  # same keys, same order
    again = photo_features.no_photos()
    assert all(fast[k] is not again[k] for k in fast if isinstance(fast[k], list))  # fresh
    assert photo_features.measure(Listing(id="x", title="Keripik"), None) == fast

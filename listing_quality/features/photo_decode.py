"""Open a photo once, safely, and hand back its header facts and one small RGB array.

Decoding is the expensive part of judging a photo, so it happens exactly once and at
reduced size: JPEG files are decoded in draft mode (the codec skips DCT detail, 1/2 to 1/8
scale), other formats are reduced with `Image.reduce` (integer box filter), and the result
is resized to a fixed working size. Resolution comes from the header, never from pixels.
`thumbnail()` is avoided on purpose: it is several times slower than a draft decode.

Every exotic input is normalised here so the metrics see plain 8-bit RGB: EXIF orientation
is applied, CMYK/16-bit/float/palette images are converted, and transparency is flattened
onto white (a marketplace shows a cut-out on white). A broken file raises `PhotoError`
with a reason a seller can act on; callers turn it into a finding.
"""

from __future__ import annotations

import functools
import io
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import yaml
from PIL import Image, ImageFile

from .photo_heif import register_heif

SETTINGS_FILE = Path(__file__).with_name("photo_settings.yaml")
# Pillow's decompression-bomb guard stays on; we refuse even to measure above it.
MAX_PIXELS = Image.MAX_IMAGE_PIXELS or 89_478_485
MAX_FILE_BYTES = 50 * 1024 * 1024
ImageFile.LOAD_TRUNCATED_IMAGES = False  # a truncated file is a finding, not a grey photo
# EXIF orientation -> the transposes that display the photo upright
ORIENTATION = {2: (Image.Transpose.FLIP_LEFT_RIGHT,), 3: (Image.Transpose.ROTATE_180,),
               4: (Image.Transpose.FLIP_TOP_BOTTOM,), 5: (Image.Transpose.TRANSPOSE,),
               6: (Image.Transpose.ROTATE_270,), 7: (Image.Transpose.TRANSVERSE,),
               8: (Image.Transpose.ROTATE_90,)}
HIGH_BIT_MODES = {"I", "F", "I;16", "I;16B", "I;16L", "I;16N"}
# Formats whose codec can decode at 1/2..1/8 scale. Phones write MPO (a JPEG with a second,
# preview image); missing it would fully decode every 12 MP phone photo.
DRAFT_FORMATS = {"JPEG", "MPO"}


_CALLER_IMAGES = threading.Lock()


class PhotoError(Exception):
    """A photo that cannot be measured; the message is shown to the seller."""


@dataclass(frozen=True)
class Decoded:
    """Header facts of one photo and its working image (uint8, height x width x 3)."""

    width: int
    height: int
    format: str | None
    array: np.ndarray


@functools.lru_cache(maxsize=1)
def settings() -> dict[str, Any]:
    """Measurement constants from photo_settings.yaml (data, not code)."""
    return yaml.safe_load(SETTINGS_FILE.read_text(encoding="utf-8"))


def decode_file(path: Path) -> tuple[int, Decoded]:
    """Return (file size in bytes, decoded photo) or raise PhotoError."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise PhotoError(f"file not found: {path.name}") from exc
    if size == 0:
        raise PhotoError(f"empty file: {path.name}")
    if size > MAX_FILE_BYTES:
        raise PhotoError(f"file larger than {MAX_FILE_BYTES // 2**20} MB")
    return size, _open(path)


def decode_bytes(data: bytes) -> Decoded:
    """Decode a photo held in memory (a fetched URL) or raise PhotoError."""
    if not data:
        raise PhotoError("empty file")
    return _open(io.BytesIO(data))


def _open(source: Path | io.BytesIO) -> Decoded:
    register_heif()
    try:
        with Image.open(source) as image:
            return decode_image(image)
    except PhotoError:
        raise
    except Exception as exc:
        raise PhotoError(f"not a readable image ({type(exc).__name__})") from exc


def decode_caller_image(image: Image.Image) -> Decoded:
    """Decode a PIL image the *caller* owns, leaving it exactly as it was handed over.

    `draft()` would shrink the caller's object in place (a second score of the same
    object then saw a 375 px photo instead of 3000 px) and `seek` would move its frame;
    Pillow's lazy `load()` is not thread-safe either. So: no draft, the frame put back,
    and one caller-owned image decoded at a time (files we open ourselves run in
    parallel).
    """
    with _CALLER_IMAGES:
        frame = _tell(image)
        try:
            return decode_image(image, draft=False)
        finally:
            if frame:
                image.seek(frame)


def _tell(image: Image.Image) -> int:
    try:
        return int(image.tell())
    except Exception:  # noqa: BLE001 - not every image-like object has frames
        return 0


def decode_image(image: Image.Image, draft: bool = True) -> Decoded:
    """Decode an opened image to the working array, once (`draft`: may shrink `image`)."""
    width, height = image.size
    if not width or not height or width * height > MAX_PIXELS:
        raise PhotoError(f"{width}x{height} is over the pixel limit or empty")
    orientation = _orientation(image)
    work = settings()["work_px"]
    if draft and image.format in DRAFT_FORMATS:
        scale = work / max(width, height)
        image.draft("RGB", (max(1, int(width * scale)), max(1, int(height * scale))))
    if getattr(image, "n_frames", 1) > 1:
        image.seek(0)  # an animated GIF/WebP is judged by its first frame
    small = _to_rgb(_reduce(_flat_mode(image), work))
    for step in ORIENTATION.get(orientation, ()):
        small = small.transpose(step)
    if orientation in (5, 6, 7, 8):
        width, height = height, width
    return Decoded(width, height, image.format, np.asarray(small, dtype=np.uint8))


def _orientation(image: Image.Image) -> int:
    try:
        return int(image.getexif().get(0x0112, 1))
    except Exception:  # noqa: BLE001 - a corrupt EXIF block must not lose the photo
        return 1


def _flat_mode(image: Image.Image) -> Image.Image:
    """Modes `reduce` cannot take (palette, 1-bit, 16-bit) become 8-bit RGB(A)/L first."""
    if image.mode in HIGH_BIT_MODES:
        values = np.asarray(image, dtype=np.float32)
        top = float(values.max()) if values.size else 0.0
        scale = 255.0 / top if top > 255 else 1.0
        return Image.fromarray(np.clip(values * scale, 0, 255).astype(np.uint8), "L")
    if image.mode in ("P", "PA"):
        transparent = "transparency" in image.info or image.mode == "PA"
        return image.convert("RGBA" if transparent else "RGB")
    if image.mode in ("1", "CMYK", "YCbCr", "LAB", "HSV", "La", "RGBa", "RGBX"):
        return image.convert("RGB")
    return image


def _reduce(image: Image.Image, work: int) -> Image.Image:
    """Integer box-reduce close to the working size, then resize to it exactly."""
    width, height = image.size
    factor = max(width, height) // work
    if factor >= 2:
        image = image.reduce(factor)
        width, height = image.size
    scale = work / max(width, height)
    size = (max(1, round(width * scale)), max(1, round(height * scale)))
    if size == image.size:
        return image
    # BILINEAR, not the cheaper BOX: BOX keeps aliasing that reads as false sharpness and
    # as false text strokes on textured food (measured on the real photos, docs/photos.md)
    return image.resize(size, Image.Resampling.BILINEAR)


def _to_rgb(image: Image.Image) -> Image.Image:
    """Flatten transparency onto white and make plain RGB."""
    if image.mode in ("RGBA", "LA"):
        rgba = image.convert("RGBA")
        white = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        return Image.alpha_composite(white, rgba).convert("RGB")
    return image if image.mode == "RGB" else image.convert("RGB")

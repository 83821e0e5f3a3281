"""Small inline JPEG thumbnails for the HTML report, read only from inside `images_root`.

The report must work offline and be mailed as one file, so photos travel as base64
``data:`` URIs. Paths come from the catalog (untrusted): `photo_source.resolve` refuses
anything outside `images_root`, URLs are never fetched, oversized files and images are
never decoded, and JPEG draft mode decodes at a fraction of full size. A photo that
cannot be shown is simply not shown — the findings already say why.
"""

from __future__ import annotations

import base64
import functools
import io
import warnings
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml
from PIL import Image, ImageOps

from listing_quality.photo_source import resolve

ASSETS = Path(__file__).with_name("assets")


@functools.lru_cache(maxsize=1)
def settings() -> dict[str, Any]:
    """The report's data file (limits and labels), parsed once per process."""
    with (ASSETS / "html.yaml").open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def thumbnail(ref: Any, root: Path | None) -> str | None:
    """A ``data:image/jpeg;base64,...`` URI, or None when the photo may not or cannot be read."""
    if root is None or not isinstance(ref, str):
        return None
    limits = settings()["thumbnails"]
    path, _reason = resolve(ref, root, allow_network=False)
    try:
        if path is None or not path.is_file() or path.stat().st_size > limits["max_bytes"]:
            return None
        return _encode(path, limits)
    except Exception:  # noqa: BLE001 - any unreadable photo is just a missing thumbnail
        return None


def _encode(path: Path, limits: Mapping[str, Any]) -> str | None:
    size = int(limits["size"])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # DecompressionBombWarning: we check the size below
        with Image.open(path) as image:
            if image.width * image.height > limits["max_pixels"]:
                return None
            image.draft("RGB", (size * 2, size * 2))  # JPEG: decode at 1/2..1/8 scale
            small = ImageOps.exif_transpose(image)
            small.thumbnail((size, size))
            buffer = io.BytesIO()
            small.convert("RGB").save(buffer, "JPEG", quality=int(limits["quality"]))
    return "data:image/jpeg;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")

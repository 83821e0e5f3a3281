"""Photo measurements read from each file's header: count, pixel size, aspect, bytes.

Pillow's `Image.open` parses only the header, so size comes without decoding pixels; the
photo-quality issue adds decoded metrics (sharpness, exposure, background) on one reduced
decode per photo.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PIL import Image, UnidentifiedImageError

from ..types import Listing, Photo
from .photo_source import resolve

# Pillow's own bomb guard decodes nothing above this; we refuse even to measure it.
MAX_PIXELS = 89_478_485
MAX_FILE_BYTES = 50 * 1024 * 1024


def measure(listing: Listing, context: Any) -> dict[str, Any]:
    root = getattr(context, "images_root", None)
    network = getattr(context, "allow_network", False)
    facts = [photo_facts(p, root, network) for p in listing.photos]
    width = [f["width"] for f in facts]
    height = [f["height"] for f in facts]
    sides = list(zip(width, height, strict=True))
    return {
        "photos.count": len(facts),
        "photos.readable_count": sum(1 for f in facts if f["error"] is None),
        "photos.readable": [f["error"] is None and f["refused"] is None for f in facts],
        "photos.errors": [f["error"] if f["refused"] is None else None for f in facts],
        "photos.refused": [f["refused"] for f in facts],
        "photos.width": width,
        "photos.height": height,
        "photos.short_side": [min(w, h) if w and h else None for w, h in sides],
        "photos.aspect": [round(w / h, 4) if w and h else None for w, h in sides],
        "photos.bytes": [f["bytes"] for f in facts],
    }


def photo_facts(photo: Photo, root: Path | None, allow_network: bool) -> dict[str, Any]:
    facts: dict[str, Any] = {"width": None, "height": None, "bytes": None, "error": None,
                             "refused": None}
    if photo.image is not None:
        facts["width"], facts["height"] = photo.image.size
        return facts
    path, refused = resolve(photo.ref, root, allow_network)
    if refused:
        facts["refused"] = refused
        facts["error"] = refused
        return facts
    facts.update(_header(path))
    return facts


def _header(path: Path) -> dict[str, Any]:
    try:
        size = path.stat().st_size
    except OSError:
        return {"error": f"file not found: {path.name}"}
    if size == 0:
        return {"bytes": 0, "error": f"empty file: {path.name}"}
    if size > MAX_FILE_BYTES:
        return {"bytes": size, "error": f"file larger than {MAX_FILE_BYTES // 2**20} MB"}
    try:
        with Image.open(path) as image:
            width, height = image.size
            image_format = image.format
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError) as exc:
        return {"bytes": size, "error": f"not a readable image ({type(exc).__name__})"}
    if width * height > MAX_PIXELS:
        return {"bytes": size, "error": f"{width}x{height} is over the pixel limit"}
    return {"bytes": size, "width": width, "height": height, "format": image_format}

"""Photo measurements: size from the header, quality from one reduced decode per photo.

Each photo is opened once (`photo_decode`), and every metric — sharpness, exposure,
contrast, colour cast, background, product fill, clutter, text overlay, collage panels,
perceptual signature — reads the same small working array (`photo_metrics`, `photo_hash`).

Per-photo features are lists of records `{"file": name, "value": v}`, one per photo in the
seller's order, so a finding can say *which* photo ("Foto 2 (dapur.jpg)") — the `photo`
rule kind reads them. `photos.files` and the counts are plain values.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath
from typing import Any

import numpy as np

from ..photo_source import FetchError, fetch, resolve
from ..types import Listing, Photo
from . import photo_metrics as pm
from .photo_decode import (
    MAX_PIXELS,
    Decoded,
    PhotoError,
    decode_bytes,
    decode_caller_image,
    decode_file,
    settings,
)
from .photo_hash import same_photo, signature

__all__ = ["MAX_PIXELS", "measure", "photo_facts"]

PER_PHOTO = ("width", "height", "short_side", "aspect", "bytes", "errors", "refused",
             "sharpness", "brightness", "highlights", "shadows", "contrast", "colour_cast",
             "background_white", "background_light", "text_overlay", "panels",
             "signature", "duplicate_of")
MAIN_ONLY = ("background_light", "fill", "clutter")  # judged on the main (first) photo only
MIN_TEXTURE_PX = 8  # a working image thinner than this (a 1 x 300 px strip) has no texture
_LIST_FACTS = ("photos.readable", "photos.files", *(f"photos.{n}" for n in PER_PHOTO),
               *(f"photos.main_{n}" for n in MAIN_ONLY))


def measure(listing: Listing, context: Any) -> dict[str, Any]:
    if not listing.photos:  # most rows of a text-only catalog: same facts, a fifth the time
        return no_photos()
    root = getattr(context, "images_root", None)
    network = getattr(context, "allow_network", False)
    facts = [photo_facts(p, root, network) for p in listing.photos]
    return photo_lists(facts)


def no_photos() -> dict[str, Any]:
    """`photo_lists([])`: zero counts and a fresh empty list for every other fact."""
    out: dict[str, Any] = {"photos.count": 0, "photos.readable_count": 0}
    for name in _LIST_FACTS:
        out[name] = []
    return out


def photo_lists(facts: list[dict[str, Any]]) -> dict[str, Any]:
    """The listing's photo facts from each photo's own (duplicates marked here)."""
    _mark_duplicates(facts)
    out: dict[str, Any] = {
        "photos.count": len(facts),
        "photos.readable_count": sum(1 for f in facts if _readable(f)),
        "photos.readable": [_readable(f) for f in facts],
        "photos.files": [f["file"] for f in facts],
    }
    for name in PER_PHOTO:
        out[f"photos.{name}"] = [_record(f, name) for f in facts]
    for name in MAIN_ONLY:
        out[f"photos.main_{name}"] = [_record(f, name) for f in facts[:1]]
    return out


def _record(facts: dict[str, Any], name: str) -> dict[str, Any]:
    """One photo's value; `skip` marks a photo that was never opened.

    The `photo` kind judges a readable photo whose value is None (nothing to measure:
    no blown highlights on a white backdrop) as passing, and skips unreadable photos
    (D006/D007 report them). So whether a rule applies depends only on which photos
    could be opened, never on what they show — and fixing a photo never lowers a score.
    """
    record = {"file": facts["file"], "value": facts.get(name)}
    if not _readable(facts) and name not in ("errors", "refused"):
        record["skip"] = True
    return record


def photo_facts(photo: Photo, root: Path | None, allow_network: bool) -> dict[str, Any]:
    """Everything measured about one photo; a broken file gets `errors`, never raises.

    An in-memory object that is not an image at all is a bug in the caller, not a bad
    photo: it propagates and `features.extract` records it as a measurement error (D008).
    """
    facts: dict[str, Any] = {"file": _file_name(photo), "errors": None, "refused": None}
    try:
        if photo.image is not None:
            decoded = decode_caller_image(photo.image)
        else:
            path, refused = resolve(photo.ref, root, allow_network)
            if refused:  # D007 reports it; `errors` is for files that were opened
                facts["refused"] = refused
                return facts
            facts["bytes"], decoded = _decode_url(photo.ref) if path is None else decode_file(path)
    except (PhotoError, FetchError) as exc:
        facts["errors"] = str(exc)
        return facts
    facts.update(_quality(decoded))
    return facts


def _decode_url(url: str) -> tuple[int, Decoded]:
    """Fetch (time and size capped) and decode a photo URL the caller allowed."""
    data = fetch(url)
    return len(data), decode_bytes(data)


def _quality(decoded: Decoded) -> dict[str, Any]:
    """Header sizes plus every metric of the working array."""
    cfg = settings()
    rgb = decoded.array
    gray = pm.luma(rgb)
    hist = pm.histogram(gray)
    bg = pm.background(rgb, cfg)
    width, height = decoded.width, decoded.height
    facts: dict[str, Any] = {
        "width": width, "height": height, "short_side": min(width, height),
        "aspect": round(width / height, 4), "format": decoded.format,
        **pm.exposure(hist, cfg), **_texture(rgb, gray, hist, bg, cfg),
        "colour_cast": pm.colour_cast(bg, cfg),
        "background_white": bg["white"], "background_light": bg["light"],
        "signature": signature(gray, rgb, cfg["hash_size"]),
    }
    if bg["white"] >= 0.5:  # a white background is meant to be blown out
        facts["highlights"] = None
    return facts


def _texture(rgb: np.ndarray, gray: np.ndarray, hist: np.ndarray, bg: dict[str, Any],
             cfg: dict[str, Any]) -> dict[str, Any]:
    """Metrics that read neighbouring pixels; a sliver of a few pixels has none of them."""
    if min(gray.shape) < MIN_TEXTURE_PX:
        return {"sharpness": None, "fill": None, "clutter": None, "text_overlay": None,
                "panels": None}
    return {"sharpness": pm.sharpness(gray, cfg), "fill": pm.fill(rgb, bg, cfg),
            "clutter": pm.clutter(gray, bg, cfg), "text_overlay": pm.text_overlay(gray, hist, cfg),
            "panels": pm.panels(gray, cfg)}


def _mark_duplicates(facts: list[dict[str, Any]]) -> None:
    """`duplicate_of`: the earlier photo of this listing showing the same picture."""
    cfg = settings()
    for i, current in enumerate(facts):
        sig = current.get("signature")
        for j, earlier in enumerate(facts[:i], start=1):
            other = earlier.get("signature")
            if sig and other and same_photo(sig, other, cfg):
                current["duplicate_of"] = f"{j} ({earlier['file']})"
                break


def _readable(facts: dict[str, Any]) -> bool:
    return facts["errors"] is None and facts["refused"] is None


def _file_name(photo: Photo) -> str:
    """The name a seller recognises: the file name without folders (or '<image>')."""
    if photo.image is not None and photo.ref in ("", "<image>"):
        return "<image>"
    name = PurePosixPath(str(photo.ref).replace("\\", "/")).name
    return name[:80] or str(photo.ref)[:80] or "—"

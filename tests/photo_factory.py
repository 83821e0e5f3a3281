"""Realistic synthetic product photos for tests, made with Pillow (no real photo is copied).

`scene()` draws a packshot — a pouch with a printed label on a light, plain background,
filling most of the frame, the way a curator wants a main photo — and `degrade()` spoils
it one way at a time (blur, dark, clutter, text caption, collage, colour cast, ...), so a
rule case or a property test changes exactly one thing. `seed` varies the product's
colour and layout, so three seeds give three different photos (not duplicates).
"""

from __future__ import annotations

import functools
import io
import random
from pathlib import Path
from typing import Any

from PIL import Image, ImageDraw, ImageEnhance, ImageFilter

PALETTE = [(200, 40, 40), (30, 110, 60), (40, 70, 170), (220, 150, 20), (120, 50, 140),
           (20, 130, 140)]


def scene(size: tuple[int, int] = (1000, 1000), seed: int = 1,
          background: tuple[int, int, int] = (250, 250, 248)) -> Image.Image:
    """A pouch on a plain light background, filling about 86% of the frame's height."""
    rng = random.Random(seed)
    width, height = size
    image = Image.new("RGB", size, background)
    draw = ImageDraw.Draw(image)
    colour = PALETTE[(seed - 1) % len(PALETTE)]
    w_share = 0.45 + 0.2 * rng.random()
    left = int(width * (0.5 - w_share / 2 + 0.08 * (rng.random() - 0.5)))
    box = (left, int(height * 0.07), left + int(width * w_share), int(height * 0.93))
    draw.rounded_rectangle(box, radius=max(2, width // 30), fill=colour,
                           outline=(40, 40, 40), width=max(1, width // 250))
    _label(draw, box, rng)
    return image


def _label(draw: ImageDraw.ImageDraw, box: tuple[int, int, int, int],
           rng: random.Random) -> None:
    """A printed label: a light panel, a round logo and a few thick bars (no thin text)."""
    x0, y0, x1, y1 = box
    w, h = x1 - x0, y1 - y0
    panel = (x0 + w // 8, y0 + h // 4, x1 - w // 8, y0 + 3 * h // 4)
    draw.rectangle(panel, fill=(245, 235, 210))
    r = max(3, w // 8)
    cx, cy = (x0 + x1) // 2, panel[1] + r + h // 20
    draw.ellipse((cx - r, cy - r, cx + r, cy + r), fill=(60, 30, 20))
    bar_h = max(3, h // 30)
    for i in range(3):
        top = cy + r + bar_h * (2 + 2 * i)
        length = int((panel[2] - panel[0]) * (0.5 + 0.4 * rng.random()))
        draw.rectangle((panel[0] + w // 16, top, panel[0] + w // 16 + length, top + bar_h),
                       fill=(90, 60, 40))


def degrade(image: Image.Image, how: str, seed: int = 1) -> Image.Image:
    """One realistic defect: blur, dark, flat, cast, clutter, text, collage, small, far, ..."""
    width, height = image.size
    if how == "blur":
        return image.filter(ImageFilter.GaussianBlur(max(width, height) * 0.006))
    if how == "dark":
        return ImageEnhance.Brightness(image).enhance(0.25)
    if how == "flat":
        return ImageEnhance.Contrast(image).enhance(0.15)
    if how == "cast":
        r, g, b = image.split()
        return Image.merge("RGB", (r.point(lambda v: v * 0.8), g.point(lambda v: v * 0.9), b))
    if how == "clutter":
        return _clutter(image, seed)
    if how == "text":
        return _caption(image)
    if how == "collage":
        return _collage(image, seed)
    if how == "small":
        return _small(image)
    if how == "far":
        return _far(image)
    if how == "overexposed":
        return ImageEnhance.Brightness(_clutter(image, seed)).enhance(2.4)
    raise ValueError(f"unknown degradation {how!r}")


def _clutter(image: Image.Image, seed: int) -> Image.Image:
    """The product shot in a busy room: random furniture-like blocks all around it."""
    rng = random.Random(seed)
    width, height = image.size
    room = Image.new("RGB", image.size, (120, 100, 80))
    draw = ImageDraw.Draw(room)
    for _ in range(2500):  # many small things: tools, bags, cables, a calendar
        x, y = rng.randrange(width), rng.randrange(height)
        w, h = rng.randrange(3, max(4, width // 14)), rng.randrange(3, max(4, height // 14))
        draw.rectangle((x, y, x + w, y + h), fill=tuple(rng.randrange(256) for _ in range(3)))
    product = image.resize((width // 2, height // 2))
    room.paste(product, (width // 4, height // 4))
    return room


def _caption(image: Image.Image) -> Image.Image:
    """An Instagram-style caption: lines of text across a dark band."""
    out = image.copy()
    draw = ImageDraw.Draw(out)
    width, height = out.size
    draw.rectangle((0, int(height * 0.72), width, int(height * 0.95)), fill=(20, 20, 20))
    line = "PROMO Keripik Pedas 250g Rp15.000 Order Sekarang " * 4
    step = max(12, height // 16)
    for row in range(3):
        draw.text((8, int(height * 0.74) + row * step), line, fill=(255, 255, 255),
                  font_size=max(10, step - 2))
    return out


def _collage(image: Image.Image, seed: int) -> Image.Image:
    """A 2 x 2 collage of four different shots with white gutters."""
    width, height = image.size
    out = Image.new("RGB", image.size, (255, 255, 255))
    tile = (width // 2 - 6, height // 2 - 6)
    for i in range(4):
        shot = scene(tile, seed=seed + i, background=(200 - 30 * i, 180, 160 + 20 * i))
        out.paste(shot, ((i % 2) * (width // 2) + 3, (i // 2) * (height // 2) + 3))
    return out


def _far(image: Image.Image) -> Image.Image:
    """Shot from too far away: the product spans under half the frame."""
    out = Image.new("RGB", image.size, image.getpixel((0, 0)))
    product = image.resize((image.width * 2 // 5, image.height * 2 // 5))
    out.paste(product, (image.width * 3 // 10, image.height * 3 // 10))
    return out


def _small(image: Image.Image) -> Image.Image:
    """Downscale to a quarter of the size: what a screenshot or chat app leaves."""
    return image.resize((max(1, image.width // 4), max(1, image.height // 4)),
                        Image.Resampling.BILINEAR)


def write_scene(path: Path, spec: dict[str, Any]) -> None:
    """Write the photo a rule case describes: `scene` with optional `defect` and `size`."""
    size = tuple(spec.get("size", [1000, 1000]))
    path.write_bytes(_encoded(size, int(spec.get("seed", 1)), spec.get("defect"),
                              spec.get("format", "JPEG")))


@functools.lru_cache(maxsize=64)
def _encoded(size: tuple[int, ...], seed: int, defect: str | None, fmt: str) -> bytes:
    """Encoded bytes of one scene; cached because every rule case writes the same bases."""
    image = scene((size[0], size[1]), seed)
    if defect:
        image = degrade(image, defect, seed)
    buffer = io.BytesIO()
    image.save(buffer, fmt, **({"quality": 90} if fmt == "JPEG" else {}))
    return buffer.getvalue()

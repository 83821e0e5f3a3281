"""Photos for the sample catalog: a product from samples_shapes.py on a backdrop, in one of
several views, then spoiled by the defects sellers' photos typically have.

`PhotoSpec` (in samples_shapes) is the interface; the same spec always gives the same pixels
(every random choice comes from a generator seeded with the file name).
"""

from __future__ import annotations

import dataclasses
import math
import random

from PIL import Image, ImageDraw, ImageEnhance, ImageFilter
from samples_shapes import (
    ASPECT,
    GREY,
    SHAPES,
    TEXTURE,
    WHITE,
    Box,
    Color,
    Look,
    PhotoSpec,
    fit,
    font,
    ibox,
    ink,
    pattern_tile,
    pieces,
    shade,
    text_in,
    width,
)

FAKE_PHONE = "WA 0812-3456-7890"
SOFTEN = 1.0  # px of blur on every photo: no lens is pixel-sharp (and JPEGs get smaller)
JPEG_QUALITY = 70  # keeps the whole sample under 10 MB


# ---------------------------------------------------------------------------------------------
# backgrounds and views


def background(img: Image.Image, kind: str, rng: random.Random) -> None:
    """white/grey: a seamless studio backdrop; table: a wall and a wooden table top;
    cluttered: a busy room (many random coloured rectangles and circles)."""
    d = ImageDraw.Draw(img)
    w, h = img.size
    if kind == "grey":
        d.rectangle((0, 0, w, h), fill=GREY)
    elif kind == "table":
        d.rectangle((0, 0, w, h * 0.55), fill=(243, 238, 228))
        d.rectangle((0, h * 0.55, w, h), fill=(198, 152, 106))
        for k in range(1, 5):
            y = h * 0.55 + h * 0.45 * k / 5
            d.line((0, y, w, y), fill=(170, 125, 84), width=3)
    elif kind == "cluttered":
        d.rectangle((0, 0, w, h), fill=(rng.randrange(90, 170), rng.randrange(80, 160),
                                        rng.randrange(70, 150)))
        for _ in range(45):
            col = (rng.randrange(256), rng.randrange(256), rng.randrange(256))
            cx, cy = rng.uniform(0, w), rng.uniform(0, h)
            r = rng.uniform(0.03, 0.16) * w
            if rng.random() < 0.5:
                d.rectangle((cx - r, cy - r * rng.uniform(0.3, 1.2), cx + r, cy + r), fill=col)
            else:
                d.ellipse((cx - r, cy - r, cx + r, cy + r), fill=col)
    else:
        d.rectangle((0, 0, w, h), fill=WHITE)


def product(img, d, b: Box, lk: Look, s: PhotoSpec, rng, bg: Color | None = None) -> Box:
    """Draw the product as large as fits in `b`, with a floor shadow on plain backdrops;
    return the box it took."""
    pb = fit(b, ASPECT[s.shape])
    if bg is not None:
        x0, _, x1, y1 = pb
        w = x1 - x0
        d.ellipse((x0 + w * 0.05, y1 - w * 0.035, x1 - w * 0.05, y1 + w * 0.035),
                  fill=shade(bg, 0.88))
    SHAPES[s.shape](img, d, pb, lk, s, rng)
    return pb


def variants(lk: Look) -> list[Look]:
    """Three flavours/colourways for a line-up: the same pack with its colours rotated."""
    m = lk.main
    return [lk, Look((m[1], m[2], m[0]), lk.accent, shade(lk.content, 0.85)),
            Look((m[2], m[0], m[1]), lk.accent, shade(lk.content, 1.1))]


def view_label(img, d, b: Box, s: PhotoSpec) -> None:
    """Close-up of the back label: the facts a buyer (and the checker) looks for."""
    x0, y0, x1, y1 = b
    w, h = x1 - x0, y1 - y0
    d.rounded_rectangle(b, radius=w * 0.04, fill=s.look.accent, outline=shade(s.look.accent, 0.6),
                        width=width(w))
    fg = ink(s.look.accent)
    text_in(d, ((x0 + x1) / 2, y0 + h * 0.1), s.label or s.product, w * 0.8, h * 0.09, fg)
    text_in(d, ((x0 + x1) / 2, y0 + h * 0.2), s.product, w * 0.8, h * 0.055, fg)
    y = y0 + h * 0.3
    for line in s.lines[:4]:
        size = h * 0.045
        while size > 9 and d.textlength(line, font=font(size)) > w * 0.86:
            size *= 0.92
        d.text((x0 + w * 0.07, y), line, font=font(size), fill=fg)
        y += h * 0.075
    if s.halal:
        cx, cy, r = x1 - w * 0.15, y1 - h * 0.14, w * 0.08
        d.ellipse((cx - r, cy - r, cx + r, cy + r), fill=(120, 40, 130))
        text_in(d, (cx, cy), "HALAL", r * 1.6, r * 0.5, (255, 255, 255))
    bx = x0 + w * 0.07
    for k in range(22):
        bw = 3 + (k * 7 % 5) * 2
        d.rectangle((bx, y1 - h * 0.2, bx + bw, y1 - h * 0.07), fill=(20, 20, 20))
        bx += bw + 3


def view_detail(img, d, b: Box, s: PhotoSpec, rng) -> None:
    """Close-up of the material or motif, with a small maker's tag."""
    tb = ibox(b)
    name = s.pattern if s.shape in ("cloth", "shirt", "bag") else TEXTURE.get(s.shape, "weave")
    zoom = (tb[2] - tb[0]) // 2  # a close-up: the motif twice as big as on the whole cloth
    img.paste(pattern_tile(name or "weave", tb[2] - tb[0], tb[3] - tb[1], s.look, rng, zoom),
              tb[:2])
    x0, _, x1, y1 = b
    w = x1 - x0
    tag = (x1 - w * 0.36, y1 - w * 0.16, x1 - w * 0.04, y1 - w * 0.04)
    d.rounded_rectangle(tag, radius=w * 0.02, fill=(245, 240, 228), outline=(120, 100, 80), width=2)
    text_in(d, ((tag[0] + tag[2]) / 2, (tag[1] + tag[3]) / 2), s.label or s.product,
            (tag[2] - tag[0]) * 0.9, w * 0.04, (60, 45, 30))


def arrow(d, a: tuple[float, float], z: tuple[float, float], col: Color, lw: int) -> None:
    d.line((a, z), fill=col, width=lw)
    for p in (a, z):
        d.ellipse((p[0] - lw * 2, p[1] - lw * 2, p[0] + lw * 2, p[1] + lw * 2), fill=col)


def view_scale(img, d, b: Box, s: PhotoSpec, rng, bg: Color | None) -> None:
    """The product with dimension lines and the size written on the photo."""
    x0, y0, x1, y1 = b
    w, h = x1 - x0, y1 - y0
    inner = (x0 + w * 0.12, y0 + h * 0.05, x1 - w * 0.12, y1 - h * 0.2)
    pb = product(img, d, inner, s.look, s, rng, bg)
    col, lw = (60, 60, 60), width(w)
    arrow(d, (pb[0], y1 - h * 0.12), (pb[2], y1 - h * 0.12), col, lw)
    arrow(d, (x1 - w * 0.06, pb[1]), (x1 - w * 0.06, pb[3]), col, lw)
    text_in(d, ((x0 + x1) / 2, y1 - h * 0.04), s.lines[0] if s.lines else "", w * 0.8, h * 0.06,
            col)


def view_props(img, d, b: Box, s: PhotoSpec, rng) -> None:
    """Styled shot on a table: the product and something beside it (a plate or a plant)."""
    x0, y0, x1, y1 = b
    w, h = x1 - x0, y1 - y0
    product(img, d, (x0, y0 + h * 0.05, x0 + w * 0.62, y1), s.look, s, rng, None)
    px0, py0, px1, py1 = x0 + w * 0.62, y1 - h * 0.28, x1, y1 - h * 0.06
    if s.shape in ("pouch", "jar", "bottle", "box", "toples", "roll"):
        d.ellipse((px0, py0, px1, py1), fill=(252, 252, 250), outline=(200, 200, 200), width=3)
        pieces(d, (px0 + w * 0.06, py0 + h * 0.04, px1 - w * 0.06, py1 - h * 0.05),
               s.look.content, rng, 12, w * 0.035)
    else:
        d.rectangle((px0 + w * 0.08, py0, px1 - w * 0.08, py1), fill=(180, 90, 60))
        for k in range(7):
            cx = px0 + w * 0.19 + (k - 3) * w * 0.03
            d.ellipse((cx - w * 0.04, py0 - h * (0.12 + 0.03 * (k % 3)), cx + w * 0.04, py0),
                      fill=(60, 130 + 10 * (k % 3), 60))


def compose(s: PhotoSpec, size: tuple[int, int], rng: random.Random) -> Image.Image:
    """Draw the view on its background at `size` (before any defect)."""
    w, h = size
    img = Image.new("RGB", size, WHITE)
    if s.view == "collage":
        half = (w // 2, h // 2)
        bgs = ("white", "cluttered", "grey", "table")
        for k, lk in enumerate([*variants(s.look), s.look]):
            panel = Image.new("RGB", half, WHITE)
            background(panel, bgs[k], rng)
            pd = ImageDraw.Draw(panel)
            product(panel, pd, (half[0] * 0.12, half[1] * 0.1, half[0] * 0.88, half[1] * 0.92),
                    lk, s, rng)
            img.paste(panel, ((k % 2) * half[0], (k // 2) * half[1]))
        d = ImageDraw.Draw(img)
        d.line((w / 2, 0, w / 2, h), fill=WHITE, width=8)
        d.line((0, h / 2, w, h / 2), fill=WHITE, width=8)
        d.ellipse((w / 2 - w * 0.12, h / 2 - w * 0.12, w / 2 + w * 0.12, h / 2 + w * 0.12),
                  fill=(230, 40, 40))
        text_in(d, (w / 2, h / 2), "BEST SELLER", w * 0.2, w * 0.04, (255, 240, 0))
        return img
    background(img, s.background, rng)
    d = ImageDraw.Draw(img)
    bg = {"white": WHITE, "grey": GREY}.get(s.background)  # floor shadow on studio backdrops
    box: Box = (w * 0.1, h * 0.08, w * 0.9, h * 0.92)
    if s.background == "cluttered":
        sc = rng.uniform(0.45, 0.6)
        ox, oy = rng.uniform(0.05, 0.95 - sc), rng.uniform(0.05, 0.95 - sc)
        box = (w * ox, h * oy, w * (ox + sc), h * (oy + sc))
    if s.view == "lineup":
        for k, lk in enumerate(variants(s.look)):
            sub = (box[0] + (box[2] - box[0]) * k / 3, box[1] + (box[3] - box[1]) * 0.15,
                   box[0] + (box[2] - box[0]) * (k + 1) / 3, box[3])
            product(img, d, (sub[0] + w * 0.01, sub[1], sub[2] - w * 0.01, sub[3]), lk, s, rng,
                    bg)
    elif s.view == "label":
        view_label(img, d, (w * 0.12, h * 0.1, w * 0.88, h * 0.9), s)
    elif s.view == "detail":
        view_detail(img, d, (w * 0.06, h * 0.06, w * 0.94, h * 0.94), s, rng)
    elif s.view == "scale":
        view_scale(img, d, box, s, rng, bg)
    elif s.view == "props":
        view_props(img, d, box, s, rng)
    else:
        product(img, d, box, s.look, s, rng, bg)
    return img


# ---------------------------------------------------------------------------------------------
# defects: how sellers' photos go wrong


def promo_overlay(img: Image.Image) -> None:
    """Big promo text bands and a phone number burnt into the photo (marketplaces reject it)."""
    d = ImageDraw.Draw(img)
    w, h = img.size
    d.rectangle((0, 0, w, h * 0.18), fill=(220, 20, 30))
    text_in(d, (w / 2, h * 0.09), "PROMO!! GRATIS ONGKIR", w * 0.92, h * 0.12, (255, 235, 0))
    d.rectangle((0, h * 0.84, w, h), fill=(20, 20, 20))
    text_in(d, (w / 2, h * 0.92), FAKE_PHONE, w * 0.9, h * 0.09, (255, 255, 255))
    cx, cy, r = w * 0.82, h * 0.32, w * 0.12
    star = []
    for k in range(16):
        rr = r if k % 2 == 0 else r * 0.7
        star.append((cx + rr * math.cos(k * math.pi / 8), cy + rr * math.sin(k * math.pi / 8)))
    d.polygon(star, fill=(255, 220, 0))
    text_in(d, (cx, cy), "-50%", r * 1.2, r * 0.6, (200, 0, 0))


def own_look(look: Look, filename: str) -> Look:
    """The product's colours nudged per listing (keyed by the id in the file name).

    Real sellers' pouches and baskets differ in tint and print even within one product
    type; without this, two listings of the same template drew pixel-identical photos and
    the catalog's duplicate-photo rule rightly called them the same photo. Files shared on
    purpose keep one name, so they stay identical.
    """
    rng = random.Random(f"look:{filename.rsplit('-', 1)[0]}")

    def nudge(colour: tuple[int, int, int], step: int) -> tuple[int, int, int]:
        return tuple(max(0, min(255, c + rng.randint(-step, step))) for c in colour)

    return Look(nudge(look.main, 40), nudge(look.accent, 25), nudge(look.content, 12))


def render(s: PhotoSpec) -> Image.Image:
    """The finished photo, defects applied."""
    rng = random.Random(f"2026:{s.filename}")
    s = dataclasses.replace(s, look=own_look(s.look, s.filename))
    size = s.size
    if "tiny" in s.defects:
        size = (s.size[0] * 3, s.size[1] * 3)
    img = compose(s, size, rng)
    if not s.filename.endswith(".png"):  # a PNG is a screenshot/export: crisp, not a photo
        img = img.filter(ImageFilter.GaussianBlur(SOFTEN))
    if "promo" in s.defects:
        promo_overlay(img)
    if "dark" in s.defects:
        img = ImageEnhance.Brightness(img).enhance(0.25)
    if "overexposed" in s.defects:
        img = ImageEnhance.Contrast(ImageEnhance.Brightness(img).enhance(1.8)).enhance(0.6)
    if "blurred" in s.defects:
        img = img.filter(ImageFilter.GaussianBlur(rng.uniform(6, 10)))
    if "tiny" in s.defects:
        img = img.resize(s.size, Image.Resampling.LANCZOS)
    return img


def save(s: PhotoSpec, path) -> None:
    img = render(s)
    if str(path).endswith(".png"):
        img.save(path, format="PNG", optimize=True)
    else:
        img.save(path, format="JPEG", quality=JPEG_QUALITY, optimize=True)

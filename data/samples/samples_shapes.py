"""Shapes for the sample catalog's photos: products and batik/tenun motifs drawn with Pillow.

Why shapes and not real photos: the sample has to be small, licence-free and reproducible, yet
the photo checks (size, aspect ratio, brightness, sharpness, clutter, text overlays, duplicate
files) need pictures that behave like real ones. A product drawn as flat shapes on a plain
backdrop has crisp edges and an even background, like a decent studio shot; samples_photos.py
puts it on a backdrop and spoils it the way sellers' phone photos usually go wrong.

Each draw_<shape> function draws into a box that already has the shape's ASPECT ratio.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass
from functools import lru_cache

from PIL import Image, ImageDraw, ImageFont

Color = tuple[int, int, int]
Box = tuple[float, float, float, float]

WHITE: Color = (250, 250, 250)
GREY: Color = (236, 236, 238)


@dataclass(frozen=True)
class Look:
    """The three colours of one product: packaging/body, label/accent, and the food or fibre."""

    main: Color
    accent: Color
    content: Color


@dataclass(frozen=True)
class PhotoSpec:
    """Everything needed to draw one photo file.

    view: hero | lineup | label | props | detail | scale | collage
    background: white | grey | table | cluttered
    defects: any of dark, blurred, overexposed, tiny, promo (applied in that order of effect)
    """

    filename: str
    shape: str
    look: Look
    pattern: str = ""
    label: str = ""
    product: str = ""
    netto: str = ""
    lines: tuple[str, ...] = ()
    halal: bool = False
    view: str = "hero"
    size: tuple[int, int] = (900, 900)
    background: str = "white"
    defects: tuple[str, ...] = ()


# ---------------------------------------------------------------------------------------------
# small helpers


@lru_cache(maxsize=128)
def font(size: float) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    """Pillow's bundled font, so the pixels do not depend on the fonts of the machine."""
    return ImageFont.load_default(size=max(8, int(size)))


def shade(c: Color, f: float) -> Color:
    return (min(255, int(c[0] * f)), min(255, int(c[1] * f)), min(255, int(c[2] * f)))


def mix(a: Color, b: Color, t: float) -> Color:
    return (
        int(a[0] + (b[0] - a[0]) * t),
        int(a[1] + (b[1] - a[1]) * t),
        int(a[2] + (b[2] - a[2]) * t),
    )


def ink(bg: Color) -> Color:
    """Dark text on light labels, light text on dark ones."""
    lum = 0.299 * bg[0] + 0.587 * bg[1] + 0.114 * bg[2]
    return (30, 30, 30) if lum > 140 else (248, 246, 240)


def fit(box: Box, aspect: float) -> Box:
    """Largest sub-box of `box` with width/height == aspect, centred."""
    x0, y0, x1, y1 = box
    w, h = x1 - x0, y1 - y0
    if w / h > aspect:
        nw = h * aspect
        x0 += (w - nw) / 2
        return (x0, y0, x0 + nw, y1)
    nh = w / aspect
    y0 += (h - nh) / 2
    return (x0, y0, x1, y0 + nh)


def ibox(b: Box) -> tuple[int, int, int, int]:
    return (round(b[0]), round(b[1]), round(b[2]), round(b[3]))


def text_in(d: ImageDraw.ImageDraw, xy, text: str, max_w: float, size: float, fill: Color):
    """Centred text, shrunk until it fits max_w."""
    while size > 9 and d.textlength(text, font=font(size)) > max_w:
        size *= 0.9
    d.text(xy, text, font=font(size), fill=fill, anchor="mm")


def width(w: float) -> int:
    return max(2, round(w * 0.012))


def pieces(d: ImageDraw.ImageDraw, b: Box, c: Color, rng: random.Random, n: int, r: float):
    """Chips, seeds or crumbs seen through a window: blobs in shades of the content colour."""
    x0, y0, x1, y1 = b
    for _ in range(n):
        rr = r * rng.uniform(0.6, 1.0)
        cx = rng.uniform(x0 + rr, x1 - rr)
        cy = rng.uniform(y0 + rr, y1 - rr)
        col = shade(c, rng.uniform(0.75, 1.15))
        d.ellipse((cx - rr, cy - rr * 0.7, cx + rr, cy + rr * 0.7), fill=col)


def paste_masked(img: Image.Image, tile: Image.Image, b: Box, polygon: list[tuple[float, float]]):
    """Paste a pattern tile into `img` through a polygon mask (for shirts, baskets, bags)."""
    x0, y0 = round(b[0]), round(b[1])
    mask = Image.new("L", tile.size, 0)
    ImageDraw.Draw(mask).polygon([(x - x0, y - y0) for x, y in polygon], fill=255)
    img.paste(tile, (x0, y0), mask)


# ---------------------------------------------------------------------------------------------
# patterns: batik, tenun and material textures, drawn as tiles


def pattern_tile(name: str, w: int, h: int, look: Look, rng: random.Random,
                 cell: int = 0) -> Image.Image:
    """A w x h tile of the named motif, repeating every `cell` px (default: a quarter of the
    tile). Batik motifs are simplified but recognisable."""
    w, h = max(8, w), max(8, h)
    main, accent, third = look.main, look.accent, look.content
    tile = Image.new("RGB", (w, h), accent)
    d = ImageDraw.Draw(tile)
    s = cell or max(24, min(w, h) // 3)
    if name == "parang":
        for k in range(-h, w + h, s):
            d.line((k, h, k + h, 0), fill=main, width=max(3, s // 3))
            d.line((k + s // 2, h, k + s // 2 + h, 0), fill=third, width=max(1, s // 14))
            for t in range(0, h, s):
                cx, cy = k + s // 2 + (h - t) + s // 4, t
                d.ellipse((cx - s // 9, cy - s // 9, cx + s // 9, cy + s // 9), fill=main)
    elif name == "kawung":
        for gy in range(0, h + s, s):
            for gx in range(0, w + s, s):
                a, b = s * 0.46, s * 0.3
                for dx, dy, ex, ey in ((0, -1, b, a), (0, 1, b, a), (-1, 0, a, b), (1, 0, a, b)):
                    cx, cy = gx + dx * s * 0.26, gy + dy * s * 0.26
                    d.ellipse((cx - ex / 2, cy - ey / 2, cx + ex / 2, cy + ey / 2), fill=main,
                              outline=third, width=2)
                d.ellipse((gx - 3, gy - 3, gx + 3, gy + 3), fill=third)
    elif name == "mega_mendung":
        tile.paste(accent, (0, 0, w, h))
        step = int(s * 1.6)
        for row, gy in enumerate(range(0, h + step, step)):
            for gx in range(-step if row % 2 else 0, w + step, step * 2):
                for i, f in enumerate((1.0, 0.8, 0.6, 0.4, 0.2)):
                    col = mix(main, (255, 255, 255), i * 0.18)
                    for ox, oy, r in ((0, 0, 0.5), (-0.45, 0.12, 0.36), (0.45, 0.12, 0.36)):
                        rr = r * f * step
                        cx, cy = gx + ox * step * 0.9, gy + oy * step
                        d.ellipse((cx - rr, cy - rr * 0.8, cx + rr, cy + rr * 0.8), fill=col)
    elif name == "flowers":  # truntum / sekar jagad / sidomukti: small flowers on a dark ground
        tile.paste(main, (0, 0, w, h))
        for row, gy in enumerate(range(0, h + s, s)):
            for gx in range(0 if row % 2 else s // 2, w + s, s):
                for k in range(8):
                    ang = k * math.pi / 4
                    px, py = gx + 0.22 * s * math.cos(ang), gy + 0.22 * s * math.sin(ang)
                    d.ellipse((px - s * 0.08, py - s * 0.08, px + s * 0.08, py + s * 0.08),
                              fill=accent)
                d.ellipse((gx - s * 0.07, gy - s * 0.07, gx + s * 0.07, gy + s * 0.07), fill=third)
    elif name == "diamonds":  # tenun ikat, troso, songket
        tile.paste(main, (0, 0, w, h))
        for gy in range(0, h + s, s):
            for gx in range(0, w + s, s):
                for f, col in ((0.48, accent), (0.3, third), (0.12, main)):
                    r = s * f
                    d.polygon([(gx, gy - r), (gx + r, gy), (gx, gy + r), (gx - r, gy)], fill=col)
    elif name in ("stripes", "checks"):  # lurik, sarung
        cols = (main, accent, third, shade(main, 0.6))
        x = 0
        while x < w:
            sw = rng.choice((8, 14, 24, 40))
            d.rectangle((x, 0, x + sw, h), fill=cols[rng.randrange(4)])
            x += sw
        if name == "checks":
            over = tile.copy()
            od = ImageDraw.Draw(over)
            y = 0
            while y < h:
                sw = rng.choice((12, 24, 40))
                od.rectangle((0, y, w, y + sw), fill=cols[rng.randrange(4)])
                y += sw + rng.choice((12, 24))
            tile = Image.blend(tile, over, 0.45)
    elif name == "weave":  # pandan, rotan, bambu
        cell = max(10, s // 2)
        for gy in range(0, h, cell):
            for gx in range(0, w, cell):
                even = (gx // cell + gy // cell) % 2 == 0
                col = main if even else shade(main, 0.82)
                d.rectangle((gx + 1, gy + 1, gx + cell - 2, gy + cell - 2), fill=col)
                if even:
                    d.line((gx + 2, gy + cell // 2, gx + cell - 3, gy + cell // 2),
                           fill=shade(main, 0.9), width=1)
        tile.paste(shade(main, 0.55), (0, 0, w, 0))
    elif name == "wood":
        tile.paste(main, (0, 0, w, h))
        for i in range(0, h, max(5, s // 5)):
            amp = rng.uniform(2, s * 0.25)
            pts = [(x, i + amp * math.sin(x / (s * 0.8) + i)) for x in range(0, w + 20, 20)]
            d.line(pts, fill=shade(main, rng.uniform(0.75, 0.9)), width=2)
    elif name == "clay":
        tile.paste(main, (0, 0, w, h))
        for i in range(0, h, s // 2):
            d.line((0, i, w, i), fill=shade(main, 0.85), width=3)
        for x in range(0, w, s // 2):
            d.line((x, h // 2 - s // 3, x + s // 4, h // 2, x + s // 2, h // 2 - s // 3),
                   fill=shade(main, 0.7), width=4)
    elif name == "leather":
        tile.paste(main, (0, 0, w, h))
        for _ in range(w * h // 900):
            x, y = rng.randrange(w), rng.randrange(h)
            d.point((x, y), fill=shade(main, 0.88))
        m = s // 3
        for x in range(m, w - m, 14):
            d.line((x, m, x + 7, m), fill=accent, width=2)
            d.line((x, h - m, x + 7, h - m), fill=accent, width=2)
    return tile


# ---------------------------------------------------------------------------------------------
# products: one function per shape, each draws into the box it is given


def draw_label(d, b: Box, s: PhotoSpec, bg: Color, big: float) -> None:
    """Brand, product name and net quantity, the way a UMKM sticker label reads."""
    x0, y0, x1, y1 = b
    cx, h, w = (x0 + x1) / 2, y1 - y0, x1 - x0
    fg = ink(bg)
    text_in(d, (cx, y0 + h * 0.3), s.label or s.product, w * 0.86, big, fg)
    if s.label and s.product:
        text_in(d, (cx, y0 + h * 0.6), s.product, w * 0.86, big * 0.55, fg)
    if s.netto:
        text_in(d, (cx, y0 + h * 0.84), s.netto, w * 0.86, big * 0.45, fg)


def draw_pouch(img, d, b: Box, lk: Look, s: PhotoSpec, rng) -> None:
    x0, y0, x1, y1 = b
    w, h = x1 - x0, y1 - y0
    lw = width(w)
    d.rounded_rectangle((x0, y0, x1, y1), radius=w * 0.08, fill=lk.main,
                        outline=shade(lk.main, 0.7), width=lw)
    zy = y0 + h * 0.09
    d.line((x0 + lw * 2, zy, x1 - lw * 2, zy), fill=shade(lk.main, 0.78), width=lw * 2)
    label = (x0 + w * 0.12, y0 + h * 0.17, x1 - w * 0.12, y0 + h * 0.57)
    d.rounded_rectangle(label, radius=w * 0.05, fill=lk.accent)
    draw_label(d, label, s, lk.accent, h * 0.08)
    win = (x0 + w * 0.26, y0 + h * 0.63, x1 - w * 0.26, y0 + h * 0.92)
    d.rounded_rectangle(win, radius=w * 0.06, fill=mix(lk.content, WHITE, 0.35),
                        outline=WHITE, width=lw)
    pieces(d, (win[0] + lw, win[1] + lw, win[2] - lw, win[3] - lw), lk.content, rng, 14, w * 0.08)


def draw_jar(img, d, b: Box, lk: Look, s: PhotoSpec, rng) -> None:
    x0, y0, x1, y1 = b
    w, h = x1 - x0, y1 - y0
    lw = width(w)
    body = (x0, y0 + h * 0.13, x1, y1)
    d.rounded_rectangle(body, radius=w * 0.14, fill=lk.content, outline=shade(lk.content, 0.6),
                        width=lw)
    pieces(d, (x0 + w * 0.1, y0 + h * 0.2, x1 - w * 0.1, y1 - h * 0.05), lk.content, rng, 40,
           w * 0.035)
    d.rounded_rectangle((x0 + w * 0.07, y0 + h * 0.2, x0 + w * 0.14, y1 - h * 0.08),
                        radius=w * 0.03, fill=mix(lk.content, WHITE, 0.5))
    lid = (x0 + w * 0.05, y0, x1 - w * 0.05, y0 + h * 0.15)
    d.rounded_rectangle(lid, radius=w * 0.03, fill=lk.accent, outline=shade(lk.accent, 0.7),
                        width=lw)
    for i in range(1, 12):
        x = lid[0] + (lid[2] - lid[0]) * i / 12
        d.line((x, lid[1] + h * 0.02, x, lid[3] - h * 0.02), fill=shade(lk.accent, 0.8), width=lw)
    label = (x0, y0 + h * 0.38, x1, y0 + h * 0.8)
    d.rectangle(label, fill=lk.main)
    draw_label(d, label, s, lk.main, h * 0.085)


def draw_bottle(img, d, b: Box, lk: Look, s: PhotoSpec, rng) -> None:
    x0, y0, x1, y1 = b
    w, h = x1 - x0, y1 - y0
    cx, lw = (x0 + x1) / 2, width(w)
    edge = shade(lk.content, 0.65)
    d.polygon([(cx - w * 0.16, y0 + h * 0.2), (cx + w * 0.16, y0 + h * 0.2), (x1, y0 + h * 0.34),
               (x0, y0 + h * 0.34)], fill=lk.content, outline=edge)
    d.rectangle((cx - w * 0.16, y0 + h * 0.07, cx + w * 0.16, y0 + h * 0.21), fill=lk.content,
                outline=edge, width=lw)
    d.rounded_rectangle((x0, y0 + h * 0.3, x1, y1), radius=w * 0.14, fill=lk.content,
                        outline=edge, width=lw)
    d.rounded_rectangle((cx - w * 0.22, y0, cx + w * 0.22, y0 + h * 0.08), radius=w * 0.04,
                        fill=lk.accent)
    d.rounded_rectangle((x0 + w * 0.1, y0 + h * 0.36, x0 + w * 0.2, y1 - h * 0.05),
                        radius=w * 0.05, fill=mix(lk.content, WHITE, 0.45))
    label = (x0, y0 + h * 0.46, x1, y0 + h * 0.82)
    d.rectangle(label, fill=lk.main)
    draw_label(d, label, s, lk.main, w * 0.17)


def draw_box(img, d, b: Box, lk: Look, s: PhotoSpec, rng) -> None:
    x0, y0, x1, y1 = b
    w, h = x1 - x0, y1 - y0
    fx1, ty = x0 + w * 0.8, y0 + h * 0.22
    d.polygon([(x0, ty), (x0 + w * 0.2, y0), (x1, y0), (fx1, ty)], fill=shade(lk.main, 1.15))
    d.polygon([(fx1, ty), (x1, y0), (x1, y1 - h * 0.22), (fx1, y1)], fill=shade(lk.main, 0.72))
    d.rectangle((x0, ty, fx1, y1), fill=lk.main, outline=shade(lk.main, 0.6), width=width(w))
    label = (x0 + w * 0.08, ty + h * 0.12, fx1 - w * 0.08, y1 - h * 0.1)
    d.rounded_rectangle(label, radius=w * 0.03, fill=lk.accent)
    draw_label(d, label, s, lk.accent, h * 0.13)


def draw_toples(img, d, b: Box, lk: Look, s: PhotoSpec, rng) -> None:
    x0, y0, x1, y1 = b
    w, h = x1 - x0, y1 - y0
    glass = (226, 233, 240)
    d.rounded_rectangle((x0, y0 + h * 0.16, x1, y1), radius=w * 0.08, fill=glass,
                        outline=(170, 182, 195), width=width(w))
    r = w * 0.1
    for row in range(5):
        cy = y1 - r * 1.3 - row * r * 1.75
        off = r if row % 2 else 0
        cx = x0 + r * 1.35 + off
        while cx < x1 - r * 1.2:
            d.ellipse((cx - r, cy - r * 0.8, cx + r, cy + r * 0.8), fill=lk.content,
                      outline=shade(lk.content, 0.75), width=2)
            d.ellipse((cx - r * 0.15, cy - r * 0.45, cx + r * 0.15, cy - r * 0.2),
                      fill=shade(lk.content, 0.6))
            cx += r * 2.1
    d.rounded_rectangle((x0 - w * 0.02, y0 + h * 0.03, x1 + w * 0.02, y0 + h * 0.17),
                        radius=w * 0.04, fill=lk.accent, outline=shade(lk.accent, 0.7))
    cx, cy, rr = (x0 + x1) / 2, y0 + h * 0.4, w * 0.22
    d.ellipse((cx - rr, cy - rr * 0.75, cx + rr, cy + rr * 0.75), fill=lk.main, outline=WHITE,
              width=width(w))
    text_in(d, (cx, cy - rr * 0.15), s.label or s.product, rr * 1.6, h * 0.07, ink(lk.main))
    if s.netto:
        text_in(d, (cx, cy + rr * 0.35), s.netto, rr * 1.2, h * 0.04, ink(lk.main))


def draw_roll(img, d, b: Box, lk: Look, s: PhotoSpec, rng) -> None:
    """Banana-leaf parcels (gethuk pisang): green cylinders tied with string."""
    x0, y0, x1, y1 = b
    w, h = x1 - x0, y1 - y0
    rh = h * 0.42
    for rx0, ry0 in ((x0, y1 - rh), (x0 + w * 0.42, y1 - rh), (x0 + w * 0.2, y1 - rh * 1.85)):
        rx1, ry1 = rx0 + w * 0.58, ry0 + rh
        d.rounded_rectangle((rx0, ry0, rx1, ry1), radius=rh / 2, fill=lk.main,
                            outline=shade(lk.main, 0.6), width=width(w))
        for k in range(1, 9):
            x = rx0 + (rx1 - rx0) * k / 9
            d.line((x - rh * 0.15, ry0 + rh * 0.12, x + rh * 0.15, ry1 - rh * 0.12),
                   fill=shade(lk.main, 1.18), width=2)
        for t in (0.2, 0.8):
            x = rx0 + (rx1 - rx0) * t
            d.line((x, ry0, x, ry1), fill=lk.accent, width=width(w) * 2)


def draw_cloth(img, d, b: Box, lk: Look, s: PhotoSpec, rng) -> None:
    """A folded length of batik/tenun: patterned top fold, the stacked layers underneath."""
    x0, y0, x1, y1 = b
    w, h = x1 - x0, y1 - y0
    for i in range(4):
        yy = y1 - h * 0.03 * (4 - i)
        d.rectangle((x0 + w * 0.01, yy - h * 0.03, x1 - w * 0.01, yy),
                    fill=shade(lk.main, 0.6 + 0.1 * i))
    top = (x0, y0, x1, y1 - h * 0.12)
    tb = ibox(top)
    img.paste(pattern_tile(s.pattern or "parang", tb[2] - tb[0], tb[3] - tb[1], lk, rng), tb[:2])
    d.rectangle((x0, y0, x0 + w * 0.08, top[3]), fill=shade(lk.main, 0.7))
    th = top[3] - y0
    for k in range(6):
        ty = y0 + th * k / 6
        d.polygon([(x0, ty), (x0 + w * 0.07, ty + th / 12), (x0, ty + th / 6)], fill=lk.accent)
    d.line((x0, (y0 + top[3]) / 2, x1, (y0 + top[3]) / 2), fill=shade(lk.main, 0.5), width=2)
    d.rectangle(top, outline=shade(lk.main, 0.5), width=width(w))


SHIRT = [(0.32, 0.04), (0.42, 0.0), (0.5, 0.08), (0.58, 0.0), (0.68, 0.04), (0.96, 0.22),
         (0.86, 0.42), (0.76, 0.34), (0.76, 1.0), (0.24, 1.0), (0.24, 0.34), (0.14, 0.42),
         (0.04, 0.22)]


def draw_shirt(img, d, b: Box, lk: Look, s: PhotoSpec, rng) -> None:
    x0, y0, x1, y1 = b
    w, h = x1 - x0, y1 - y0
    poly = [(x0 + px * w, y0 + py * h) for px, py in SHIRT]
    tb = ibox((x0, y0, x1, y1))
    tile = pattern_tile(s.pattern or "parang", tb[2] - tb[0], tb[3] - tb[1], lk, rng)
    paste_masked(img, tile, tb, poly)
    d.polygon(poly, outline=shade(lk.main, 0.45), width=width(w))
    d.polygon([(x0 + 0.42 * w, y0), (x0 + 0.5 * w, y0 + 0.08 * h), (x0 + 0.44 * w, y0 + 0.14 * h),
               (x0 + 0.36 * w, y0 + 0.03 * h)], fill=shade(lk.main, 0.6))
    d.polygon([(x0 + 0.58 * w, y0), (x0 + 0.5 * w, y0 + 0.08 * h), (x0 + 0.56 * w, y0 + 0.14 * h),
               (x0 + 0.64 * w, y0 + 0.03 * h)], fill=shade(lk.main, 0.6))
    d.line((x0 + 0.5 * w, y0 + 0.08 * h, x0 + 0.5 * w, y1), fill=shade(lk.main, 0.5), width=3)
    for k in range(6):
        by = y0 + h * (0.18 + 0.14 * k)
        d.ellipse((x0 + 0.5 * w - 6, by - 6, x0 + 0.5 * w + 6, by + 6), fill=(240, 236, 220))


def draw_basket(img, d, b: Box, lk: Look, s: PhotoSpec, rng) -> None:
    x0, y0, x1, y1 = b
    w, h = x1 - x0, y1 - y0
    lw = width(w)
    d.arc((x0 + w * 0.15, y0, x1 - w * 0.15, y0 + h * 0.62), 180, 360,
          fill=shade(lk.main, 0.7), width=lw * 4)
    body = [(x0, y0 + h * 0.32), (x1, y0 + h * 0.32), (x1 - w * 0.12, y1), (x0 + w * 0.12, y1)]
    tb = ibox((x0, y0 + h * 0.3, x1, y1))
    tile = Image.new("RGB", (tb[2] - tb[0], tb[3] - tb[1]), lk.main)
    td = ImageDraw.Draw(tile)
    step = max(12, (tb[2] - tb[0]) // 11)
    for k in range(-tile.height, tile.width + tile.height, step):
        td.line((k, 0, k + tile.height, tile.height), fill=shade(lk.main, 0.7), width=lw * 2)
        td.line((k, tile.height, k + tile.height, 0), fill=shade(lk.main, 1.15), width=lw * 2)
    paste_masked(img, tile, tb, body)
    d.polygon(body, outline=shade(lk.main, 0.55), width=lw)
    d.ellipse((x0, y0 + h * 0.26, x1, y0 + h * 0.38), fill=shade(lk.main, 0.5),
              outline=shade(lk.main, 0.8), width=lw * 3)


def draw_bag(img, d, b: Box, lk: Look, s: PhotoSpec, rng) -> None:
    x0, y0, x1, y1 = b
    w, h = x1 - x0, y1 - y0
    lw = width(w)
    for hx0, hx1 in ((0.2, 0.45), (0.55, 0.8)):
        d.arc((x0 + w * hx0, y0, x0 + w * hx1, y0 + h * 0.5), 180, 360, fill=shade(lk.main, 0.6),
              width=lw * 3)
    body = [(x0 + w * 0.08, y0 + h * 0.26), (x1 - w * 0.08, y0 + h * 0.26), (x1, y1), (x0, y1)]
    tb = ibox((x0, y0 + h * 0.25, x1, y1))
    tile = pattern_tile(s.pattern or "leather", tb[2] - tb[0], tb[3] - tb[1], lk, rng)
    paste_masked(img, tile, tb, body)
    d.polygon(body, outline=shade(lk.main, 0.5), width=lw)
    if s.pattern != "weave":
        d.polygon([(x0 + w * 0.08, y0 + h * 0.26), (x1 - w * 0.08, y0 + h * 0.26),
                   (x0 + w * 0.5, y0 + h * 0.55)], fill=shade(lk.main, 0.8),
                  outline=shade(lk.main, 0.5))
        d.ellipse((x0 + w * 0.47, y0 + h * 0.5, x0 + w * 0.53, y0 + h * 0.56), fill=lk.accent)


def draw_wallet(img, d, b: Box, lk: Look, s: PhotoSpec, rng) -> None:
    x0, y0, x1, y1 = b
    w, h = x1 - x0, y1 - y0
    tb = ibox((x0, y0, x1, y1))
    tile = pattern_tile("leather", tb[2] - tb[0], tb[3] - tb[1], lk, rng)
    mask = Image.new("L", tile.size, 0)
    ImageDraw.Draw(mask).rounded_rectangle((0, 0, tile.width - 1, tile.height - 1),
                                           radius=w * 0.06, fill=255)
    img.paste(tile, tb[:2], mask)
    d.rounded_rectangle((x0, y0, x1, y0 + h * 0.45), radius=w * 0.06, fill=shade(lk.main, 0.8))
    for x in range(round(x0 + w * 0.05), round(x1 - w * 0.05), 16):
        d.line((x, y0 + h * 0.4, x + 8, y0 + h * 0.4), fill=lk.accent, width=2)
    d.ellipse((x0 + w * 0.46, y0 + h * 0.33, x0 + w * 0.54, y0 + h * 0.44), fill=lk.accent)


def draw_pot(img, d, b: Box, lk: Look, s: PhotoSpec, rng) -> None:
    """Gerabah Kasongan: round terracotta body, neck and rim, a carved band."""
    x0, y0, x1, y1 = b
    w, h = x1 - x0, y1 - y0
    lw = width(w)
    d.rectangle((x0 + w * 0.3, y0 + h * 0.06, x1 - w * 0.3, y0 + h * 0.4), fill=shade(lk.main, 0.9))
    d.ellipse((x0, y0 + h * 0.25, x1, y1), fill=lk.main, outline=shade(lk.main, 0.65), width=lw)
    d.ellipse((x0 + w * 0.12, y0 + h * 0.35, x0 + w * 0.32, y0 + h * 0.8),
              fill=shade(lk.main, 1.12))
    band = y0 + h * 0.55
    pts = []
    for k in range(13):
        px = x0 + w * (0.08 + 0.84 * k / 12)
        pts.append((px, band + (h * 0.05 if k % 2 else -h * 0.05)))
    d.line(pts, fill=lk.accent, width=lw * 2)
    d.arc((x0 + w * 0.05, y0 + h * 0.28, x1 - w * 0.05, y1 - h * 0.1), 20, 160,
          fill=shade(lk.main, 0.7), width=lw)
    d.ellipse((x0 + w * 0.22, y0, x1 - w * 0.22, y0 + h * 0.12), fill=shade(lk.main, 0.5),
              outline=shade(lk.main, 1.1), width=lw * 3)


def draw_bowl(img, d, b: Box, lk: Look, s: PhotoSpec, rng) -> None:
    """Teak bowl (kerajinan kayu jati) with visible grain."""
    x0, y0, x1, y1 = b
    w, h = x1 - x0, y1 - y0
    yc = y0 + h * 0.18
    tb = ibox((x0, y0, x1, y1))
    tile = pattern_tile("wood", tb[2] - tb[0], tb[3] - tb[1], lk, rng)
    mask = Image.new("L", tile.size, 0)
    ImageDraw.Draw(mask).chord((0, 2 * (yc - y0) - (y1 - y0), tile.width - 1, tile.height - 1),
                               0, 180, fill=255)
    img.paste(tile, tb[:2], mask)
    d.ellipse((x0, y0, x1, y0 + h * 0.36), fill=shade(lk.main, 0.75),
              outline=shade(lk.main, 1.15), width=width(w) * 2)
    d.ellipse((x0 + w * 0.3, y1 - h * 0.06, x1 - w * 0.3, y1 + h * 0.02), fill=shade(lk.main, 0.6))


SHAPES = {
    "pouch": draw_pouch, "jar": draw_jar, "bottle": draw_bottle, "box": draw_box,
    "toples": draw_toples, "roll": draw_roll, "cloth": draw_cloth, "shirt": draw_shirt,
    "basket": draw_basket, "bag": draw_bag, "wallet": draw_wallet, "pot": draw_pot,
    "bowl": draw_bowl,
}
# width / height of each shape's bounding box
ASPECT = {"pouch": 0.7, "jar": 0.78, "bottle": 0.46, "box": 1.25, "toples": 0.9, "roll": 1.3,
          "cloth": 1.3, "shirt": 1.0, "basket": 1.1, "bag": 1.0, "wallet": 1.4, "pot": 0.82,
          "bowl": 1.6}
# the material a close-up of each shape shows
TEXTURE = {"basket": "weave", "pot": "clay", "bowl": "wood", "wallet": "leather"}

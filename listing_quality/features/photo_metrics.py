"""What a marketplace curator sees in a product photo, as numbers from one small array.

Every function takes the working image that `photo_decode` made (uint8 RGB at a fixed
long side) and returns a plain number, or None when the photo gives nothing to measure.
Because the working size is fixed, no metric depends on the photo's resolution. The
constants come from photo_settings.yaml; judging those numbers is the rubric's job.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np

LUMA = np.array([0.299, 0.587, 0.114], dtype=np.float32)


def luma(rgb: np.ndarray) -> np.ndarray:
    """Perceived brightness 0..255 (ITU-R 601 weights) as int16 integers.

    Integer luma lets every later statistic come from 256-bin histograms (a bincount is
    one pass; a sort-based quantile is several), and int16 holds any difference of two.
    """
    return (rgb.astype(np.float32) @ LUMA + 0.5).astype(np.int16)


def histogram(values: np.ndarray, bins: int = 256) -> np.ndarray:
    """Counts of each integer value 0..bins-1 (values must be non-negative ints)."""
    return np.bincount(values.ravel(), minlength=bins)


def hist_quantile(hist: np.ndarray, q: float) -> float:
    """The q-quantile of the values a histogram counts."""
    cumulative = np.cumsum(hist)
    return float(np.searchsorted(cumulative, q * cumulative[-1], side="left"))


def exposure(hist: np.ndarray, cfg: Mapping[str, Any]) -> dict[str, float]:
    """Mean brightness, share blown to white, share clipped to black, RMS contrast."""
    total = float(hist.sum())
    levels = np.arange(hist.size, dtype=np.float64)
    mean = float(hist @ levels) / total
    variance = max(0.0, float(hist @ (levels * levels)) / total - mean * mean)
    return {
        "brightness": round(mean, 1),
        "highlights": round(float(hist[cfg["highlight_level"]:].sum()) / total, 3),
        "shadows": round(float(hist[:cfg["shadow_level"] + 1].sum()) / total, 3),
        "contrast": round(variance ** 0.5, 1),
    }


def sharpness(gray: np.ndarray, cfg: Mapping[str, Any]) -> float | None:
    """Laplacian / gradient at the strongest edges: high for crisp edges, low for blur.

    An edge blurred over s pixels has gradient ~ C/s and Laplacian ~ C/s^2, so the ratio
    ~ 1/s is independent of the edge's contrast C, and the fixed working size makes it
    independent of resolution. A photo without any edge (a blank wall) returns None.
    """
    # each inner pixel against its four neighbours; the Laplacian is the sum of the four
    # differences (exact in int16), so each neighbour is subtracted once
    centre = gray[1:-1, 1:-1]
    left, up = centre - gray[1:-1, :-2], centre - gray[:-2, 1:-1]
    lap = left + up
    lap += centre - gray[2:, 1:-1]
    lap += centre - gray[1:-1, 2:]
    grad = np.maximum(np.abs(left, out=left), np.abs(up, out=up))
    lap = np.abs(lap, out=lap)
    q = cfg["edge_quantile"]
    edge = hist_quantile(histogram(grad), q)
    if edge < cfg["min_edge"]:
        return None
    return round(hist_quantile(histogram(lap, 1021), q) / edge, 3)


def border_mask(shape: tuple[int, ...], share: float) -> np.ndarray:
    """True on the outer ring of the image, `share` of the short side wide."""
    height, width = shape[:2]
    band = max(1, round(min(height, width) * share))
    mask = np.ones((height, width), dtype=bool)
    mask[band:height - band, band:width - band] = False
    return mask


def background(rgb: np.ndarray, cfg: Mapping[str, Any]) -> dict[str, Any]:
    """Is the border plain and light? Its white, light and uniform shares, median colour.

    The border ring stands for the background: a product is centred, and what reaches
    the edge of the frame is what the buyer reads as "the background".
    """
    ring = _ring(rgb[::2, ::2], cfg["border_share"]).astype(np.int16)  # half res is plenty
    low, high = _channel_min(ring), _channel_max(ring)
    white = (low >= cfg["white_level"]) & (high - low <= cfg["white_spread"])
    light = (low >= cfg["light_level"]) & (high - low <= cfg["light_spread"])
    median = np.median(ring, axis=0)
    near = _channel_max(np.abs(ring - median)) <= cfg["background_tolerance"]
    return {"white": round(float(white.mean()), 3), "plain": round(float(near.mean()), 3),
            "light": round(float((light & near).mean()), 3), "colour": median}


def _channel_max(pixels: np.ndarray) -> np.ndarray:
    """Largest of the three channels (two elementwise maxima beat a reduce over axis 3)."""
    return np.maximum(np.maximum(pixels[..., 0], pixels[..., 1]), pixels[..., 2])


def _channel_min(pixels: np.ndarray) -> np.ndarray:
    return np.minimum(np.minimum(pixels[..., 0], pixels[..., 1]), pixels[..., 2])


def _ring(rgb: np.ndarray, share: float) -> np.ndarray:
    """Pixels of the outer ring as an (n, 3) array, from four slices (no mask copy)."""
    height, width = rgb.shape[:2]
    band = max(1, round(min(height, width) * share))
    parts = [rgb[:band].reshape(-1, 3), rgb[height - band:].reshape(-1, 3),
             rgb[band:height - band, :band].reshape(-1, 3),
             rgb[band:height - band, width - band:].reshape(-1, 3)]
    return np.concatenate(parts)


def fill(rgb: np.ndarray, bg: Mapping[str, Any], cfg: Mapping[str, Any]) -> float | None:
    """How much of the frame the product spans (longer side of its bounding box).

    Amazon asks 85% and Lazada 80% of the frame. Only measurable on a plain background:
    on a busy one every pixel "differs from the background" and the box means nothing.
    """
    if bg["plain"] < cfg["plain_border"]:
        return None
    half = rgb[::2, ::2].astype(np.int16)  # a bounding box needs no full resolution
    diff = _channel_max(np.abs(half - bg["colour"].astype(np.int16)))
    product = diff > cfg["background_tolerance"]
    rows = np.flatnonzero(product.mean(axis=1) >= cfg["product_min_run"])
    cols = np.flatnonzero(product.mean(axis=0) >= cfg["product_min_run"])
    if rows.size == 0 or cols.size == 0:
        return 0.0
    height, width = product.shape
    span_h = (rows[-1] - rows[0] + 1) / height
    span_w = (cols[-1] - cols[0] + 1) / width
    return round(float(max(span_h, span_w)), 3)


def colour_cast(bg: Mapping[str, Any], cfg: Mapping[str, Any]) -> float | None:
    """Channel spread of a plain light background: blue or orange where white was meant.

    White balance can only be judged where something should be neutral. On a busy or
    dark scene the colours are the product's and the props' (a red sambal is not a
    cast), so the cast is None there.
    """
    colour = bg["colour"].astype(np.float32)
    if bg["plain"] < cfg["plain_border"] or float(colour @ LUMA) < cfg["light_level"]:
        return None
    return round(float(colour.max() - colour.min()), 1)


def clutter(gray: np.ndarray, bg: Mapping[str, Any], cfg: Mapping[str, Any]) -> float | None:
    """Share of edge pixels in the outer ring: a busy background around the product.

    On a plain background whatever edges reach the ring belong to the product itself
    (a pouch filling the frame), so clutter is measured only when the border is busy.
    """
    if bg["plain"] >= cfg["plain_border"]:
        return 0.0
    grad = np.maximum(np.abs(np.diff(gray, axis=1))[:-1, :],
                      np.abs(np.diff(gray, axis=0))[:, :-1])
    ring = border_mask(grad.shape, cfg["clutter_ring"])
    return round(float((grad[ring] >= cfg["clutter_edge"]).mean()), 3)


def text_overlay(gray: np.ndarray, hist: np.ndarray, cfg: Mapping[str, Any]) -> float:
    """Densest band of strong, thin, two-sided strokes: captions, price tags, watermarks.

    Text is many short high-contrast steps that go up and come back down within a few
    pixels (a stroke), packed in a horizontal band. Natural texture has soft or one-sided
    steps. Luma is first stretched to the photo's own 1st-99th percentile range, so a
    darkened or hazy copy of a captioned photo still shows its caption. The score is the
    share of columns hit by strokes in the densest band.
    """
    low, high = hist_quantile(hist, 0.01), hist_quantile(hist, 0.99)
    norm = (gray - np.float32(low)) * np.float32(255.0 / max(high - low, 32.0))
    span = cfg["text_step_px"]  # a step measured over 2 px still sees a slightly soft edge
    step = norm[:, span:] - norm[:, :-span]
    up, down = step >= cfg["text_edge"], step <= -cfg["text_edge"]
    stroke = np.zeros_like(up)
    for gap in range(1, cfg["text_stroke_px"] + 1):  # up then down, or down then up
        stroke[:, :-gap] |= (up[:, :-gap] & down[:, gap:]) | (down[:, :-gap] & up[:, gap:])
    starts = np.linspace(0, stroke.shape[0], cfg["text_bands"], endpoint=False).astype(int)
    hits = np.add.reduceat(stroke, np.unique(starts), axis=0) > 0  # band x column
    return round(float(hits.mean(axis=1).max()), 3)


def panels(gray: np.ndarray, cfg: Mapping[str, Any]) -> int:
    """Count collage panels from straight gutters that cross the whole image."""
    inner = slice(2, -2)
    rows = _gutters(gray, cfg)[inner]
    cols = _gutters(gray.T, cfg)[inner]
    return (_runs(rows) + 1) * (_runs(cols) + 1)


def _gutters(gray: np.ndarray, cfg: Mapping[str, Any]) -> np.ndarray:
    """Rows that are one long edge across the image (a panel border)."""
    step = np.abs(np.diff(gray, axis=0))
    edge = (step >= cfg["separator_step"]).mean(axis=1) >= cfg["separator_share"]
    return np.concatenate([edge, [False]])


def _runs(flags: np.ndarray) -> int:
    """Number of separate runs of True (a gutter two pixels thick counts once)."""
    if flags.size == 0:
        return 0
    starts = flags & ~np.concatenate([[False], flags[:-1]])
    return int(starts.sum())

"""A perceptual signature per photo, from the same small working array.

imagehash's own functions resize the full image again (their slowest step); here the
dHash is computed on the working image that every other metric already read, and wrapped
in `imagehash.ImageHash` so `a - b` is the Hamming distance. A 3 x 3 grid of mean colours
rides along: two flavour variants (or two sellers' baskets) photographed the same way
share a hash but not the colour of the product in the middle cells, and they are not
duplicates. A single mean colour was not enough: on a white backdrop the background
dominates it and a clearly different product tint moved it by only a few units.
"""

from __future__ import annotations

from collections.abc import Mapping

import imagehash
import numpy as np
from PIL import Image


def dhash(gray: np.ndarray, size: int = 8) -> imagehash.ImageHash:
    """Difference hash: is each cell brighter than its right neighbour (size x size bits)."""
    return imagehash.ImageHash(_dhash_bits(_gray_image(gray), size))


def _gray_image(gray: np.ndarray) -> Image.Image:
    return Image.fromarray(np.clip(gray, 0, 255).astype(np.uint8), "L")


def _dhash_bits(small: Image.Image, size: int) -> np.ndarray:
    cells = np.asarray(small.resize((size + 1, size), Image.Resampling.BOX), dtype=np.int16)
    return cells[:, 1:] > cells[:, :-1]


def _hex(bits: np.ndarray) -> str:
    """`str(imagehash.ImageHash(bits))`: the bits as one big-endian hex number, padded
    (from packed bytes, not a Python string of 256 '0'/'1' characters)."""
    flat = bits.ravel()
    if flat.size % 8:
        return str(imagehash.ImageHash(bits))
    return np.packbits(flat).tobytes().hex()


def signature(gray: np.ndarray, rgb: np.ndarray, size: int = 8) -> str:
    """'coarse-hex:fine-hex:colours' — structure at two scales, colour in a 3 x 3 grid.

    The coarse hash (size x size) finds candidates fast; the fine one (2*size) tells apart
    two products printed on the same pouch template, which look alike at 8 x 8.
    """
    small = _gray_image(gray)  # one 8-bit image for both hashes
    colour = "".join(f"{round(c):02x}" for c in colour_grid(rgb).ravel().tolist())
    return f"{_hex(_dhash_bits(small, size))}:{_hex(_dhash_bits(small, 2 * size))}:{colour}"


def colour_grid(rgb: np.ndarray, cells: int = 3) -> np.ndarray:
    """Mean colour of each cell of a cells x cells grid (few pixels are enough).

    Cells of a photo smaller than the grid overlap rather than come out empty. Summed as
    integers: exact, so the same floats as a mean over the cell's pixels, without copying
    the strided cell first.
    """
    h, w = rgb.shape[:2]
    means = []
    for r0, r1 in _spans(h, cells):
        for c0, c1 in _spans(w, cells):
            cell = rgb[r0:r1:4, c0:c1:4]
            means.append(cell.sum(axis=(0, 1), dtype=np.int64) / (cell.shape[0] * cell.shape[1]))
    return np.array(means)


def _spans(n: int, cells: int) -> list[tuple[int, int]]:
    starts = [min(n - 1, i * n // cells) for i in range(cells)]
    return [(a, max(a + 1, (i + 1) * n // cells)) for i, a in enumerate(starts)]


Parsed = tuple[imagehash.ImageHash, imagehash.ImageHash, np.ndarray]


def parse(sig: str) -> Parsed | None:
    """Back from a signature to (coarse hash, fine hash, mean colour); None if malformed."""
    try:
        coarse, fine, colour = sig.split(":")
        if len(colour) % 6 or not colour:
            return None
        rgb = np.array([int(colour[i:i + 2], 16) for i in range(0, len(colour), 2)],
                       dtype=np.float32).reshape(-1, 3)
        return imagehash.hex_to_hash(coarse), imagehash.hex_to_hash(fine), rgb
    except (AttributeError, ValueError, TypeError):
        return None


def same_photo(a: str, b: str, limits: Mapping[str, float]) -> bool:
    """True when two signatures show the same picture: structure at both scales, colour."""
    left, right = parse(a), parse(b)
    if (left is None or right is None or left[0].hash.shape != right[0].hash.shape
            or left[2].shape != right[2].shape):
        return False
    colour_gap = float(np.linalg.norm(left[2] - right[2], axis=1).max())
    return ((left[0] - right[0]) <= limits["duplicate_bits"]
            and (left[1] - right[1]) <= limits["duplicate_fine_bits"]
            and colour_gap <= limits["duplicate_colour"])

"""Real photos (../shared/realdata, evaluation only): degradations must lower the score.

Every real photo is scored alone as a listing's only photo, then blurred, darkened,
downscaled and put on a cluttered background; each spoiled copy must score lower than
its original in at least 95% of pairs. The photos are read from ../shared and never
copied; the test skips cleanly when that folder is absent.

`python tests/test_photo_realdata.py` prints what the rules say per folder (docs/photos.md).
"""

from __future__ import annotations

import sys
from collections import Counter, defaultdict
from pathlib import Path

import pytest
from PIL import Image, ImageEnhance, ImageFilter, ImageOps

sys.path.insert(0, str(Path(__file__).parent))
from photo_factory import degrade

import listing_quality as lq

SHARED = Path(__file__).resolve().parents[2] / "shared"
FOLDERS = ("photos-umkm", "photos-more")
SUFFIXES = {".jpg", ".jpeg", ".png", ".webp"}
BASE = {"id": "R", "title": "Keripik Singkong Balado 250 g", "category": "kuliner",
        "price": 15000}


def real_photos() -> list[Path]:
    found = []
    for folder in FOLDERS:
        root = SHARED / "realdata" / folder
        found += sorted(p for p in root.rglob("*") if p.suffix.lower() in SUFFIXES)
    return found


def upright_rgb(path: Path) -> Image.Image:
    """The photo as a buyer sees it: EXIF-rotated, transparency flattened on white."""
    with Image.open(path) as image:
        image = ImageOps.exif_transpose(image)
        if image.mode in ("RGBA", "LA", "P"):
            rgba = image.convert("RGBA")
            white = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
            return Image.alpha_composite(white, rgba).convert("RGB")
        return image.convert("RGB")


def spoil(image: Image.Image, how: str) -> Image.Image:
    """The four degradations of the issue: blur, darken, downscale, cluttered background."""
    if how == "blur":
        return image.filter(ImageFilter.GaussianBlur(max(image.size) * 0.006))
    if how == "darken":
        return ImageEnhance.Brightness(image).enhance(0.35)
    if how == "downscale":
        return degrade(image, "small")
    return degrade(image, "clutter")


def photo_score(image: Image.Image) -> float:
    result = lq.score({**BASE, "photos": [image]}, rubric="kuliner")
    return float(result.dimensions["photos"].score)


def degradation_pairs() -> list[tuple[str, str, float, float]]:
    pairs = []
    for path in real_photos():
        original = upright_rgb(path)
        before = photo_score(original)
        for how in ("blur", "darken", "downscale", "clutter"):
            pairs.append((path.name, how, before, photo_score(spoil(original, how))))
    return pairs


@pytest.mark.slow
def test_degradations_lower_the_photo_score() -> None:
    if not (SHARED / "realdata" / "photos-umkm").is_dir():
        pytest.skip("../shared/realdata is not available")
    pairs = degradation_pairs()
    assert len(pairs) >= 4 * 70
    lower = [after < before for _, _, before, after in pairs]
    misses = [(n, h, round(b, 1), round(a, 1)) for (n, h, b, a), ok in zip(pairs, lower,
                                                                          strict=True) if not ok]
    assert sum(lower) / len(lower) >= 0.95, misses


def group_report() -> None:
    """Per folder: photos, mean photo score, and how often each P/D code fires."""
    groups: dict[str, list[lq.Result]] = defaultdict(list)
    root = SHARED / "realdata"
    for path in real_photos():
        group = str(path.relative_to(root).parent)
        photo = str(path.relative_to(path.parents[1]))
        listing = {**BASE, "id": path.name, "photos": [photo]}
        groups[group].append(lq.score(listing, rubric="kuliner",
                                      images_root=path.parents[1]))
    for group, results in groups.items():
        codes = Counter(c for r in results for c in set(r.codes) if c[0] in "PD")
        mean = sum(r.dimensions["photos"].score for r in results) / len(results)
        top = ", ".join(f"{c} {n}/{len(results)}" for c, n in codes.most_common())
        print(f"| {group} | {len(results)} | {mean:.1f} | {top} |")
    pairs = degradation_pairs()
    for how in ("blur", "darken", "downscale", "clutter"):
        sub = [p for p in pairs if p[1] == how]
        print(how, sum(a < b for *_, b, a in sub), "/", len(sub))
    print("all", sum(a < b for *_, b, a in pairs), "/", len(pairs))


if __name__ == "__main__":
    group_report()

"""Shared test helpers: real image files made with Pillow, listings from rule-case data."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="module")
def catalog() -> pd.DataFrame:
    """The bundled sample catalog, every cell as text (a module may override it)."""
    return pd.read_csv(ROOT / "data" / "samples" / "catalog.csv", dtype=str,
                       keep_default_na=False)


def workbook(sheets: dict[str, list[list[Any]]]) -> Any:
    """A real openpyxl workbook with one sheet per entry; None cells are left empty."""
    import openpyxl

    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        ws = book.create_sheet(name)
        for r, row in enumerate(rows, start=1):
            for c, value in enumerate(row, start=1):
                if value is not None:
                    ws.cell(row=r, column=c, value=value)
    return book


def make_photo(folder: Path, name: str, spec: dict[str, Any]) -> str:
    """Write a real image described by `spec` and return its name relative to `folder`."""
    path = folder / name
    content = spec.get("content")
    if content == "empty":
        path.write_bytes(b"")
        return name
    if content == "garbage":
        path.write_bytes(b"this is not an image at all\n" * 10)
        return name
    if "scene" in spec:  # a realistic packshot, optionally degraded (photo_factory.py)
        from photo_factory import write_scene

        write_scene(path, spec)
        return name
    width, height = spec.get("size", [1000, 1000])
    image = Image.new("RGB", (width, height), tuple(spec.get("color", [235, 235, 230])))
    for x in range(width // 4, 3 * width // 4):  # a darker product block in the middle
        for y in (height // 3, 2 * height // 3):
            image.putpixel((x, y), (120, 60, 20))
    fmt = spec.get("format", "JPEG")
    image.save(path, fmt)
    if content == "truncated":
        path.write_bytes(path.read_bytes()[:200])
    return name


class BrokenImage:
    """An in-memory 'image' whose size is unusable: what a buggy caller might pass."""

    size = None
    mode = "RGB"


def build_listing(data: dict[str, Any], folder: Path) -> dict[str, Any]:
    listing = dict(data)
    broken = listing.pop("_broken_image", False)
    photos = []
    for i, spec in enumerate(listing.get("photos") or [], start=1):
        if isinstance(spec, dict):
            ext = {"PNG": "png", "WEBP": "webp", "GIF": "gif"}.get(spec.get("format"), "jpg")
            photos.append(make_photo(folder, spec.get("name", f"photo-{i}.{ext}"), spec))
        else:
            photos.append(spec)
    if broken:
        photos.append(BrokenImage())
    listing["photos"] = photos
    return listing


@pytest.fixture
def images(tmp_path: Path) -> Path:
    folder = tmp_path / "images"
    folder.mkdir()
    return folder

"""Write the fuzz corpus: broken photos and awkward catalog exports, deterministically.

    .venv/bin/python tests/fuzz/make_corpus.py [OUT_DIR]   (default: tests/fuzz/corpus)

Everything is synthetic (no real-data rows or photos) and fixed, so running the script
twice writes the same files; `manifest.json` records each catalog's ids in order and the
cells that must carry a finding, and whether each photo must be readable (read by
tests/test_fuzz_corpus.py). Photos are tiny; the one big file is the 1 MB title.
"""

from __future__ import annotations

import csv
import io
import json
import re
import struct
import sys
import zipfile
import zlib
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from PIL import Image

HERE = Path(__file__).resolve().parent
FIXED_TIME = (2026, 1, 1, 0, 0, 0)
HEADER = ["id", "title", "price", "category", "photos"]
TITLE = "Keripik Singkong Balado Pedas 250 g"


# ------------------------------------------------------------------------------- photos
def _product(size: tuple[int, int] = (96, 96), mode: str = "RGB") -> Image.Image:
    """A light backdrop with a dark block: enough structure for every photo metric."""
    image = Image.new("RGB", size, (236, 234, 228))
    block = Image.new("RGB", (size[0] // 2, size[1] // 2), (130, 70, 30))
    image.paste(block, (size[0] // 4, size[1] // 4))
    return image if mode == "RGB" else image.convert(mode)


def _save(image: Image.Image, fmt: str, **kwargs: Any) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, fmt, **kwargs)
    return buffer.getvalue()


def _png_header_only(width: int, height: int) -> bytes:
    """A PNG whose header claims width x height, with one tiny IDAT (a bomb's signature)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr)
            + chunk(b"IDAT", zlib.compress(b"\x00" * 64)) + chunk(b"IEND", b""))


def _animated_gif() -> bytes:
    frames = [_product().convert("P"), Image.new("P", (96, 96), 3)]
    return _save(frames[0], "GIF", save_all=True, append_images=frames[1:], duration=100,
                 loop=0)


def _gray16() -> bytes:
    image = Image.new("I;16", (96, 96), 40000)
    image.paste(Image.new("I;16", (48, 48), 9000), (24, 24))
    return _save(image, "PNG")


def _palette_alpha() -> bytes:
    image = _product().convert("P", palette=Image.Palette.ADAPTIVE, colors=8)
    return _save(image, "PNG", transparency=0)


def _exif_rotated() -> bytes:
    exif = Image.Exif()
    exif[0x0112] = 6  # "rotate 90 CW to display": a phone held upright
    return _save(_product((120, 60)), "JPEG", exif=exif.tobytes(), quality=90)


def photos() -> dict[str, tuple[bytes, bool]]:
    """name -> (bytes, readable?) for every awkward photo the issue lists, plus a control."""
    jpeg, png = _save(_product(), "JPEG", quality=90), _save(_product(), "PNG")
    bomb = _save(Image.new("1", (10_000, 9_000), 1), "PNG", optimize=True)
    return {
        "ok.jpg": (jpeg, True),
        "truncated.jpg": (jpeg[: len(jpeg) // 3], False),
        "zero.jpg": (b"", False),
        "truncated.png": (png[: len(png) // 2], False),
        "zero.png": (b"", False),
        "bomb_90mp.png": (bomb, False),  # real pixels, just over Pillow's 89.5 MP limit
        "bomb_header_1600mp.png": (_png_header_only(40_000, 40_000), False),
        "png_named.jpg": (png, True),  # wrong extension: content decides, not the name
        "jpeg_named.png": (jpeg, True),
        "animated.gif": (_animated_gif(), True),
        "cmyk.jpg": (_save(_product(mode="CMYK"), "JPEG", quality=90), True),
        "gray16.png": (_gray16(), True),
        "palette_alpha.png": (_palette_alpha(), True),
        "exif_rotated.jpg": (_exif_rotated(), True),
        "text_named.jpg": (b"this is a text file, not a photo\n" * 4, False),
        "one_pixel.png": (_save(Image.new("RGB", (1, 1), (9, 9, 9)), "PNG"), True),
    }


# ----------------------------------------------------------------------------- catalogs
def _csv_text(rows: Sequence[Sequence[Any]], sep: str = ",") -> str:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=sep, lineterminator="\r\n").writerows(rows)
    return buffer.getvalue()


def _row(i: int, title: str = TITLE, price: Any = "Rp18.000", photo: str = "ok.jpg") -> list:
    return [f"F-{i}", title, price, "kuliner", photo]


def _entry(ids: list[str], cells: Sequence[tuple[int, str, str]] = (),
           header: Sequence[str] = HEADER) -> dict[str, Any]:
    """Manifest entry: ids in order, and the cells that must carry a finding.

    A cell is (sheet row, field, code prefix); its 1-based column is where `field` sits in
    `header` (None when the file has no such column: the finding then names the row only).
    """
    def col(field: str) -> int | None:
        base = field.split("[", 1)[0]
        return header.index(base) + 1 if base in header else None
    return {"ids": ids, "cells": [{"row": r, "field": f, "code": c, "col": col(f)}
                                  for r, f, c in cells]}


def text_catalogs() -> dict[str, tuple[bytes, dict[str, Any]]]:
    """CSV files in every encoding, separator and shape the issue names; broken JSONL."""
    plain = [HEADER, *(_row(i) for i in range(1, 4))]
    latin = [HEADER, _row(1, "Kue Nastar Keju Spesial 500 g Crème"), _row(2, "Dodol Garut Açaí")]
    quotes = [HEADER, _row(1, 'Sambal "Bu Rudy"\nLevel 3, 150 g'), _row(2, "Baris\r\nkedua"),
              _row(3)]
    dups = [HEADER, _row(1), _row(1, "Rengginang Ketan 250 g"), _row(2), _row(1)]
    out = {
        "utf8_bom.csv": ("\ufeff" + _csv_text(plain)).encode("utf-8"),
        "latin1.csv": _csv_text(latin).encode("latin-1"),
        "semicolon.csv": _csv_text(plain, ";").encode("utf-8"),
        "newlines_quotes.csv": _csv_text(quotes).encode("utf-8"),
        "duplicate_ids.csv": _csv_text(dups).encode("utf-8"),
    }
    manifest = {name: _entry(["F-1", "F-2", "F-3"]) for name in out}
    manifest["latin1.csv"] = _entry(["F-1", "F-2"])
    manifest["duplicate_ids.csv"] = _entry(["F-1", "F-1", "F-2", "F-1"])
    manifest["broken_lines.jsonl"] = _entry(["F-1", "2", "3", "F-4", "F-5"], [
        (2, "id", "D001"), (3, "id", "D001"), (4, "title", "T101")], header=())  # JSON: no columns
    out["broken_lines.jsonl"] = "\n".join([
        json.dumps({"id": "F-1", "title": TITLE, "price": 18000}), '{"id": "F-2", "title": ',
        "[1, 2, 3]", json.dumps({"id": "F-4", "harga": "Rp5.000"}),
        json.dumps({"id": "F-5", "title": {"nested": ["junk"]}, "price": [1, None]})]).encode()
    for name, (data, entry) in _shaped_catalogs().items():
        out[name], manifest[name] = data, entry
    return {name: (data, manifest[name]) for name, data in out.items()}


def _shaped_catalogs() -> dict[str, tuple[bytes, dict[str, Any]]]:
    """Missing and extra columns, a 1 MB title, and prices no shop should type."""
    missing = [["title", "harga"], ["Keripik Tempe 100 g", "Rp9.000"], ["Kerupuk Udang"],
               ["", "Rp5.000"]]
    extra = [[*HEADER, "toko", ""], [*_row(1), "Dapur Sri", ""],
             [*_row(2), "Dapur Sri", "", "spill"], _row(3)]
    long_rows = [HEADER, _row(1, "Keripik " + "pedas " * 174_763), _row(2)]
    prices = {"NaN": "D002", "inf": "D002", "-inf": "D002", "-15000": "H10", "gratis": "D002",
              "": "H101", "1e400": "D002", "0": "H102", "Rp18.000": None}
    price_rows = [HEADER, *(_row(i, price=p) for i, p in enumerate(prices, start=1))]
    bad = [(i + 1, "price", code) for i, code in enumerate(prices.values(), start=1) if code]
    return {
        "missing_columns.csv": (_csv_text(missing).encode(), _entry(
            ["2", "3", "4"], [(3, "id", "D001"), (3, "price", "H101"), (4, "title", "T101")],
            ["title", "price"])),
        "extra_columns.csv": (_csv_text(extra).encode(), _entry(
            ["F-1", "F-2", "F-3"], [(3, "id", "D001"), (4, "id", "D001")])),
        "long_title.csv": (_csv_text(long_rows).encode(), _entry(
            ["F-1", "F-2"], [(2, "title", "D003")])),
        "prices.csv": (_csv_text(price_rows).encode(), _entry(
            [f"F-{i}" for i in range(1, len(prices) + 1)], bad)),
    }


def photo_catalog(names: dict[str, bool]) -> tuple[bytes, dict[str, Any]]:
    """One listing per corpus photo; an unreadable one must be D006 on its photos cell."""
    rows = [HEADER, *(_row(i, f"Foto uji {name}", photo=name)
                      for i, name in enumerate(names, start=1))]
    cells = [(i + 1, "photos[1]", "D006") for i, (_, ok) in enumerate(names.items(), start=1)
             if not ok]
    return _csv_text(rows).encode(), _entry([f"F-{i}" for i in range(1, len(rows))], cells)


def workbook() -> tuple[bytes, dict[str, Any]]:
    """XLSX: a guide sheet, an empty sheet, then data with merged cells and formulas."""
    import openpyxl

    book = openpyxl.Workbook()
    guide = book.active
    guide.title = "Petunjuk"
    guide["A1"] = "Isi sheet Produk, satu baris per produk."
    book.create_sheet("Kosong")
    ws = book.create_sheet("Produk")
    for row in [HEADER, _row(1), _row(2, "=1+1", price="=SUM(1,2)"), _row(3), _row(4),
                _row(5, "=HYPERLINK(\"http://x\",\"klik\")")]:
        ws.append(row)
    ws.merge_cells("B4:B5")  # the title of F-3 spans F-4's row: F-4 has no title
    book.properties.created = book.properties.modified = datetime(*FIXED_TIME)
    buffer = io.BytesIO()
    book.save(buffer)
    cells = [(3, "title", "T101"), (5, "title", "T101"), (6, "title", "T101")]
    return _fixed_zip(buffer.getvalue()), _entry([f"F-{i}" for i in range(1, 6)], cells)


def _fixed_zip(data: bytes) -> bytes:
    """Rewrite a ZIP with fixed entry times, so the XLSX bytes do not depend on the clock."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in sorted(src.infolist(), key=lambda i: i.filename):
            body = src.read(info)
            if info.filename == "docProps/core.xml":  # openpyxl stamps "modified" on save
                body = re.sub(rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", b"2026-01-01T00:00:00Z", body)
            dst.writestr(zipfile.ZipInfo(info.filename, FIXED_TIME), body)
    return out.getvalue()


# --------------------------------------------------------------------------------- write
def write(out: Path) -> dict[str, Any]:
    """Write every file under `out` and return the manifest (also saved as JSON)."""
    images = photos()
    (out / "images").mkdir(parents=True, exist_ok=True)
    (out / "catalogs").mkdir(parents=True, exist_ok=True)
    for name, (data, _) in images.items():
        (out / "images" / name).write_bytes(data)
    catalogs = text_catalogs()
    catalogs["photos.csv"] = photo_catalog({n: ok for n, (_, ok) in images.items()})
    catalogs["workbook.xlsx"] = workbook()
    for name, (data, _) in catalogs.items():
        (out / "catalogs" / name).write_bytes(data)
    manifest = {"images": {n: ok for n, (_, ok) in images.items()},
                "catalogs": {n: entry for n, (_, entry) in catalogs.items()}}
    (out / "manifest.json").write_text(json.dumps(manifest, indent=1, sort_keys=True) + "\n",
                                       encoding="utf-8")
    return manifest


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE / "corpus"
    written = write(target)
    print(f"{len(written['images'])} photos, {len(written['catalogs'])} catalogs -> {target}")

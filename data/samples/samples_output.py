"""Output files of the sample catalog: photos/, catalog.csv, catalog_tokopedia.xlsx, README.md.

The README is generated too, so the ids of the deliberate defects it lists always match the data.
"""

from __future__ import annotations

import csv
import io
import re
import shutil
import zipfile
from collections import defaultdict
from pathlib import Path

import openpyxl
from openpyxl.styles import Font
from samples_photos import save
from samples_shapes import PhotoSpec
from samples_text import TIERS, Item

COLUMNS = ("id", "title", "description", "price", "original_price", "category", "brand",
           "weight_g", "stock", "photos")
XLSX_HEADERS = ("SKU", "Nama Produk", "Deskripsi Produk", "Harga (Rp)", "Harga Coret (Rp)",
                "Kategori", "Merek", "Berat (Gram)", "Jumlah Stok", "Foto Produk 1",
                "Foto Produk 2", "Foto Produk 3", "Foto Produk 4", "Foto Produk 5")
XLSX_CATEGORY = {"kuliner": "Makanan & Minuman", "kriya": "Kerajinan Tangan",
                 "busana": "Fashion Batik & Tenun"}



def write_photos(folder: Path, specs: list[PhotoSpec], damage: dict[str, int]) -> None:
    """Draw every photo into a fresh folder, then cut the deliberately damaged files short."""
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()
    for s in specs:
        save(s, folder / s.filename)
    for name, keep in sorted(damage.items()):
        path = folder / name
        path.write_bytes(path.read_bytes()[:keep])


def write_csv(path: Path, rows: list[dict[str, str]]) -> None:
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def cell(value: str) -> int | str | None:
    """Numbers where the CSV holds a plain number, the text otherwise, empty stays empty."""
    if re.fullmatch(r"\d+", value):
        return int(value)
    return value or None


PETUNJUK = (
    "Isi data produk mulai baris 2 pada sheet 'ISI Template Impor Produk'. Jangan mengubah atau "
    "menghapus judul kolom di baris 1.",
    "Harga (Rp), Harga Coret (Rp), Berat (Gram) dan Jumlah Stok diisi angka saja, tanpa titik, "
    "koma atau 'Rp'. Nama Produk maksimal 70 karakter.",
    "Foto Produk 1 wajib diisi (foto utama); Foto Produk 2-5 boleh dikosongkan.",
)


def write_xlsx(path: Path, rows: list[dict[str, str]]) -> None:
    """A marketplace-style bulk-upload sheet of the same listings."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "ISI Template Impor Produk"
    ws.append(XLSX_HEADERS)
    for c in ws[1]:
        c.font = Font(bold=True)
    for r in rows:
        photos = (r["photos"].split("|") if r["photos"] else []) + [None] * 5
        ws.append([r["id"], r["title"], r["description"], cell(r["price"]),
                   cell(r["original_price"]), XLSX_CATEGORY[r["category"]], r["brand"] or None,
                   cell(r["weight_g"]), cell(r["stock"]), *photos[:5]])
    for col, w in zip("ABCDEFGHIJKLMN", (11, 60, 80, 14, 16, 22, 20, 13, 12, *[18] * 5),
                      strict=True):
        ws.column_dimensions[col].width = w
    ws.freeze_panes = "A2"
    guide = wb.create_sheet("Petunjuk")
    for line in PETUNJUK:
        guide.append([line])
    guide.column_dimensions["A"].width = 110
    wb.properties.creator = "listing_quality make_samples.py"
    buf = io.BytesIO()
    wb.save(buf)
    path.write_bytes(stable_zip(buf.getvalue()))


def stable_zip(data: bytes) -> bytes:
    """openpyxl stamps the current time into the zip entries and docProps/core.xml; pin both so
    a re-run does not change the file."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                body = re.sub(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*",
                              rb"\g<1>2026-01-01T00:00:00Z", body)
            entry = zipfile.ZipInfo(info.filename, date_time=(2026, 1, 1, 0, 0, 0))
            entry.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(entry, body)
    return out.getvalue()


# ---------------------------------------------------------------------------------------------
# README.md


README = """\
# Sample catalog

200 made-up UMKM product listings ("a city curating 200 UMKM products for going digital") with
their photos, as a plain CSV and as a Tokopedia-style bulk-upload XLSX of the same listings.
Names, addresses, P-IRT, BPOM and halal numbers are invented; phone numbers are placeholders.

**Generated: do not edit by hand.** Change the generator and re-run from the project root:

    .venv/bin/python data/samples/make_samples.py

`make_samples.py` plans the listings and the deliberate defects; `samples_templates.py` holds
the product facts, `samples_text.py` writes titles and descriptions, `samples_shapes.py` and
`samples_photos.py` draw the photos (Pillow shapes: pouch, jar, bottle, box, cookie jar,
banana-leaf parcel, folded batik/tenun, shirt, basket, bag, wallet, clay pot, teak bowl), and
`samples_output.py` writes the files, this README included. Seeded with `random.Random(2026)`:
`catalog.csv` is byte-identical on every run, the XLSX has pinned timestamps, and the photos are
identical for a given Pillow version. `photos/` is deleted and redrawn on every run.

## Files

{files}

## Columns of catalog.csv

{columns}

In the XLSX, Kategori is "Makanan & Minuman" (kuliner), "Kerajinan Tangan" (kriya) or "Fashion
Batik & Tenun" (busana); price, weight and stock cells are numbers where the CSV holds plain
digits and text otherwise; the photo names are spread over Foto Produk 1-5.

## Quality spread

{tiers}

Main photos of good listings are 800-1000 px square; their secondary photos are 640-720 px (the
back-label close-up is always 640 px), so a "too small" rule should flag below about 600 px. The
deliberately small photos are 480 px (decent tier) or 240-320 px (weak, poor).

Tahu takwa and gethuk pisang keep for days, not months, so even their excellent listings carry
no P-IRT (fresh food is not eligible); they state a shelf life instead.

## Deliberate defects

Computed from the generated data:

{computed}

Written on purpose (listing ids):

{logged}

Photos drawn with a defect (a file may have two; the zero-byte and truncated files were drawn
before being cut):

{photo_defects}

## Tier of every listing

{tier_ids}
"""

FILES = (
    ("`catalog.csv`", "200 rows, UTF-8, comma-separated; text fields are quoted when they hold "
                      "commas, quotes or newlines"),
    ("`catalog_tokopedia.xlsx`", "the same 200 listings: sheet \"ISI Template Impor Produk\" "
                                 "(header in row 1, data from row 2) and a \"Petunjuk\" sheet"),
    ("`photos/`", "{n_files} files ({n_jpg} .jpg, {n_png} .png) named `<id>-<n>.jpg` "
                  "(or `.png`)"),
)
COLUMN_DOCS = (
    ("id", "`UMKM-001` to `UMKM-200` (XLSX: SKU)"),
    ("title", "product name as the seller typed it"),
    ("description", "free text. Good food listings state netto, komposisi, P-IRT or BPOM MD, "
                    "halal, expiry, storage and producer; good craft listings state material, "
                    "technique, size, colour and care"),
    ("price", "selling price in rupiah as typed: mostly plain digits, also `Rp25.000`, `25rb`, "
              "`Rp 1,5jt`, `IDR 25000`, ...; placeholders `0`, `1`, `99999999`, empty, "
              "`hubungi penjual`"),
    ("original_price", "strike-through price (harga coret), same formats; empty when there is "
                       "no discount"),
    ("category", "`kuliner`; `kriya` (anyaman, gerabah, kayu, kulit); `busana` (batik, tenun, "
                 "songket, sarung, lurik, kemeja)"),
    ("brand", "seller's brand; empty, `-`, `No Brand` or `Tidak Ada Merek` when missing"),
    ("weight_g", "shipping weight in grams (not the net weight); sometimes text (`250 gram`, "
                 "`0,3 kg`) or empty"),
    ("stock", "integer; sometimes empty, `0` or `9999`"),
    ("photos", "file names relative to `photos/`, separated by `\\|`; empty means no photo"),
)
TIER_TEXT = {
    "excellent": "specific title within 70 characters (product, variant, brand, netto, origin); "
                 "full label facts, or material, technique, size and care; 3-5 clean photos",
    "decent": "good, with one or two problems: a missing title slot or label fact, an invalid "
              "P-IRT, a text price, a fake discount, an odd weight, stock 0, one small, "
              "off-square or cluttered photo, or a single photo",
    "weak": "short generic title, one- or two-sentence description, often no netto, prices as "
            "text, 1-2 photos of which one is dark, blurred, tiny, off-square, overexposed or "
            "cluttered",
    "poor": "vague, ALL-CAPS, emoji or spam title; promo or empty description (WhatsApp number, "
            "@handle); placeholder price; missing brand, weight or stock; 0-2 bad photos "
            "(promo text, collage, tiny, dark, blurred, cluttered)",
}
DEFECT_TEXT = {
    "duplicate_exact": "same seller listed the same product twice: identical text and photos",
    "duplicate_near": "near-duplicate title (suffix or case changed), same description and "
                      "photos",
    "duplicate_title": "identical title, different description, price and photos",
    "shared_photo": "the second listing reuses the first one's main photo (same seller, another "
                    "variant)",
    "broken_photo_ref": "the photo list names a file that does not exist",
    "zero_byte_photo": "photo file of 0 bytes",
    "truncated_photo": "JPEG cut after 200 bytes",
    "placeholder_price": "price is `0`, `1`, `99999999`, empty or `hubungi penjual`",
    "original_price_below_price": "strike-through price lower than the price",
    "discount_over_70pct": "strike-through price implies a discount above 70%",
    "weight_below_netto": "shipping weight below the stated net weight",
    "pirt_invalid": "P-IRT number too short, or \"sedang dalam proses\"",
    "contact_in_description": "WhatsApp number or @handle in the description",
}


def table(head: tuple[str, ...], rows) -> str:
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def computed_defects(rows: list[dict[str, str]], specs: list[PhotoSpec]) -> list[str]:
    """What a checker should find, measured on the output rather than taken from the plan."""
    drawn = {s.filename for s in specs}
    titles: dict[str, list[str]] = defaultdict(list)
    users: dict[str, list[str]] = defaultdict(list)
    broken = []
    for r in rows:
        titles[" ".join(r["title"].casefold().split())].append(r["id"])
        for name in filter(None, r["photos"].split("|")):
            users[name].append(r["id"])
            if name not in drawn:
                broken.append(f"{r['id']} (`{name}`)")
    dup = ["+".join(ids) for ids in titles.values() if len(ids) > 1]
    shared = [f"`{n}` ({', '.join(ids)})" for n, ids in users.items() if len(ids) > 1]
    return [f"- **identical titles** (ignoring case and spaces): {', '.join(dup)}",
            f"- **photo files used by several listings**: {', '.join(shared)}",
            f"- **photo references to missing files**: {', '.join(broken)} (the `.jpeg` one "
            "exists as `.jpg`)"]


def write_readme(path: Path, items: list[Item], rows: list[dict[str, str]],
                 specs: list[PhotoSpec], log: dict[str, list[str]]) -> None:
    cats = list(XLSX_CATEGORY)
    tier_rows = []
    for tier in TIERS:
        counts = [sum(1 for it in items if it.tier == tier and it.category == c) for c in cats]
        tier_rows.append((tier, *counts, sum(counts), TIER_TEXT[tier]))
    photo_defects: dict[str, list[str]] = defaultdict(list)
    for s in specs:
        kinds = [*s.defects, *(["cluttered"] if s.background == "cluttered" else []),
                 *(["collage"] if s.view == "collage" else []),
                 *(["off-square"] if s.size[0] != s.size[1] and "tiny" not in s.defects else []),
                 *(["small (480 px)"] if s.size == (480, 480) else [])]
        for k in kinds:
            photo_defects[k].append(s.filename)
    n_png = sum(1 for s in specs if s.filename.endswith(".png"))
    files = [(name, text.format(n_files=len(specs), n_jpg=len(specs) - n_png, n_png=n_png))
             for name, text in FILES]
    text = README.format(
        files=table(("file", "content"), files),
        columns=table(("column", "meaning"), [(f"`{c}`", t) for c, t in COLUMN_DOCS]),
        tiers=table(("tier", *cats, "total", "what it looks like"), tier_rows),
        computed="\n".join(computed_defects(rows, specs)),
        logged="\n".join(f"- **{k}**: {DEFECT_TEXT[k]}: {', '.join(log[k])}"
                         for k in DEFECT_TEXT if log.get(k)),
        photo_defects="\n".join(f"- **{k}**: {', '.join(v)}"
                                for k, v in sorted(photo_defects.items())),
        tier_ids="\n".join(f"- **{t}**: " + ", ".join(it.id for it in items if it.tier == t)
                           for t in TIERS))
    path.write_text(text, encoding="utf-8")

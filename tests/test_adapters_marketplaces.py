"""Marketplace exports: real XLSX files built with openpyxl in each template layout.

Layouts follow docs/ecosystem-conventions section 3: Shopee mass upload (keys row 1, data
from row 7), Shopee mass update (keys, marker row, localised labels, Mandatory row,
`ps_item_image.1`), Tokopedia Tambah Sekaligus (both header generations, instructions
above, data from row 4) and the TikTok Shop batch template; with a protected sheet,
merged header cells, an empty trailing (formatted) row block and a second sheet.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from conftest import workbook
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl.styles import PatternFill

from listing_quality.adapters import AdapterError, read_catalog
from listing_quality.adapters.catalog import Record, grid_catalog
from listing_quality.adapters.columns import FIELDS
from listing_quality.adapters.sources import SOURCES, SourceError, detect, profile
from listing_quality.adapters.weights import by_magnitude, column_unit, number, to_grams

SHARED = Path(__file__).resolve().parents[2] / "shared"
MARKETPLACES = Path(__file__).resolve().parents[1] / "listing_quality" / "adapters" / \
    "marketplaces"

SHOPEE_KEYS = ["ps_category", "ps_product_name", "ps_product_description",
               "ps_sku_parent_short", "et_title_variation_integration_no",
               "et_title_variation_1", "et_title_option_for_variation_1", "ps_price",
               "ps_stock", "ps_item_cover_image", "ps_item_image_1", "ps_item_image_2",
               "ps_weight", "channel_id.8003", "et_title_reason"]
SHOPEE_LABELS = ["Kategori", "Nama Produk", "Deskripsi Produk", "SKU Induk",
                 "Kode Integrasi Variasi", "Nama Variasi 1", "Varian untuk Variasi 1",
                 "Harga", "Stok", "Foto Sampul", "Foto Produk 1", "Foto Produk 2",
                 "Berat (kg)", "Reguler (Cashless)", "Alasan Gagal"]


def book_with(sheets, *, protect=(), merge=(), trailing=None):
    """sheets: {name: [row, ...]} in order; `merge`: (sheet, range); `trailing`:
    (sheet, first row, last row) of formatted but empty rows, as Excel leaves them."""
    book = workbook(sheets)
    for name in protect:
        book[name].protection.sheet = True
    for name, cells in merge:
        book[name].merge_cells(cells)
    if trailing:
        name, first, last = trailing
        fill = PatternFill("solid", fgColor="FFFF00")
        for r in range(first, last + 1):
            for c in range(1, 6):
                book[name].cell(row=r, column=c).fill = fill
    return book


def shopee_upload(path, data_rows, *, label_weight="Berat (kg)"):
    labels = [label_weight if k == "ps_weight" else lab
              for k, lab in zip(SHOPEE_KEYS, SHOPEE_LABELS, strict=True)]
    block = [
        SHOPEE_KEYS,
        ["basic_template", "a3f9c0d1e2b4"],  # row 2: template marker (hidden in Excel)
        labels,
        ["Opsional", "Wajib", "Wajib", "Opsional", "Wajib Bersyarat", None, None, "Wajib",
         "Wajib", "Wajib", "Opsional", "Opsional", "Wajib", "Opsional", None],
        ["Pilih kategori", "Masukkan nama produk (5-255 karakter)", "Minimal 20 karakter",
         None, None, None, None, "Rp99 - Rp150.000.000", "0 - 999999", "URL gambar",
         None, None, "0,01 - 500", "Aktif/Nonaktif", None],
        [None] * len(SHOPEE_KEYS),  # row 6 left empty in the template
    ]
    guide = [["Panduan Upload Massal"], ["1. Isi sheet Template mulai baris 7."]]
    book = book_with({"Panduan": guide, "Template": block + data_rows},
                     merge=[("Template", "A5:C5"), ("Panduan", "A1:F1")],
                     trailing=("Template", 7 + len(data_rows) + 2, 7 + len(data_rows) + 40))
    book.save(path)
    return path


def shopee_row(title, price, weight, *, sku="", cover="", photo1="", variation=""):
    row = [None] * len(SHOPEE_KEYS)
    for key, value in (("ps_category", 100629), ("ps_product_name", title),
                       ("ps_product_description", f"{title}: enak, renyah, tanpa pengawet."),
                       ("ps_sku_parent_short", sku), ("ps_price", price), ("ps_stock", 20),
                       ("ps_item_cover_image", cover), ("ps_item_image_1", photo1),
                       ("ps_weight", weight), ("et_title_variation_integration_no",
                                               variation)):
        row[SHOPEE_KEYS.index(key)] = value if value != "" else None
    return row


# --- Shopee mass upload ----------------------------------------------------------------

def test_shopee_mass_upload_layout(tmp_path):
    path = shopee_upload(tmp_path / "Shopee_mass_upload_basic_template.xlsx", [
        shopee_row("Keripik Singkong Balado 250 g", 15000, 0.25, sku="KS-01",
                   cover="https://cf.shopee.co.id/file/a1", photo1="https://cf/a2"),
        shopee_row("Sambal Bawang Pedas 150 ml", 22000, 0.2, sku="SB-02", cover="b1.jpg"),
        shopee_row("", 23000, None, variation="INT-SB-02"),  # a variant row: no title
    ])
    cat = read_catalog(path)
    assert cat.source == "shopee_mass_upload" and cat.format == "xlsx"
    assert len(cat) == 3  # one Listing per data row, the untitled variant row included
    assert [li.source.row for li in cat] == [7, 8, 9]
    first, second, variant = cat.listings
    assert (first.id, first.title, first.price) == ("KS-01", "Keripik Singkong Balado 250 g",
                                                    15000)
    assert [p.ref for p in first.photos] == ["https://cf.shopee.co.id/file/a1",
                                             "https://cf/a2"]
    assert first.weight_g == 250 and first.attributes["_weight_raw"] == 0.25
    assert first.attributes["_weight_unit"] == "kg"
    assert second.weight_g == 200 and variant.title == "" and variant.weight_g is None
    assert variant.attributes["et_title_variation_integration_no"] == "INT-SB-02"
    assert "sheet 'Template'" in cat.notes  # the guide sheet comes first and is passed over
    assert any(n.startswith("source shopee_mass_upload") and "detected" in n
               for n in cat.notes)
    assert "rows 2, 3, 4, 5 read as header labels/instructions, not listings" in cat.notes
    assert any("'ps_weight' is in kg" in n and "converted to grams" in n for n in cat.notes)
    assert not any("empty rows" in n for n in cat.notes)  # the formatted tail is not data


def test_shopee_grams_under_a_kg_label_are_inferred(tmp_path):
    """The Laravel exporter writes grams under the 2026 "Berat (kg)" label."""
    path = shopee_upload(tmp_path / "grams.xlsx", [
        shopee_row("Kopi Bubuk Robusta Temanggung 200 g", 35000, 250),
        shopee_row("Gula Aren Cair 500 ml", 28000, 600),
        shopee_row("Madu Hutan Sumbawa 350 ml", 90000, 500),
    ])
    cat = read_catalog(path)
    assert [li.weight_g for li in cat] == [250, 600, 500]
    assert all(li.attributes["_weight_unit"] == "g" for li in cat)
    assert all("_weight_raw" not in li.attributes for li in cat)
    note = next(n for n in cat.notes if n.startswith("weight column"))
    assert "the header says kg, but the values look like g" in note


def test_block_row_that_holds_a_listing_is_kept(tmp_path):
    """A seller typed a product into row 6 of the template: never lose a row."""
    book = openpyxl.load_workbook(shopee_upload(tmp_path / "a.xlsx", [
        shopee_row("Rengginang Ketan Udang 250 g", 18000, 0.25)]))
    for key, value in (("ps_product_name", "Abon Sapi Manis 100 g"), ("ps_price", 45000),
                       ("ps_weight", 0.1)):
        book["Template"].cell(row=6, column=SHOPEE_KEYS.index(key) + 1, value=value)
    book.save(tmp_path / "b.xlsx")
    cat = read_catalog(tmp_path / "b.xlsx")
    assert [(li.source.row, li.title) for li in cat] == [
        (6, "Abon Sapi Manis 100 g"), (7, "Rengginang Ketan Udang 250 g")]
    assert [li.weight_g for li in cat] == [100, 250]


def test_block_row_with_only_a_photo_url_is_kept(tmp_path):
    book = openpyxl.load_workbook(shopee_upload(tmp_path / "a.xlsx", []))
    ws = book["Template"]
    ws.cell(row=6, column=SHOPEE_KEYS.index("ps_product_name") + 1, value="Lanting Kebumen")
    ws.cell(row=6, column=SHOPEE_KEYS.index("ps_item_cover_image") + 1,
            value="https://cf.shopee.co.id/file/lanting")
    book.save(tmp_path / "b.xlsx")
    (li,) = read_catalog(tmp_path / "b.xlsx").listings
    assert (li.source.row, li.title, li.price) == (6, "Lanting Kebumen", None)


# --- Shopee mass update ----------------------------------------------------------------

def shopee_update_book(path, kind, keys, labels, rows):
    header = [keys, [kind, "35b74571cd927608dc4cc2b998b916cb", "0", "31475604"], labels,
              ["Mandatory" if i < 2 else "Optional" for i in range(len(keys))],
              ["Jangan ubah baris 1-6"], [None]]
    book = book_with({"Sheet1": header + rows}, protect=("Sheet1",),
                     merge=[("Sheet1", "A5:D5")])
    book.save(path)
    return path


def test_shopee_mass_update_media_dot_numbered_photos(tmp_path):
    keys = ["et_title_product_id", "et_title_product_name", "ps_item_cover_image",
            "ps_item_image.1", "ps_item_image.2", "ps_item_image.3", "et_title_reason"]
    labels = ["Kode Produk", "Nama Produk", "Foto Sampul", "Foto Produk 1", "Foto Produk 2",
              "Foto Produk 3", "Alasan Gagal"]
    path = shopee_update_book(tmp_path / "mass_update_media_info_1.xlsx", "media_info",
                              keys, labels, [
        [21474836471, "Dodol Garut Asli 250 g", "c.jpg", "1.jpg", None, "3.jpg", None],
        [21474836472, "Bakpia Kacang Hijau isi 10", "d.jpg", None, None, None, None]])
    assert openpyxl.load_workbook(path)["Sheet1"].protection.sheet  # really protected
    cat = read_catalog(path)
    assert cat.source == "shopee_mass_update" and len(cat) == 2
    first = cat.listings[0]
    assert first.id == "21474836471" and first.source.row == 7
    assert [p.ref for p in first.photos] == ["c.jpg", "1.jpg", "3.jpg"]
    assert first.source.columns["photos[2]"] == 4 and first.source.columns["photos[3]"] == 6
    assert any("marker row 'sales info'" in n or "marker row 'media info'" in n
               for n in cat.notes)


def test_shopee_mass_update_sales_localised_labels(tmp_path):
    """Row 3 in Vietnamese (as public fixtures have it): still only a header row."""
    keys = ["et_title_product_id", "et_title_product_name", "et_title_variation_id",
            "et_title_variation_name", "et_title_parent_sku", "et_title_variation_sku",
            "et_title_variation_price", "ps_gtin_code", "et_title_variation_stock"]
    labels = ["Mã Sản phẩm", "Tên Sản phẩm", "Mã Phân loại", "Tên phân loại",
              "SKU Sản phẩm", "SKU", "Giá", "GTIN", "Số lượng"]
    path = shopee_update_book(tmp_path / "mass_update_sales_info.xlsx", "sales_info", keys,
                              labels, [
        [111, "Kopi Luwak Gayo 100 g", 9001, "100 g", "KLG", "KLG-100", 150000, None, 12],
        [111, "Kopi Luwak Gayo 100 g", 9002, "200 g", "KLG", "KLG-200", 280000, None, 5]])
    cat = read_catalog(path)
    assert cat.source == "shopee_mass_update"
    assert [(li.id, li.price, li.stock) for li in cat] == [("111", 150000, 12),
                                                          ("111", 280000, 5)]
    assert any("duplicate ids kept" in n for n in cat.notes)
    assert "rows 2, 3, 4, 5 read as header labels/instructions, not listings" in cat.notes


def test_shopee_mass_update_as_csv(tmp_path):
    rows = [["et_title_product_id", "et_title_product_name", "et_title_product_weight"],
            ["shipment_info", "hash"], ["Kode Produk", "Nama Produk", "Berat"],
            ["Mandatory", "Mandatory", "Optional"], ["catatan"], [],
            ["501", "Tempe Keripik Malang 250 g", "0.3"]]
    path = tmp_path / "mass_update_shipment_info.csv"
    with open(path, "w", newline="", encoding="utf-8") as fh:
        csv.writer(fh).writerows(rows)
    cat = read_catalog(path)
    (li,) = cat.listings
    assert cat.source == "shopee_mass_update" and li.source.row == 7
    assert li.weight_g == 300 and li.attributes["_weight_raw"] == "0.3"


# --- Tokopedia -------------------------------------------------------------------------

TOKO_OLD = ["Error Message", "Nama Produk*", "Deskripsi Produk", "Kategori Kode*",
            "Berat* (Gram)", "Minimum Pemesanan*", "Nomor Etalase", "Waktu Proses Preorder",
            "Kondisi*", "Gambar 1*", "Gambar 2", "Gambar 3", "URL Video Produk 1",
            "SKU Name", "Status*", "Jumlah Stok*", "Harga (Rp)*", "Asuransi Pengiriman"]
TOKO_NEW = ["Pesan Error", "Nama Produk", "Deskripsi Produk", "Kode Kategori",
            "Berat (Gram)", "Minimum Pemesanan", "Nomor Etalase", "Waktu Proses Preorder",
            "Kondisi", "Foto Produk 1", "Foto Produk 2", "Foto Produk 3",
            "URL Video Produk 1", "SKU Name", "Status", "Jumlah Stok", "Harga (Rp)",
            "Kurir Pengiriman", "Asuransi Pengiriman"]


def tokopedia_book(path, header, rows):
    top = [["Petunjuk: isi data produk mulai baris 4. Kolom bertanda * wajib diisi."],
           ["Jangan mengubah urutan kolom."], header]
    book = book_with({"Petunjuk": [["Cara mengisi template"]],
                      "ISI Template Impor Produk": top + rows},
                     merge=[("ISI Template Impor Produk", "A1:H1"),
                            ("ISI Template Impor Produk", "A2:H2")],
                     trailing=("ISI Template Impor Produk", 4 + len(rows) + 1, 60))
    book.save(path)
    return path


def toko_row(header, **values):
    names = {"title": ("Nama Produk*", "Nama Produk"), "weight": ("Berat* (Gram)",
             "Berat (Gram)"), "price": ("Harga (Rp)*", "Harga (Rp)"),
             "photo": ("Gambar 1*", "Foto Produk 1"), "photo3": ("Gambar 3", "Foto Produk 3"),
             "sku": ("SKU Name", "SKU Name"), "category": ("Kategori Kode*", "Kode Kategori")}
    row = [None] * len(header)
    for key, value in values.items():
        spelled = next(n for n in names[key] if n in header)
        row[header.index(spelled)] = value
    return row


@pytest.mark.parametrize("header", [TOKO_OLD, TOKO_NEW], ids=["old", "new"])
def test_tokopedia_both_header_generations(tmp_path, header):
    path = tokopedia_book(tmp_path / "tambah-sekaligus.xlsx", header, [
        toko_row(header, title="Bawang Goreng Brebes 250 gr", weight=300, price=27000,
                 photo="https://images.tokopedia.net/a.jpg", photo3="c.jpg", sku="BG-250",
                 category=1234),
        toko_row(header, title="Kerupuk Kulit Sapi 100 gr", weight="120", price="Rp18.000"),
    ])
    cat = read_catalog(path)
    assert cat.source == "tokopedia" and len(cat) == 2
    first, second = cat.listings
    assert first.source.row == 4 and first.source.sheet == "ISI Template Impor Produk"
    assert (first.id, first.price, first.weight_g) == ("BG-250", 27000, 300)
    assert first.category == "1234"
    assert [p.ref for p in first.photos] == ["https://images.tokopedia.net/a.jpg", "c.jpg"]
    assert second.id == "5" and second.price == "Rp18.000" and second.weight_g == "120"
    assert all(li.attributes["_weight_unit"] == "g" for li in cat)
    assert "header on row 3; rows above it ignored" in cat.notes
    assert not any("empty rows" in n for n in cat.notes)


def test_tokopedia_ubah_variant_product_id(tmp_path):
    header = ["Product ID", "URL", "Etalase Kode", *TOKO_NEW]
    rest = toko_row(TOKO_NEW, title="Teh Tarik Instan isi 10", weight=250, price=30000)
    row = [98765, "https://www.tokopedia.com/toko/x", 7, *rest]
    cat = read_catalog(tokopedia_book(tmp_path / "ubah-sekaligus.xlsx", header, [row]))
    assert cat.source == "tokopedia" and cat.listings[0].id == "98765"


# --- TikTok Shop -----------------------------------------------------------------------

def test_tiktok_batch_template(tmp_path):
    header = ["Category", "Brand", "Product Name", "Product Description",
              "Main Product Image", "Product Image 2", "Product Image 3", "Price",
              "Quantity", "Seller SKU", "Parcel Weight (g)"]
    book = book_with({"Template": [header, ["Mandatory"] * 5 + ["Optional"] * 6,
                                   ["Makanan", "Mak Ijah", "Rendang Daging Sapi 250 g",
                                    "Rendang kering khas Padang.", "m.jpg", None, "3.jpg",
                                    65000, 10, "RD-250", 300]]})
    book.save(tmp_path / "Tiktoksellercenter_Batchupload_Template.xlsx")
    cat = read_catalog(tmp_path / "Tiktoksellercenter_Batchupload_Template.xlsx")
    (li,) = cat.listings
    assert cat.source == "tiktok" and li.source.row == 3
    assert (li.id, li.brand, li.price, li.weight_g) == ("RD-250", "Mak Ijah", 65000, 300)
    assert [p.ref for p in li.photos] == ["m.jpg", "3.jpg"]


# --- source=, columns=, detection ------------------------------------------------------

def test_sources_constant_matches_data_files():
    assert set(SOURCES) == {p.stem for p in MARKETPLACES.glob("*.yaml")}
    for name in SOURCES:
        prof = profile(name)
        assert prof.name == name and prof.label
        assert {field for _, field in prof.aliases} <= set(FIELDS)


def test_column_map_file_typo_fails_loudly(tmp_path):
    from listing_quality.adapters.sources import _validate

    with pytest.raises(ValueError, match=r"x\.yaml: unknown key detect\.requires"):
        _validate(tmp_path / "x.yaml", {"name": "x", "label": "X",
                                        "detect": {"requires": ["a"]}})
    with pytest.raises(ValueError, match=r"unknown key columns\.titel"):
        _validate(tmp_path / "x.yaml", {"name": "x", "columns": {"titel": ["a"]}})
    with pytest.raises(ValueError, match="whose name is 'x'"):
        _validate(tmp_path / "x.yaml", {"name": "y"})


def test_forced_source_and_unknown_source(tmp_path):
    path = tmp_path / "plain.csv"
    path.write_text("nama produk,harga,berat\nKeripik Pisang 200 g,12000,0.2\n",
                    encoding="utf-8")
    assert read_catalog(path).source == "generic"
    forced = read_catalog(path, source="shopee_mass_upload")
    assert forced.source == "shopee_mass_upload"
    assert any("given by source=" in n for n in forced.notes)
    assert forced.listings[0].weight_g == 200  # Shopee's weight column is kg by default
    with pytest.raises(SourceError, match=r"unknown source 'lazada'.*shopee_mass_upload"):
        read_catalog(path, source="lazada")
    assert issubclass(SourceError, AdapterError)


def test_columns_map_from_config(tmp_path):
    path = tmp_path / "odd.csv"
    path.write_text("Judul Barang,Nama,Harga Pokok,Gbr A,Gbr B\n"
                    "Kue Lapis Legit 20x20 cm,Bu Tini,150000,a.jpg,b.jpg\n", encoding="utf-8")
    cat = read_catalog(path, columns={"title": "Judul Barang", "price": "harga_pokok",
                                      "photos": ["Gbr B", "Gbr A"]})
    (li,) = cat.listings
    assert li.title == "Kue Lapis Legit 20x20 cm" and li.price == "150000"
    assert [p.ref for p in li.photos] == ["b.jpg", "a.jpg"]
    assert li.attributes["Nama"] == "Bu Tini"  # the alias "nama" lost to the map
    with pytest.raises(SourceError, match="unknown field 'judul'"):
        read_catalog(path, columns={"judul": "Judul Barang"})
    with pytest.raises(SourceError, match=r"not in the file.*columns found"):
        read_catalog(path, columns={"title": "Product Title"})
    with pytest.raises(SourceError, match="must name a header"):
        read_catalog(path, columns={"price": ["Harga Pokok"]})


def test_columns_map_on_dataframe():
    df = pd.DataFrame({"Judul Barang": ["Sale Pisang Ambon 250 g"], "Harga": [20000]})
    cat = read_catalog(df, columns={"title": "Judul Barang"})
    assert cat.listings[0].title == "Sale Pisang Ambon 250 g"


def test_columns_map_and_source_on_jsonl_and_mappings(tmp_path):
    path = tmp_path / "scrape.jsonl"
    path.write_text(json.dumps({"judul": "Bolu Kukus Pandan isi 6", "harga_rp": 30000})
                    + "\n{broken\n", encoding="utf-8")
    cat = read_catalog(path, columns={"title": "judul", "price": "harga_rp"})
    assert [li.title for li in cat] == ["Bolu Kukus Pandan isi 6", ""]
    assert cat.listings[0].price == 30000 and "_row_error" in cat.listings[1].attributes
    with pytest.raises(SourceError, match="not in the file"):
        read_catalog([{"title": "x"}], columns={"price": "harga_rp"})
    rows = [{"et_title_product_id": 77, "et_title_product_name": "Pempek Kapal Selam",
             "ps_item_image.1": "1.jpg", "ps_item_cover_image": "c.jpg"}]
    cat = read_catalog(rows)
    assert cat.source == "shopee_mass_update" and cat.listings[0].id == "77"
    assert [p.ref for p in cat.listings[0].photos] == ["c.jpg", "1.jpg"]


def test_generic_tables_are_not_claimed_by_a_marketplace():
    plain = [["Nama Produk", "Harga Produk", "Nama Toko", "Kota Toko"]]
    assert detect(plain)[0].name == "generic"
    assert detect([["title", "price", "category", "brand", "description"]])[0].name == \
        "generic"
    labels_too = [SHOPEE_KEYS, ["x"], SHOPEE_LABELS]  # Shopee labels say "Nama Produk" too
    assert detect(labels_too, "Template")[0].name == "shopee_mass_upload"


# --- Parquet ---------------------------------------------------------------------------

def test_parquet_input(tmp_path):
    pytest.importorskip("pyarrow")
    df = pd.DataFrame({"ps_product_name": ["Kacang Mete Sangrai 250 g", "Emping Melinjo"],
                       "ps_price": [55000, None], "ps_weight": [0.3, 0.25],
                       "ps_item_cover_image": ["m.jpg", None]})
    df.to_parquet(tmp_path / "export.parquet")
    cat = read_catalog(tmp_path / "export.parquet")
    assert cat.format == "parquet" and cat.source == "shopee_mass_upload" and len(cat) == 2
    assert [li.id for li in cat] == ["1", "2"] and [li.source.row for li in cat] == [1, 2]
    assert [li.weight_g for li in cat] == [300, 250] and cat.listings[1].price is None
    (tmp_path / "bad.parquet").write_bytes(b"PAR1 not really")
    with pytest.raises(AdapterError, match="not a readable Parquet file"):
        read_catalog(tmp_path / "bad.parquet")


# --- weights ---------------------------------------------------------------------------

@pytest.mark.parametrize(("header", "default", "values", "unit"), [
    ("kg", None, [0.25, 1.5, 0.1], "kg"),
    ("kg", "kg", [250, 1000, 500], "g"),  # grams under a kg label
    ("g", None, [0.5, 1.2], "g"),  # a header that says grams is trusted
    (None, None, [0.5, "1,2", 0.75], "kg"),
    (None, None, [250, "300", 1000], "g"),
    (None, "kg", [1, 2, 5], "kg"),  # whole kilograms: the documented unit stands
    (None, None, ["1.000", "abc", None], None),
])
def test_weight_unit_from_header_and_magnitudes(header, default, values, unit):
    assert column_unit(header, default, values)[0] == unit


def test_weight_number_parsing():
    assert [number(v) for v in (0.25, "0,25", "1.5", "250", "0.250", "1.000", "2 kg", True,
                                float("nan"), -1, "")] == [
        0.25, 0.25, 1.5, 250, 0.25, None, None, None, None, None, None]
    assert to_grams("0,25") == (250, True) and to_grams("1 kg") == ("1 kg", False)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(st.none(), st.text(max_size=12), st.floats(), st.integers(),
                          st.booleans()), max_size=30))
def test_weight_inference_never_raises_and_is_deterministic(values):
    first = column_unit(None, "kg", values)
    assert first == column_unit(None, "kg", values)
    assert first[0] in ("g", "kg") and by_magnitude(values) in (None, "g", "kg")
    for value in values:
        grams, converted = to_grams(value)
        assert not converted or (isinstance(grams, float) and grams > 0)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(st.text(max_size=15), max_size=6), max_size=6),
       st.one_of(st.none(), st.text(max_size=20)))
def test_detect_never_raises_on_any_unicode(rows, sheet):
    prof, why = detect(rows, sheet)
    assert prof.name in SOURCES and isinstance(why, str)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.lists(st.one_of(st.none(), st.text(max_size=10), st.integers(0, 10**6),
                                   st.floats(allow_nan=True)), min_size=1, max_size=6),
                min_size=0, max_size=12))
def test_every_row_under_the_block_is_one_listing(data):
    """Shopee layout: every non-blank row from row 7 on comes out, in order."""
    block = [Record(1, list(SHOPEE_KEYS[:6])), Record(3, list(SHOPEE_LABELS[:6]))]
    rows = [Record(7 + i, values) for i, values in enumerate(data)
            if any(v is not None and str(v).strip() for v in values)]
    cat = grid_catalog(block + rows, path="x.xlsx", fmt="xlsx", widen=True)
    assert cat.source == "shopee_mass_upload"
    assert [li.source.row for li in cat] == [r.number for r in rows]
    json.dumps([li.to_dict() for li in cat], allow_nan=False)


# --- real data (evaluation only; skipped when ../shared is absent) ---------------------

REAL = [("tokopedia-seblak/hafidz_data_tokopedia.csv", ","),
        ("tokopedia-seblak/harunyoel_data_seblak_clean.csv", ","),
        ("tokopedia-seblak/harunyoel_hasil_scraping.csv", ","),
        ("tokopedia-general/dagdo03_tokopedia_data.csv", ","),
        ("prdect-id/PRDECT-ID_Dataset.csv", ";")]


@pytest.mark.parametrize(("name", "sep"), REAL, ids=[n.split("/")[1] for n, _ in REAL])
def test_real_scraped_exports_every_row_in(name, sep):
    path = SHARED / "realdata" / name
    if not path.is_file():
        pytest.skip(f"{path} not available")
    with open(path, newline="", encoding="utf-8") as fh:
        expected = sum(1 for row in csv.reader(fh, delimiter=sep) if any(c.strip()
                                                                          for c in row)) - 1
    cat = read_catalog(path)
    assert len(cat) == expected and cat.source == "generic"
    assert "title" in cat.columns and "price" in cat.columns

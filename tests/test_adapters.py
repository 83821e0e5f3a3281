"""Adapters: real files written in tmp_path (csv module, openpyxl), DataFrames and mappings."""

from __future__ import annotations

import csv
import json
import math

import openpyxl
import pandas as pd
import pytest
import yaml
from conftest import workbook
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image

from listing_quality.adapters import (
    AdapterError,
    Catalog,
    listing_from_mapping,
    listings_from_frame,
    read_catalog,
)
from listing_quality.adapters.columns import normalize_header, resolve
from listing_quality.types import Listing, SourceRef


def write_csv(path, rows, *, delimiter=",", encoding="utf-8"):
    with open(path, "w", newline="", encoding=encoding) as fh:
        csv.writer(fh, delimiter=delimiter).writerows(rows)
    return path


def write_xlsx(path, sheets):
    """sheets: {name: [row, ...]}; a row of None cells is left empty."""
    workbook(sheets).save(path)
    return path


# --- CSV --------------------------------------------------------------------------------


def test_csv_utf8_bom(tmp_path):
    path = write_csv(tmp_path / "bom.csv", [["id", "Nama Produk", "Harga"],
                                            ["007", "Keripik Tempe Rasa Ori", "Rp25.000"]],
                     encoding="utf-8-sig")
    cat = read_catalog(path)
    assert isinstance(cat, Catalog) and cat.format == "csv" and len(cat) == 1
    li = cat.listings[0]
    assert (li.id, li.title, li.price) == ("007", "Keripik Tempe Rasa Ori", "Rp25.000")
    assert cat.columns == {"id": "id", "title": "Nama Produk", "price": "Harga"}
    assert li.source == SourceRef(file=str(path), row=2,
                                  columns={"id": 1, "title": 2, "price": 3})
    assert cat.notes == ()


def test_csv_semicolon_separator(tmp_path):
    path = write_csv(tmp_path / "semi.csv", [["sku", "judul", "harga", "berat (gram)"],
                                             ["A1", "Sambal Bawang, 150 gr", "15.000", "150"]],
                     delimiter=";")
    cat = read_catalog(path)
    li = cat.listings[0]
    assert li.title == "Sambal Bawang, 150 gr" and li.price == "15.000" and li.weight_g == "150"
    assert "separator ';'" in cat.notes
    assert li.attributes["_weight_unit"] == "g"


def test_csv_tab_separator(tmp_path):
    path = write_csv(tmp_path / "tab.tsv", [["title", "price"], ["Kopi Gayo 200g", "50000"]],
                     delimiter="\t")
    cat = read_catalog(path)
    assert cat.listings[0].price == "50000" and "separator tab" in cat.notes


def test_csv_utf16_tab_export(tmp_path):
    path = tmp_path / "excel_unicode.txt"
    path.write_bytes("nama produk\tharga\nKue Putu\t2000\n".encode("utf-16"))
    cat = read_catalog(path)
    assert cat.listings[0].title == "Kue Putu" and "encoding UTF-16" in cat.notes


def test_csv_cp1252_and_latin1_fallback(tmp_path):
    path = tmp_path / "win.csv"
    path.write_bytes("title,price\nKue Lebaran – Nastar,Rp90.000\n".encode("cp1252"))
    cat = read_catalog(path)
    assert cat.listings[0].title == "Kue Lebaran – Nastar"
    assert any(n.startswith("encoding cp1252 (not UTF-8") for n in cat.notes)
    path2 = tmp_path / "latin.csv"  # 0x81 is undefined in cp1252, so only latin-1 decodes it
    path2.write_bytes(b"title,price\nKopi \x81 Caf\xe9,1\n")
    cat2 = read_catalog(path2)
    assert cat2.listings[0].title == "Kopi \x81 Café"
    assert any(n.startswith("encoding latin-1") for n in cat2.notes)


def test_csv_quoted_newlines_and_quotes(tmp_path):
    desc = 'Isi 10 pcs.\nTahan 3 bulan.\n"Halal" MUI'
    path = write_csv(tmp_path / "nl.csv", [["id", "title", "description"],
                                           ["a", "Rempeyek Kacang", desc],
                                           ["b", "Emping Melinjo", ""]])
    cat = read_catalog(path)
    assert [li.description for li in cat] == [desc, ""]
    assert [li.source.row for li in cat] == [2, 3]  # a quoted newline does not start a row


def test_csv_all_strings_and_empty_raw_is_none(tmp_path):
    path = write_csv(tmp_path / "s.csv", [["id", "title", "price", "stock", "harga coret"],
                                          ["007", "123", "", "  ", "Rp30.000"]])
    li = read_catalog(path).listings[0]
    assert li.id == "007" and li.title == "123"
    assert li.price is None and li.stock is None and li.original_price == "Rp30.000"


def test_missing_title_column_error_names_file_and_columns(tmp_path):
    path = write_csv(tmp_path / "no_title.csv", [["sku", "harga", "stok"], ["A", "1", "2"]])
    with pytest.raises(AdapterError) as err:
        read_catalog(path)
    msg = str(err.value)
    assert str(path) in msg
    assert "['sku', 'harga', 'stok']" in msg
    assert "nama produk" in msg and "title" in msg
    assert isinstance(err.value, ValueError)


def test_missing_id_column_uses_spreadsheet_row(tmp_path):
    path = write_csv(tmp_path / "noid.csv", [["title"], ["Dodol Garut"], ["Bakpia Jogja"]])
    cat = read_catalog(path)
    assert [li.id for li in cat] == ["2", "3"]
    assert all(li.attributes["_id_source"] == "row" for li in cat)
    assert any(n.startswith("no id column") for n in cat.notes)


def test_numbered_photo_columns(tmp_path):
    header = ["Nama Produk*", "Gambar 2", "Foto Sampul", "Gambar 1*", "Gambar 3", "URL Video 1"]
    path = write_csv(tmp_path / "photos.csv", [header,
                                               ["Kopi", "b.jpg", "cover.jpg", "a.jpg", "", "v"],
                                               ["Teh", "", "", "x.jpg", "", ""]])
    first, second = read_catalog(path).listings
    assert [(p.index, p.ref) for p in first.photos] == [(1, "cover.jpg"), (2, "a.jpg"),
                                                        (3, "b.jpg")]
    assert first.source.column_of("photos[1]") == 3
    assert first.source.column_of("photos[3]") == 2
    assert [(p.index, p.ref) for p in second.photos] == [(1, "x.jpg")]
    assert first.attributes["URL Video 1"] == "v"


def test_photo_list_column_separators():
    one = listing_from_mapping({"title": "t", "photos": "a.jpg | b.jpg;c.jpg\nd.jpg"})
    assert [p.ref for p in one.photos] == ["a.jpg", "b.jpg", "c.jpg", "d.jpg"]
    assert [p.index for p in one.photos] == [1, 2, 3, 4]
    commas = listing_from_mapping({"title": "t", "foto": "a.jpg, b.png"})
    assert [p.ref for p in commas.photos] == ["a.jpg", "b.png"]
    cdn = "https://res.example.com/image/upload/w_300,h_200/kopi.jpg"
    assert [p.ref for p in listing_from_mapping({"title": "t", "photos": cdn}).photos] == [cdn]


def test_malformed_csv_lines_are_kept(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("id,title,price\n1,Kopi,100\n2,Teh,200,extra,more\n3,Susu\n4,Gula,5\n",
                    encoding="utf-8")
    cat = read_catalog(path)
    assert [li.id for li in cat] == ["1", "2", "3", "4"]
    long, short = cat.listings[1], cat.listings[2]
    assert long.price == "200"
    assert long.attributes["_row_error"] == "expected 3 fields, found 5"
    assert long.attributes["_extra_fields"] == ["extra", "more"]
    assert short.title == "Susu" and short.price is None
    assert short.attributes["_row_error"] == "expected 3 fields, found 2"
    assert "_row_error" not in cat.listings[3].attributes
    assert any("2 malformed rows" in n for n in cat.notes)


def test_unbalanced_quote_does_not_swallow_rows(tmp_path):
    path = tmp_path / "quote.csv"
    path.write_text('id,title\n1,"Kopi\n2,Teh\n3,Susu\n', encoding="utf-8")
    cat = read_catalog(path)
    assert [li.title for li in cat] == ["Kopi", "Teh", "Susu"]
    assert "unbalanced quote" in cat.listings[0].attributes["_row_error"]
    assert "_row_error" not in cat.listings[1].attributes


def test_duplicate_ids_kept_and_noted(tmp_path):
    path = write_csv(tmp_path / "dup.csv", [["sku", "title"], ["A", "x"], ["A", "y"], ["B", "z"]])
    cat = read_catalog(path)
    assert [(li.id, li.title) for li in cat] == [("A", "x"), ("A", "y"), ("B", "z")]
    assert any("duplicate ids" in n and "'A' x2" in n for n in cat.notes)


def test_long_text_is_truncated(tmp_path):
    path = write_csv(tmp_path / "long.csv", [["title", "description"],
                                             ["Kopi", "x" * 200_000]])
    li = read_catalog(path).listings[0]
    assert len(li.description) == 100_000
    assert li.attributes["_truncated"] == ["description"]


def test_empty_and_unknown_files(tmp_path):
    empty = tmp_path / "empty.csv"
    empty.write_text("", encoding="utf-8")
    with pytest.raises(AdapterError, match="empty"):
        read_catalog(empty)
    with pytest.raises(AdapterError, match="no such file"):
        read_catalog(tmp_path / "nope.csv")
    odd = tmp_path / "catalog.bin"
    odd.write_bytes(b"\x00\x01binary")
    with pytest.raises(AdapterError, match="unknown catalog format"):
        read_catalog(odd)


# --- XLSX -------------------------------------------------------------------------------


def test_xlsx_second_sheet_header_on_row_3(tmp_path):
    path = write_xlsx(tmp_path / "tokopedia.xlsx", {
        "Petunjuk": [["Cara mengisi template"], ["Isi sheet berikutnya"]],
        "ISI Template Impor Produk": [
            ["Isi data produk mulai baris 4"], ["Kolom bertanda * wajib diisi"],
            ["Pesan Error", "Nama Produk*", "Harga (Rp)*", "Berat* (Gram)", "Gambar 1*"],
            [None, "Rendang Kering 250 gr", 85000, 250, "https://x/r.jpg"],
            [None, "Abon Sapi", "Rp40.000", "100", None],
        ]})
    cat = read_catalog(path)
    assert cat.format == "xlsx" and len(cat) == 2
    assert "sheet 'ISI Template Impor Produk'" in cat.notes
    assert any(n.startswith("header on row 3") for n in cat.notes)
    first, second = cat.listings
    assert first.source.row == 4 and first.source.sheet == "ISI Template Impor Produk"
    assert first.source.columns["title"] == 2 and first.id == "4"
    assert first.price == 85000 and isinstance(first.price, int) and first.weight_g == 250
    assert second.price == "Rp40.000" and second.weight_g == "100"
    assert [p.ref for p in first.photos] == ["https://x/r.jpg"] and second.photos == ()
    assert first.attributes["Pesan Error"] is None


def test_xlsx_sheet_argument_and_unknown_sheet(tmp_path):
    path = write_xlsx(tmp_path / "two.xlsx", {"A": [["title"], ["satu"]],
                                              "B": [["title"], ["dua"]]})
    assert read_catalog(path).listings[0].title == "satu"
    assert read_catalog(path, sheet="B").listings[0].title == "dua"
    with pytest.raises(AdapterError, match=r"no sheet 'C'; sheets found: \['A', 'B'\]"):
        read_catalog(path, sheet="C")


def test_xlsx_without_title_names_every_sheet(tmp_path):
    path = write_xlsx(tmp_path / "none.xlsx", {"Data": [["sku", "harga"], ["A", 1]]})
    with pytest.raises(AdapterError) as err:
        read_catalog(path)
    assert str(path) in str(err.value) and "'Data': ['sku', 'harga']" in str(err.value)


def test_xlsx_numbers_vs_strings(tmp_path):
    path = write_xlsx(tmp_path / "nums.xlsx", {"Sheet": [
        ["id", "title", "price", "original_price", "stock"],
        [7, 123, 25000.5, "30.000", 0],
        ["B-2", "Teh", "Rp25.000", None, "10"]]})
    one, two = read_catalog(path).listings
    assert one.id == "7" and one.title == "123"
    assert one.price == 25000.5 and one.original_price == "30.000" and one.stock == 0
    assert two.price == "Rp25.000" and two.original_price is None and two.stock == "10"


def test_xlsx_trailing_and_inner_empty_rows(tmp_path):
    path = tmp_path / "blank.xlsx"
    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["title", "price"])
    ws.append(["Kopi", 1])
    ws.append([None, None])
    ws.append(["Teh", 2])
    for row in range(5, 60):  # formatted but empty: present in the file, no values
        ws.cell(row=row, column=1).number_format = "0.00"
        ws.cell(row=row, column=2, value="")
    book.save(path)
    cat = read_catalog(path)
    assert [(li.title, li.source.row) for li in cat] == [("Kopi", 2), ("Teh", 4)]
    assert "1 empty rows between listings skipped" in cat.notes


def test_xlsx_shopee_label_rows_and_weight_unit(tmp_path):
    path = write_xlsx(tmp_path / "shopee.xlsx", {"Template": [
        ["ps_category", "ps_product_name", "ps_price", "ps_weight", "ps_item_cover_image",
         "ps_item_image_1", "ps_item_image_2"],
        ["Kategori", "Nama Produk", "Harga", "Berat (kg)", "Foto Sampul", "Foto Produk 1",
         "Foto Produk 2"],
        ["Wajib", "Wajib", "Wajib", "Wajib", "Wajib", "Opsional", "Opsional"],
        ["100629", "Keripik Singkong Balado 200 gr", 15000, 0.2, "c.jpg", None, "2.jpg"],
    ]})
    cat = read_catalog(path)
    (li,) = cat.listings
    assert li.source.row == 4 and li.title.startswith("Keripik")
    # kilograms are converted to grams (features read weight_g as grams); raw value kept
    assert li.weight_g == 200 and li.attributes["_weight_unit"] == "kg"
    assert li.attributes["_weight_raw"] == 0.2
    assert [p.ref for p in li.photos] == ["c.jpg", "2.jpg"]
    assert cat.columns["photos"] == "ps_item_cover_image"
    assert any("rows 2, 3 read as header" in n for n in cat.notes)


def test_xlsx_corrupt_file(tmp_path):
    path = tmp_path / "broken.xlsx"
    path.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(AdapterError, match="not a readable XLSX"):
        read_catalog(path)


# --- JSONL, DataFrame, mappings ---------------------------------------------------------


def test_jsonl_with_broken_line(tmp_path):
    path = tmp_path / "c.jsonl"
    lines = [json.dumps({"id": "a", "title": "Kopi", "price": 25000}), "{not json",
             "", json.dumps(["a list"]), json.dumps({"title": "Teh"})]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    cat = read_catalog(path)
    assert cat.format == "jsonl"
    assert [li.id for li in cat] == ["a", "2", "4", "5"]
    assert cat.listings[0].price == 25000
    assert cat.listings[1].attributes["_row_error"].startswith("invalid JSON")
    assert cat.listings[1].attributes["_raw_line"] == "{not json"
    assert "expected a JSON object" in cat.listings[2].attributes["_row_error"]
    assert cat.listings[3].source.row == 5 and cat.listings[3].attributes["_id_source"] == "row"


def test_dataframe_custom_index():
    df = pd.DataFrame({"Nama Produk": ["Kopi", "Teh", 123], "Harga": ["Rp1", math.nan, 5.0],
                       "Kota": ["Bandung", None, "Solo"]}, index=["k-1", "k-2", 99])
    cat = listings_from_frame(df, path="catalog.xlsx", header_row=3)
    assert cat.format == "frame" and cat.path == "catalog.xlsx"
    assert [li.id for li in cat] == ["k-1", "k-2", "99"]
    assert [li.price for li in cat] == ["Rp1", None, 5.0]
    assert cat.listings[2].title == "123"
    assert cat.listings[1].attributes["Kota"] is None
    assert [li.source.row for li in cat] == [4, 5, 6]
    assert read_catalog(df).listings[0].id == "k-1"
    with pytest.raises(AdapterError, match=r"DataFrame.*\['Harga'\]"):
        listings_from_frame(df[["Harga"]])


def test_dataframe_id_column_wins_over_index():
    df = pd.DataFrame({"sku": ["A", None], "title": ["x", "y"]})
    cat = read_catalog(df)
    assert [li.id for li in cat] == ["A", "1"]
    assert cat.listings[1].attributes["_id_source"] == "index"


def test_mapping_with_pil_images():
    img = Image.new("RGB", (8, 8), "red")
    li = listing_from_mapping({"title": "Batik Tulis", "photos": [img, "b.jpg", None]},
                              index=5)
    assert li.id == "5" and li.attributes["_id_source"] == "index"
    assert [(p.index, p.ref) for p in li.photos] == [(1, "<image>"), (2, "b.jpg")]
    assert li.photos[0].image is img
    single = listing_from_mapping({"title": "x", "foto": img})
    assert single.photos[0].image is img
    json.dumps(li.to_dict())


def test_mapping_round_trip_and_attributes():
    li = listing_from_mapping({"id": 12, "nama produk": "Kopi", "price": "Rp1",
                               "warna": {"a": float("nan")}, "photos": ["a.jpg"]},
                              source=SourceRef(file="x.csv", row=3))
    assert li.id == "12" and li.attributes["warna"] == {"a": None}
    again = listing_from_mapping(li.to_dict())
    assert again.to_dict() == li.to_dict()


def test_read_catalog_from_mappings():
    cat = read_catalog([{"title": "a"}, {"name": "b", "sku": "S"}, 42])
    assert cat.format == "dict" and [li.id for li in cat] == ["0", "S", "2"]
    assert cat.listings[2].attributes["_row_error"] == "expected a mapping, found int"
    assert read_catalog({"title": "one"}).listings[0].title == "one"
    with pytest.raises(AdapterError, match="no title column"):
        read_catalog([{"harga": 1}])


# --- column data ------------------------------------------------------------------------


def test_columns_yaml_spellings_are_unique():
    from listing_quality.adapters import columns

    data = yaml.safe_load(columns.Path(columns.__file__).with_name("columns.yaml").read_text())
    seen: dict[str, str] = {}
    for field, spellings in data["fields"].items():
        for s in spellings:
            key = normalize_header(s)
            assert seen.setdefault(key, field) == field, f"{s!r} in {field} and {seen[key]}"


def test_alias_priority_and_normalisation():
    cmap = resolve(("NAMA  PRODUK*", "title", "ps_item_image.2", "ps_item_image.1"))
    assert cmap.headers[cmap.fields["title"]] == "title"
    assert [cmap.headers[j] for j in cmap.photo_columns] == ["ps_item_image.1",
                                                               "ps_item_image.2"]
    assert ("NAMA PRODUK*", 0) in cmap.extra  # attribute key: header as written
    assert any("several columns mean title" in n for n in cmap.notes)


# --- property ---------------------------------------------------------------------------

FIELD_KEYS = ["id", "title", "description", "price", "original_price", "category", "brand",
              "weight_g", "stock", "photos", "Foto Produk 1", "nama produk", "attributes",
              "source", "berat (kg)"]
SCALARS = st.one_of(st.text(), st.none(), st.integers(), st.floats(), st.booleans())
VALUES = st.recursive(SCALARS, lambda inner: st.one_of(
    st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=5), inner, max_size=3)),
    max_leaves=6)


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(st.one_of(st.sampled_from(FIELD_KEYS), st.text()), VALUES, max_size=8),
       st.integers(min_value=0, max_value=10**6))
def test_any_mapping_gives_one_listing(data, index):
    li = listing_from_mapping(data, index=index)
    assert isinstance(li, Listing)
    assert isinstance(li.title, str) and isinstance(li.id, str) and li.id
    json.dumps(li.to_dict(), allow_nan=False)
    if "title" in data:
        assert len(read_catalog([data])) == 1


def test_unreadable_csv_record_is_kept(tmp_path, monkeypatch):
    """A record the csv module rejects (here: over a tiny field limit) is still a row."""
    import contextlib

    from listing_quality.adapters import csvfile

    @contextlib.contextmanager
    def tiny_limit():
        old = csv.field_size_limit(20)
        try:
            yield
        finally:
            csv.field_size_limit(old)

    monkeypatch.setattr(csvfile, "_big_fields", tiny_limit)
    path = tmp_path / "limit.csv"
    path.write_text("id,title\n1,Kopi\n2," + "x" * 50 + "\n3,Teh\n", encoding="utf-8")
    cat = read_catalog(path)
    assert [li.id for li in cat] == ["1", "3", "3"]
    bad = cat.listings[1]
    assert bad.source.row == 3 and bad.attributes["_id_source"] == "row"
    assert bad.attributes["_row_error"].startswith("unreadable CSV record")
    assert bad.attributes["_raw_line"].startswith("2,xxx")


def test_xlsx_rows_with_empty_trailing_cells_are_not_errors(tmp_path):
    """Spreadsheet writers omit empty trailing cells; that is not a broken row."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["SKU", "Nama Produk", "Harga (Rp)", "Foto Produk 1", "Foto Produk 2"])
    sheet.append(["A-1", "Keripik Pisang Cokelat 200 g", 15000])
    sheet.append(["A-2", "Sambal Roa 150 g", 35000, "a.jpg", "b.jpg"])
    path = tmp_path / "short.xlsx"
    book.save(path)
    catalog = read_catalog(path)
    assert [li.id for li in catalog] == ["A-1", "A-2"]
    assert all("_row_error" not in li.attributes for li in catalog)
    assert [p.ref for p in catalog.listings[1].photos] == ["a.jpg", "b.jpg"]

"""The column-wise adapters give exactly the Listings the row-by-row form gives (issue 9).

`cells.column_cells` is checked against iterating the Series (what `itertuples` does),
each column converter against the cell converter it stands for, and whole catalogs built
column by column (`table.build_listings`) against `mapping.build_listing` row by row, on
frames and on file records with reading problems, with the text-length bound lowered so
that cut cells (built row by row) turn up among the others.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import decimal
import math
from collections.abc import Iterator
from unittest import mock

import numpy as np
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from listing_quality.adapters import cells, columns, mapping, table, weights
from listing_quality.adapters.catalog import Record, table_catalog
from listing_quality.adapters.columns import resolve
from listing_quality.adapters.frame import listings_from_frame
from listing_quality.adapters.sources import choose
from listing_quality.adapters.values import as_attribute, as_raw, as_text
from listing_quality.types import SourceRef


class Text(str):
    """A str subclass: never taken for a plain text by the fast paths."""


ODD_CELLS = [None, math.nan, -0.0, 0.0, 1.0, 25_000, 25_000.0, True, False, "", " ", "\t",
             "Rp25.000", " 0,25 ", "1.000", "a.jpg|b.jpg", "x.jpg, y.jpg", "data:image/png;x",
             b"bytes", decimal.Decimal("1.5"), decimal.Decimal("NaN"), dt.date(2026, 1, 2),
             np.int64(7), np.float64(2.5), np.float32(0.5), np.bool_(True), pd.NA, pd.NaT,
             [1, "a.jpg"], {"ref": "c.jpg"}, Text("t"), Text("  ")]
CELLS = st.one_of(st.sampled_from(ODD_CELLS), st.text(max_size=12),
                  st.integers(-10**6, 10**6), st.floats(allow_nan=True))


def same(a: list, b: list) -> bool:
    """Equal cell for cell, type and all (NaN equals NaN; -0.0 differs from 0.0)."""
    return [(type(x), repr(x)) for x in a] == [(type(x), repr(x)) for x in b]


SERIES = st.one_of(
    st.lists(st.one_of(st.none(), st.text(max_size=5)), max_size=8).flatmap(
        lambda v: st.sampled_from([pd.Series(v, dtype=d) for d in
                                   ("str", "string", "string[python]", object)])),
    st.lists(st.integers(-2**40, 2**40), max_size=8).map(lambda v: pd.Series(v, dtype="int64")),
    st.lists(st.floats(allow_nan=True), max_size=8).map(pd.Series),
    st.lists(st.booleans(), max_size=8).map(pd.Series),
    st.lists(st.integers(0, 255), max_size=8).map(lambda v: pd.Series(v, dtype="uint8")),
    st.lists(st.one_of(st.none(), st.integers(-9, 9)), max_size=8).map(
        lambda v: pd.Series(v, dtype="Int64")),
    st.lists(st.sampled_from(["a", "b", None]), max_size=8).map(
        lambda v: pd.Series(v, dtype="category")),
    st.lists(st.datetimes(), max_size=8).map(pd.Series),
    st.lists(CELLS, max_size=8).map(lambda v: pd.Series(v, dtype=object)),
)


@settings(max_examples=300, deadline=None)
@given(SERIES)
def test_column_cells_are_the_cells_iteration_gives(series: pd.Series) -> None:
    assert same(cells.column_cells(series), list(series))
    frame = pd.DataFrame({"a": series, "b": series})
    assert same([c for col in cells.frame_columns(frame) for c in col],
                [c for k in range(2) for c in frame.iloc[:, k]])


@settings(max_examples=300, deadline=None)
@given(st.lists(CELLS, max_size=12))
def test_column_converters_are_the_cell_converters(values: list) -> None:
    assert same(cells.texts(values), [as_text(v) for v in values])
    assert same(cells.raws(values), [as_raw(v) for v in values])
    assert same(cells.attributes(values), [as_attribute(v) for v in values])
    assert same(cells.by_text(values, weights.number), [weights.number(v) for v in values])
    limit = 3
    assert cells.long_rows(values, limit) == [
        i for i, v in enumerate(values) if isinstance(v, str) and len(v) > limit]


def plain_listings(cmap: columns.ColumnMap, records: list[Record], unit: str | None,
                   fallback: list[str] | None, path: str | None) -> list:
    """The row-by-row form `table_catalog` had before it converted columns."""
    return [mapping.build_listing(
        cmap, rec.values, fallback_id=fallback[i] if fallback else str(rec.number),
        id_source="index" if fallback else "row", source=SourceRef(file=path, row=rec.number),
        extra=rec.extra, weight_unit=unit, locate=True) for i, rec in enumerate(records)]


@contextlib.contextmanager
def short_texts() -> Iterator[None]:
    """Cut texts at 6 characters, so generated cells cross the bound."""
    short = dataclasses.replace(columns.spec(), max_text_chars=6)
    with mock.patch.object(mapping, "spec", lambda: short), \
            mock.patch.object(table, "spec", lambda: short):
        yield


HEADERS = ["id", "Nama Produk", "Deskripsi", "Harga", "Harga Coret", "Berat (kg)", "Stok",
           "Foto", "Foto 2", "Foto Sampul", "Catatan", "", "Catatan"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(CELLS, min_size=len(HEADERS), max_size=len(HEADERS)), max_size=8),
       st.lists(st.sampled_from(range(len(HEADERS))), min_size=1, max_size=len(HEADERS)))
def test_frames_give_the_listings_of_the_row_by_row_form(rows: list, keep: list) -> None:
    picked = sorted(set(keep) | {1})  # a title column, else no catalog at all
    frame = pd.DataFrame([[row[j] for j in picked] for row in rows],
                         columns=[HEADERS[j] for j in picked], dtype=object)
    frame.index = [f"r{i}" if i % 2 else i for i in range(len(frame))]
    with short_texts():
        cat = listings_from_frame(frame, path="x.xlsx", header_row=3)
    headers = tuple(HEADERS[j] for j in picked)
    cmap = resolve(headers, choose(None, (), [headers]).overrides)
    records = [Record(4 + i, list(values)) for i, values in
               enumerate(frame.itertuples(index=False, name=None))]
    unit = weights.catalog_unit(cmap, [frame.iloc[:, k].tolist() for k in range(len(picked))],
                                None, choose(None, (), [headers]).profile.weight_unit, [])
    with short_texts():
        expected = plain_listings(cmap, records, unit or cmap.weight_unit,
                                  [as_text(ix) for ix in frame.index], "x.xlsx")
    assert repr(list(cat.listings)) == repr(expected)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.lists(st.one_of(st.text(max_size=9), st.none()), max_size=5),
                          st.sampled_from([None, {"_row_error": "expected 4 fields, found 2"},
                                           {"_extra_fields": ["x"], "_row_error": "y"}])),
                max_size=8))
def test_file_records_give_the_listings_of_the_row_by_row_form(rows: list) -> None:
    cmap = resolve(("Nama Produk", "Harga", "Berat (gram)", "Foto"))
    records = [Record(2 + i, values, extra=extra) for i, (values, extra) in enumerate(rows)]
    unit = weights.catalog_unit(cmap, table.Table.of_rows(
        [], [r.values for r in records], [], 4).columns, None, None, [])
    with short_texts():
        cat = table_catalog(cmap, records, path="x.csv", fmt="csv")
        expected = plain_listings(cmap, records, unit, None, "x.csv")
    assert repr(list(cat.listings)) == repr(expected)


def test_a_cut_cell_is_still_said_row_by_row() -> None:
    frame = pd.DataFrame({"Nama Produk": ["Kopi", "Keripik Singkong Balado"],
                          "Harga": ["Rp9", "Rp25.000,- nego"]})
    with short_texts():
        first, cut = listings_from_frame(frame).listings
    assert "_truncated" not in first.attributes
    assert cut.attributes["_truncated"] == ["title", "price"]
    assert (cut.title, cut.price, cut.source.row) == ("Keripi", "Rp25.0", 3)

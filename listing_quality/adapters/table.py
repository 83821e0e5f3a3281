"""Rows under a resolved header -> Listings, converting the table column by column.

`mapping.build_listing` turns one row into one Listing and stays the one definition of
what a Listing holds. A table of many rows gives the same Listings faster by converting
each column once (`cells.py`) and then only gathering each row's values. A row the
gathering does not cover (a reading problem from the file, a text to cut at the length
bound) is built by `build_listing` itself, so its findings name file, row and column
exactly as before.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from itertools import repeat
from typing import Any

from ..types import Listing, Photo, SourceRef
from . import cells
from .columns import RAW_FIELDS, TEXT_FIELDS, ColumnMap, spec
from .mapping import build_listing, convert_weight
from .values import photo_items


@dataclass(frozen=True)
class Table:
    """A table's data rows held as columns: `columns[j][i]` is row i's cell under header j.

    `numbers` are the rows' numbers in the file (`SourceRef.row`); `extras[i]` is what the
    reader noticed on row i (`_row_error`, `_extra_fields`), or None.
    """

    numbers: Sequence[int]
    columns: Sequence[Sequence[Any]]
    extras: Sequence[dict[str, Any] | None] = ()

    @classmethod
    def of_rows(cls, numbers: Sequence[int], rows: Sequence[Sequence[Any]],
                extras: Sequence[dict[str, Any] | None], width: int) -> Table:
        """Rows of cells as columns, short rows padded with None (as a missing cell reads)."""
        width = max(width, *map(len, rows)) if rows else width
        padded = [row if len(row) == width else [*row, *[None] * (width - len(row))]
                  for row in rows]
        columns = [list(col) for col in zip(*padded, strict=True)] if rows else [
            [] for _ in range(width)]
        return cls(numbers, columns, extras)

    def row(self, i: int) -> list[Any]:
        return [column[i] for column in self.columns]


@dataclass(frozen=True)
class Where:
    """What every Listing of one table shares: file, sheet, weight unit, made-up ids."""

    path: str | None
    sheet: str | None
    unit: str | None
    id_source: str
    fallback: Callable[[int], str]  # row index -> the id used when the id cell is empty


def build_listings(cmap: ColumnMap, table: Table, where: Where) -> list[Listing]:
    """One Listing per row, equal to `build_listing(..., locate=True)` of that row."""
    columns = _Columns.of(cmap, table)
    plain = columns.plain | {i for i, extra in enumerate(table.extras) if extra is not None}
    located = cmap.numbers()
    rows = zip(table.numbers, columns.ids, zip(*columns.fields, strict=True),
               columns.attribute_rows(), columns.photo_rows(), strict=True)
    out = []
    for i, (number, listing_id, values, attrs, photo_cells) in enumerate(rows):
        if i in plain:
            out.append(build_listing(
                cmap, table.row(i), fallback_id=where.fallback(i), id_source=where.id_source,
                source=SourceRef(file=where.path, row=number, sheet=where.sheet),
                extra=table.extras[i] if table.extras else None, weight_unit=where.unit,
                locate=True))
            continue
        if not listing_id:
            listing_id, attrs["_id_source"] = where.fallback(i), where.id_source
        photos, located_photos = _photos(columns.photo_positions, photo_cells)
        fields = dict(zip(FIELDS, values, strict=True))
        convert_weight(fields, attrs, where.unit)
        source = SourceRef(file=where.path, row=number, sheet=where.sheet,
                           columns={**located, **located_photos})
        out.append(Listing(id=listing_id, photos=photos, attributes=attrs, source=source,
                           **fields))
    return out


FIELDS = (*TEXT_FIELDS, *RAW_FIELDS)  # the order of `_Columns.fields`


def _photos(positions: Sequence[int], row: Sequence[Any]) -> tuple[
        tuple[Photo, ...], dict[str, int]]:
    """A row's photos in column order, and the column each was read from.

    Read row by row, not column by column: a column of photo lists would hold a list and
    a tuple per cell at once, work for the garbage collector and memory for nothing.
    """
    photos: list[Photo] = []
    columns: dict[str, int] = {}
    for j, cell in zip(positions, row, strict=True):
        if cell is None or (type(cell) is str and not cell.strip()):
            continue  # an empty cell: `photo_items` would give nothing
        for ref, image in photo_items(cell):
            photos.append(Photo(index=len(photos) + 1, ref=ref, image=image))
            columns[f"photos[{len(photos)}]"] = j + 1
    return tuple(photos), columns


@dataclass(frozen=True)
class _Columns:
    """Each field's column converted as `build_listing` converts one cell of it."""

    rows: int
    fields: tuple[list[Any], ...]  # FIELDS in order: texts (as_text), raw values (as_raw)
    ids: list[str]
    extra: tuple[tuple[str, list[Any]], ...]  # attribute name -> values (as_attribute)
    photo_positions: tuple[int, ...]
    photos: tuple[Sequence[Any], ...]  # the photo columns' cells, as read
    plain: frozenset[int]  # rows to build one by one (a value to cut)

    @classmethod
    def of(cls, cmap: ColumnMap, table: Table) -> _Columns:
        n, limit = len(table.numbers), spec().max_text_chars

        def cells_of(name: str) -> Sequence[Any]:
            j = cmap.fields.get(name)
            return table.columns[j] if j is not None and j < len(table.columns) else [None] * n

        fields = (*(cells.texts(cells_of(name)) for name in TEXT_FIELDS),
                  *(cells.raws(cells_of(name)) for name in RAW_FIELDS))
        ids = [value.strip() for value in cells.texts(cells_of("id"))]
        extra = tuple((name, cells.attributes(table.columns[j])) for name, j in cmap.extra)
        positions = cmap.photo_positions()
        found = [table.columns[j] for j in positions]
        every = [*fields, ids, *(values for _, values in extra), *found]
        plain = frozenset(i for values in every for i in cells.long_rows(values, limit))
        return cls(n, fields, ids, extra, positions, tuple(found), plain)

    def attribute_rows(self) -> Iterator[dict[str, Any]]:
        """Each row's extra columns as a new dict, in column order."""
        if not self.extra:
            return ({} for _ in range(self.rows))
        names = [name for name, _ in self.extra]
        return (dict(zip(names, values, strict=True))
                for values in zip(*(values for _, values in self.extra), strict=True))

    def photo_rows(self) -> Iterator[tuple[Any, ...]]:
        """Each row's photo cells, one per photo column."""
        if not self.photos:
            return repeat((), self.rows)
        return zip(*self.photos, strict=True)

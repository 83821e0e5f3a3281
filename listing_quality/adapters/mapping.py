"""One row (a mapping, or a row of cells under a resolved header) -> one `Listing`.

Every input format ends here, so the rules for text, raw numbers, photos, ids, extra
columns and the text-length bound are written once. Nothing in this module raises on bad
*values*: a row always becomes a Listing, and what was odd about it goes into
`attributes` under keys starting with "_" (`_row_error`, `_truncated`, `_id_source`,
`_weight_unit`, `_weight_raw`, `_extra_fields`, `_raw_line`) for the engine to report.
A weight known to be in kilograms is converted to grams here (the features read
`weight_g` as grams); the value as written stays in `_weight_raw`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from typing import Any

from ..types import Listing, Photo, SourceRef
from .columns import RAW_FIELDS, TEXT_FIELDS, ColumnMap, Overrides, resolve, spec
from .values import as_attribute, as_raw, as_text, photo_items
from .weights import to_grams


def listing_from_mapping(data: Mapping[str, Any], *, index: int = 0,
                         source: SourceRef | None = None) -> Listing:
    """A mapping with keys id, title, ... (or any alias in columns.yaml) -> Listing.

    `photos` may be a list of paths/URLs, PIL images or `{"ref": ...}` dicts, or one string
    ("a.jpg|b.jpg"); numbered keys ("photo_1", "Foto Produk 2") work as in files. Without an
    id the id is `str(index)` and `attributes["_id_source"] == "index"`. Unknown keys go to
    `attributes`; an "attributes" mapping (as `Listing.to_dict()` writes it) is merged in.
    """
    return mapping_listing(data, index=index, source=source, id_source="index")


def mapping_listing(data: Mapping[str, Any], *, index: int, source: SourceRef | None,
                    id_source: str, overrides: Overrides = ()) -> Listing:
    """`listing_from_mapping`, saying what the made-up id is (JSONL: "row"); `overrides`
    are a caller's column map and a marketplace's spellings (see `columns.resolve`)."""
    keys = list(data.keys())
    cmap = resolve(tuple(str(k) for k in keys), overrides)
    values = [data[k] for k in keys]
    merged = data.get("attributes")
    if isinstance(merged, Mapping):
        cmap = _without(cmap, "attributes")
    else:
        merged = None
    if source is None and isinstance(data.get("source"), Mapping):
        cmap, source = _without(cmap, "source"), _source_from(data["source"])
    return build_listing(cmap, values, fallback_id=str(index), id_source=id_source,
                         source=source, extra=merged)


def _without(cmap: ColumnMap, key: str) -> ColumnMap:
    extra = tuple((name, j) for name, j in cmap.extra if name != key)
    return dataclasses.replace(cmap, extra=extra)


def _source_from(data: Mapping[str, Any]) -> SourceRef:
    """The "source" dict `Listing.to_dict()` writes, read back (bad parts dropped)."""
    row = data.get("row")
    columns = data.get("columns")
    return SourceRef(
        file=None if data.get("file") is None else str(data["file"]),
        row=row if isinstance(row, int) and not isinstance(row, bool) else None,
        columns={str(k): v for k, v in columns.items() if isinstance(v, int)}
        if isinstance(columns, Mapping) else {},
        sheet=None if data.get("sheet") is None else str(data["sheet"]))


def build_listing(cmap: ColumnMap, values: Sequence[Any], *, fallback_id: str,
                  id_source: str, source: SourceRef | None = None,
                  extra: Mapping[str, Any] | None = None, weight_unit: str | None = None,
                  locate: bool = False) -> Listing:
    """Build one Listing from `values` laid out as `cmap` says.

    `locate=True` fills `source.columns` from the column map (file inputs), including
    `photos[i]` -> the column the i-th photo was read from.
    """
    limit = spec().max_text_chars
    truncated: list[str] = []
    attrs = _attributes(cmap, values, extra, truncated, limit)
    fields = {name: _bounded(name, as_text(_cell(cmap, values, name)), truncated, limit)
              for name in TEXT_FIELDS}
    fields.update({name: _bounded(name, as_raw(_cell(cmap, values, name)), truncated, limit)
                   for name in RAW_FIELDS})
    listing_id = _bounded("id", as_text(_cell(cmap, values, "id")).strip(), truncated, limit)
    if not listing_id:
        listing_id, attrs["_id_source"] = fallback_id, id_source
    photos, photo_columns = _photos(cmap, values, truncated, limit)
    convert_weight(fields, attrs, weight_unit or cmap.weight_unit)
    if truncated:
        attrs["_truncated"] = list(dict.fromkeys(truncated))
    if locate and source is not None:
        source = dataclasses.replace(source, columns={**cmap.numbers(), **photo_columns})
    return Listing(id=listing_id, photos=tuple(photos), attributes=attrs, source=source,
                   **fields)


def convert_weight(fields: dict[str, Any], attrs: dict[str, Any], unit: str | None) -> None:
    """Say the unit; kilograms become grams (features read grams), raw value kept."""
    if not unit or fields["weight_g"] is None:
        return
    attrs["_weight_unit"] = unit
    if unit == "kg":
        grams, converted = to_grams(fields["weight_g"])
        if converted:
            attrs["_weight_raw"], fields["weight_g"] = fields["weight_g"], grams


def _cell(cmap: ColumnMap, values: Sequence[Any], name: str) -> Any:
    j = cmap.fields.get(name)
    return values[j] if j is not None and j < len(values) else None


def _bounded(name: str, value: Any, truncated: list[str], limit: int) -> Any:
    """Cut a text longer than the limit (bounded work per input), remembering which field."""
    if isinstance(value, str) and len(value) > limit:
        truncated.append(name)
        return value[:limit]
    return value


def _attributes(cmap: ColumnMap, values: Sequence[Any], extra: Mapping[str, Any] | None,
                truncated: list[str], limit: int) -> dict[str, Any]:
    attrs: dict[str, Any] = {}
    for name, j in cmap.extra:
        value = values[j] if j < len(values) else None
        attrs[name] = _bounded(name, as_attribute(value), truncated, limit)
    for key, value in (extra or {}).items():
        attrs[str(key)] = _bounded(str(key), as_attribute(value), truncated, limit)
    return attrs


def _photos(cmap: ColumnMap, values: Sequence[Any], truncated: list[str],
            limit: int) -> tuple[list[Photo], dict[str, int]]:
    """Photos in order (list column first, then numbered columns), empty cells skipped."""
    photos: list[Photo] = []
    columns: dict[str, int] = {}
    for j in cmap.photo_positions():
        cell = values[j] if j < len(values) else None
        for ref, image in photo_items(_bounded("photos", cell, truncated, limit)):
            photos.append(Photo(index=len(photos) + 1, ref=ref, image=image))
            columns[f"photos[{len(photos)}]"] = j + 1
    return photos, columns

"""Which header means which `Listing` field.

The spellings are data (`columns.yaml`); this module only normalises headers and matches
them. One `ColumnMap` is resolved per distinct header row (cached), so a 100,000-row file
or a stream of JSON objects with the same keys pays for matching once.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

FIELDS: tuple[str, ...] = ("id", "title", "description", "price", "original_price",
                           "category", "brand", "weight_g", "stock", "photos")
TEXT_FIELDS: tuple[str, ...] = ("title", "description", "category", "brand")
RAW_FIELDS: tuple[str, ...] = ("price", "original_price", "weight_g", "stock")
_NUMBERED = re.compile(r"^(.*?)[\s.\-#]*(\d+)$")
_WORD = re.compile(r"[a-z]+")
Overrides = tuple[tuple[str, str], ...]  # (normalised header, field), best first


@dataclass(frozen=True)
class Spec:
    """`columns.yaml`, normalised for matching."""

    spellings: Mapping[str, tuple[str, ...]]  # field -> spellings as written in the file
    rank: Mapping[str, tuple[str, int]]  # normalised spelling -> (field, priority)
    photo_prefixes: frozenset[str]
    photo_cover: frozenset[str]
    weight_units: Mapping[str, str]  # word -> unit ("g" / "kg")
    subheader_markers: frozenset[str]
    preferred_sheets: tuple[str, ...]
    header_search_rows: int
    max_text_chars: int


def normalize_header(header: Any) -> str:
    """'  Nama_Produk* ' -> 'nama produk': the form both headers and aliases are compared in."""
    text = str(header).replace("\ufeff", "").replace("*", "").replace("_", " ").lower()
    return " ".join(text.split())


@lru_cache(maxsize=1)
def spec() -> Spec:
    raw = yaml.safe_load(Path(__file__).with_name("columns.yaml").read_text(encoding="utf-8"))
    fields = raw["fields"]
    rank = {}
    for name in FIELDS:
        for i, spelling in enumerate(fields[name]):
            rank.setdefault(normalize_header(spelling), (name, i))
    units = {normalize_header(w): unit for unit, words in raw["weight_units"].items()
             for w in words}
    norm = frozenset
    return Spec(
        spellings={k: tuple(str(s) for s in v) for k, v in fields.items()},
        rank=rank,
        photo_prefixes=norm(normalize_header(p) for p in raw["numbered_photos"]["prefixes"]),
        photo_cover=norm(normalize_header(p) for p in raw["numbered_photos"]["cover"]),
        weight_units=units,
        subheader_markers=norm(normalize_header(m) for m in raw["subheader_markers"]),
        preferred_sheets=tuple(raw["preferred_sheets"]),
        header_search_rows=int(raw["limits"]["header_search_rows"]),
        max_text_chars=int(raw["limits"]["max_text_chars"]),
    )


@dataclass(frozen=True)
class ColumnMap:
    """Positions (0-based) of each canonical field in one header row."""

    headers: tuple[str, ...]
    fields: Mapping[str, int]  # canonical field except photos -> position
    photo_list: int | None  # one column holding several photos
    photo_columns: tuple[int, ...]  # numbered photo columns, cover first, then by number
    extra: tuple[tuple[str, int], ...]  # attribute name -> position
    weight_unit: str | None
    notes: tuple[str, ...]

    def photo_positions(self) -> tuple[int, ...]:
        head = () if self.photo_list is None else (self.photo_list,)
        return head + self.photo_columns

    def header_of(self) -> dict[str, str]:
        """Canonical field -> the header it is read from (photos: the first photo column)."""
        out = {name: self.headers[j] for name, j in self.fields.items()}
        if self.photo_positions():
            out["photos"] = self.headers[self.photo_positions()[0]]
        return {name: out[name] for name in FIELDS if name in out}

    def numbers(self) -> dict[str, int]:
        """Canonical field -> 1-based column number (for `SourceRef.columns`)."""
        out = {name: j + 1 for name, j in self.fields.items()}
        if self.photo_positions():
            out["photos"] = self.photo_positions()[0] + 1
        return out


def is_title_header(cells: Sequence[Any], overrides: Overrides = ()) -> bool:
    """Does this row hold a title header (a columns.yaml alias or an override's)?"""
    ranks = spec().rank
    titles = {key for key, name in overrides if name == "title"}
    for cell in cells:
        if cell is None:
            continue
        key = normalize_header(cell)
        if key in titles or ranks.get(key, ("",))[0] == "title":
            return True
    return False


def title_spellings() -> tuple[str, ...]:
    return spec().spellings["title"]


@lru_cache(maxsize=512)
def resolve(headers: tuple[str, ...], overrides: Overrides = ()) -> ColumnMap:
    """Match every header: canonical field, numbered photo column, or an extra attribute.

    `overrides` ((normalised header, field) pairs, best first: a caller's column map, then
    a marketplace's own spellings) win over columns.yaml; field "photo:N" makes a header
    the N-th photo column.
    """
    sp = spec()
    candidates, numbered, rest = _classify(headers, overrides, sp)
    fields, notes = _pick(candidates, headers, rest)
    photo_list = fields.pop("photos", None)
    unit = _weight_unit(headers[fields["weight_g"]]) if "weight_g" in fields else None
    return ColumnMap(
        headers=headers, fields=fields, photo_list=photo_list,
        photo_columns=tuple(j for *_, j in sorted(numbered)),
        extra=_attribute_names(headers, sorted(rest)), weight_unit=unit, notes=tuple(notes))


def _classify(headers: tuple[str, ...], overrides: Overrides, sp: Spec) -> tuple[
        dict[str, list[tuple[int, int]]], list[tuple[int, int, int]], list[int]]:
    """(field -> [(priority, position)], numbered photo columns, the other positions)."""
    over = {}
    for i, (key, name) in enumerate(overrides):
        over.setdefault(key, (name, i - len(overrides)))
    candidates: dict[str, list[tuple[int, int]]] = {}
    numbered: list[tuple[int, int, int]] = []
    rest: list[int] = []
    for j, header in enumerate(headers):
        key = normalize_header(header)
        number = _photo_number(key, sp)
        if key in over and over[key][0].startswith("photo:"):
            numbered.append((-1, int(over[key][0][6:]), j))
        elif key in over:
            name, priority = over[key]
            candidates.setdefault(name, []).append((priority, j))
        elif key in sp.rank:
            name, priority = sp.rank[key]
            candidates.setdefault(name, []).append((priority, j))
        elif number is not None:
            numbered.append((0 if number < 0 else 1, number, j))
        else:
            rest.append(j)
    return candidates, numbered, rest


def _photo_number(key: str, sp: Spec) -> int | None:
    """-1 for a cover column, n for '<prefix> n', None for anything else."""
    if key in sp.photo_cover:
        return -1
    match = _NUMBERED.match(key)
    if match and match.group(1).strip() in sp.photo_prefixes:
        return int(match.group(2))
    return None


def _pick(candidates: dict[str, list[tuple[int, int]]], headers: tuple[str, ...],
          rest: list[int]) -> tuple[dict[str, int], list[str]]:
    """The best-ranked header wins a field; the others are kept as attributes."""
    fields: dict[str, int] = {}
    notes: list[str] = []
    for name in FIELDS:
        found = sorted(candidates.get(name, []))
        if not found:
            continue
        fields[name] = found[0][1]
        if len(found) > 1:
            others = ", ".join(repr(headers[j]) for _, j in found[1:])
            notes.append(f"several columns mean {name}: using {headers[found[0][1]]!r}; "
                         f"{others} kept in attributes")
            rest.extend(j for _, j in found[1:])
    return fields, notes


def _weight_unit(header: str) -> str | None:
    units = spec().weight_units
    for word in _WORD.findall(normalize_header(header)):
        if word in units:
            return units[word]
    return None


def label_weight_unit(cells: Sequence[Any]) -> str | None:
    """Unit named in a label cell of a second header row ('Berat (kg)' under 'ps_weight')."""
    for cell in cells:
        if isinstance(cell, str) and (unit := _weight_unit(cell)):
            return unit
    return None


def _attribute_names(headers: tuple[str, ...], positions: list[int]) -> tuple[
        tuple[str, int], ...]:
    """Attribute key per extra column: the header as written; blank or repeated made unique."""
    out: list[tuple[str, int]] = []
    seen: set[str] = set()
    for j in positions:
        name = " ".join(str(headers[j]).split()) or f"_column_{j + 1}"
        if name in seen:
            name = f"{name} (column {j + 1})"
        seen.add(name)
        out.append((name, j))
    return tuple(out)

"""Which marketplace layout a table is in: column maps as data, one file per marketplace.

Each `marketplaces/<name>.yaml` says how to recognise its layout (machine keys such as
`ps_*` / `et_title_*`, a marker row, sheet names, typical headers), where data starts
under the key row, the marketplace's own header spellings (tried before `columns.yaml`)
and the unit its weight column is documented in. Detection only ever *reads* the first
rows: a file nobody recognises is read as `generic`, which is the old behaviour, so a new
marketplace never makes a readable file unreadable.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from .columns import FIELDS, Overrides, normalize_header
from .errors import SourceError
from .values import as_text

_DIR = Path(__file__).with_name("marketplaces")
# Names a caller (the CLI's --source) may force; "generic" means columns.yaml only.
SOURCES: tuple[str, ...] = ("generic", "shopee_mass_upload", "shopee_mass_update",
                            "tokopedia", "tiktok")
AUTO = "auto"  # or None: detect from the file


@dataclass(frozen=True)
class Profile:
    """One marketplace layout, as its YAML file describes it."""

    name: str
    label: str
    require: frozenset[str]
    keys: frozenset[str]
    reject: frozenset[str]
    markers: frozenset[str]
    sheets: tuple[str, ...]
    min_score: int
    data_row: int | None  # first data row when the key row is row 1
    aliases: Overrides
    weight_unit: str | None


def _norm(items: Any) -> frozenset[str]:
    return frozenset(normalize_header(i) for i in items or ())


@cache
def profile(name: str) -> Profile:
    """The profile called `name` (one of SOURCES); a SourceError names the choices."""
    if name not in SOURCES:
        raise SourceError(f"unknown source {name!r}; expected one of: "
                          f"{', '.join((AUTO, *SOURCES))}")
    file = _DIR / f"{name}.yaml"
    raw = yaml.safe_load(file.read_text(encoding="utf-8"))
    _validate(file, raw)
    det, layout = raw.get("detect") or {}, raw.get("layout") or {}
    aliases = tuple((normalize_header(h), field) for field, heads in
                    (raw.get("columns") or {}).items() for h in heads)
    return Profile(
        name=name, label=str(raw["label"]), require=_norm(det.get("require")),
        keys=_norm(det.get("keys")), reject=_norm(det.get("reject")),
        markers=_norm(det.get("markers")), sheets=tuple(det.get("sheets") or ()),
        min_score=int(det.get("min_score", 1)), data_row=layout.get("data_row"),
        aliases=aliases, weight_unit=(raw.get("weight") or {}).get("unit"))


_KEYS = {"": {"name", "label", "detect", "layout", "columns", "weight"},
         "detect": {"require", "keys", "reject", "markers", "sheets", "min_score"},
         "layout": {"data_row"}, "columns": set(FIELDS) - {"photos"}, "weight": {"unit"}}


def _validate(file: Path, raw: Any) -> None:
    """A typo in a column map is a packaging bug: fail loudly naming file and key."""
    if not isinstance(raw, dict) or raw.get("name") != file.stem:
        raise ValueError(f"{file}: expected a mapping whose name is {file.stem!r}")
    for section, allowed in _KEYS.items():
        part = raw if not section else raw.get(section) or {}
        if unknown := set(part) - allowed:
            where = f"{section}." if section else ""
            raise ValueError(f"{file}: unknown key {where}{sorted(unknown)[0]}; expected "
                             f"one of {sorted(allowed)}")


def detect(rows: Sequence[Sequence[Any]], sheet: str | None = None) -> tuple[Profile, str]:
    """(best profile, why) for the first rows of a table; `generic` when none fits.

    Every profile is scored and the highest score wins, so a Shopee file whose label
    row also says "Nama Produk" is still Shopee (more of its keys match).
    """
    cells = [[normalize_header(as_text(c)) for c in row] for row in rows]
    seen = frozenset(c for row in cells for c in row if c)
    firsts = frozenset(row[0] for row in cells[1:] if row)
    best: tuple[int, Profile, str] | None = None
    for name in SOURCES[1:]:
        prof = profile(name)
        got = _score(prof, seen, firsts, sheet)
        if got and got[0] >= prof.min_score and (best is None or got[0] > best[0]):
            best = (got[0], prof, got[1])
    if best is None:
        return profile("generic"), "no marketplace layout recognised"
    return best[1], best[2]


@dataclass(frozen=True)
class Reading:
    """How one table is read: the layout profile, the caller's column map, and why."""

    profile: Profile
    user: Overrides = ()
    why: str = ""

    @property
    def overrides(self) -> Overrides:
        """The caller's map first, then the marketplace's own spellings."""
        return self.user + self.profile.aliases

    def notes(self) -> list[str]:
        """What to tell the curator; nothing when a plain table was read as generic."""
        if self.profile.name == "generic" and self.why.startswith("detected"):
            return []
        return [f"source {self.profile.name} ({self.profile.label}): {self.why}"]


def choose(source: str | None, user: Overrides, rows: Sequence[Sequence[Any]],
           sheet: str | None = None) -> Reading:
    """The profile `source` names, or the one `detect` finds in `rows`."""
    if source is None or source == AUTO:
        prof, why = detect(rows, sheet)
        return Reading(prof, user, f"detected, {why}")
    return Reading(profile(source), user, "given by source=")


def _score(prof: Profile, seen: frozenset[str], firsts: frozenset[str],
           sheet: str | None) -> tuple[int, str] | None:
    """Keys found (+2 for a marker row, +2 for the sheet name), or None if not this one."""
    marker = sorted(prof.markers & firsts)
    if prof.reject & seen or not (prof.require & seen or marker):
        return None
    keys = sorted(prof.keys & seen)
    on_sheet = sheet is not None and sheet.casefold() in {s.casefold() for s in prof.sheets}
    score = len(keys) + 2 * bool(marker) + 2 * on_sheet
    why = [f"{len(keys)} of its headers ({', '.join(keys[:4])}{', ...' if len(keys) > 4 else ''})"]
    if marker:
        why.append(f"marker row {marker[0]!r}")
    if on_sheet:
        why.append(f"sheet {sheet!r}")
    return score, "; ".join(why)


def user_overrides(columns: Mapping[str, Any] | None) -> Overrides:
    """`columns={"title": "Judul Barang", "photos": ["Foto A", "Foto B"]}` -> overrides.

    A string is one column; for `photos` a list is several photo columns in that order.
    An unknown field or a value of the wrong type is a SourceError naming the choices.
    """
    out: list[tuple[str, str]] = []
    for field, header in (columns or {}).items():
        if field not in FIELDS:
            raise SourceError(f"columns: unknown field {field!r}; expected one of: "
                              f"{', '.join(FIELDS)}")
        if isinstance(header, str) and header.strip():
            out.append((normalize_header(header), field))
        elif field == "photos" and isinstance(header, (list, tuple)) and header and all(
                isinstance(h, str) and h.strip() for h in header):
            out.extend((normalize_header(h), f"photo:{i}") for i, h in enumerate(header, 1))
        else:
            raise SourceError(f"columns: {field!r} must name a header (a non-empty string"
                              f"{'; or a list of them for photos' if field == 'photos' else ''}"
                              f"), got {header!r}")
    return tuple(out)


def check_user(reading: Reading, headers: Sequence[str], where: str | None) -> None:
    """Every header the caller's column map names must exist: a config mistake fails
    loudly (SourceError) instead of silently scoring an empty column."""
    have = {normalize_header(h) for h in headers}
    if missing := [key for key, _ in reading.user if key not in have]:
        found = [h for h in headers if str(h).strip()]
        raise SourceError(f"{where}: columns= names headers not in the file: {missing} "
                          f"(compared lower-case, '*' and '_' ignored); columns found: "
                          f"{found}")

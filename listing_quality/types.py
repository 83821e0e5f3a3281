"""The result model: plain frozen dataclasses that every other module speaks.

Nothing here computes a score. These types are the seam between adapters (which build
`Listing`), the engine (which builds `Finding` and `Result`) and the renderers (which only
read `Result.to_dict()`), so they stay small, immutable and JSON-friendly.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

DIMENSIONS: tuple[str, ...] = ("title", "photos", "packaging", "price")
SEVERITIES: tuple[str, ...] = ("error", "warning", "info")
LANGUAGES: tuple[str, ...] = ("id", "en")
READINESS: tuple[str, ...] = ("siap-marketplace", "platform-lokal", "perlu-perbaikan")

Severity = Literal["error", "warning", "info"]
Lang = Literal["id", "en"]


def json_safe(value: Any) -> Any:
    """Turn numpy scalars, tuples, sets and non-finite floats into plain JSON values.

    Features may hold numpy numbers or NaN; `json.dumps` must never see them, and NaN is
    not valid JSON, so it becomes None.
    """
    if value is None or isinstance(value, (bool, str)):
        return value
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, Mapping):
        return {str(k): json_safe(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        items = sorted(value, key=str) if isinstance(value, (set, frozenset)) else value
        return [json_safe(v) for v in items]
    if hasattr(value, "item") and callable(value.item):  # numpy scalar
        return json_safe(value.item())
    if hasattr(value, "to_dict") and callable(value.to_dict):
        return json_safe(value.to_dict())
    return str(value)


@dataclass(frozen=True)
class SourceRef:
    """Where a listing came from, so a finding can point at a spreadsheet cell.

    `row` is the spreadsheet row number a person sees (header = row 1 for a plain CSV);
    `columns` maps a listing field (``"title"``, ``"price"``, ``"photos"``) to its 1-based
    column index in that file.
    """

    file: str | None = None
    row: int | None = None
    columns: Mapping[str, int] = field(default_factory=dict)
    sheet: str | None = None

    def column_of(self, field_name: str | None) -> int | None:
        if not field_name:
            return None
        base = field_name.split("[", 1)[0]
        return self.columns.get(field_name) or self.columns.get(base)

    def to_dict(self) -> dict[str, Any]:
        return {"file": self.file, "row": self.row, "sheet": self.sheet,
                "columns": dict(self.columns)}


@dataclass(frozen=True)
class Photo:
    """One photo of a listing: a path or URL as written, or an in-memory PIL image."""

    index: int  # 1-based position in the listing, as the seller numbers photos
    ref: str  # path/URL as given, or "<image>" for an in-memory image
    image: Any = field(default=None, compare=False, repr=False)

    def to_dict(self) -> dict[str, Any]:
        return {"index": self.index, "ref": self.ref}


@dataclass(frozen=True)
class Listing:
    """A product listing as the adapters found it.

    Numbers that sellers type by hand (`price`, `original_price`, `weight_g`, `stock`) are
    kept *raw* here: "Rp25.000", "25rb", 25000 and "" are all facts about the listing, and
    parsing them is measurement, done (and reported on) by `features/`.
    """

    id: str
    title: str = ""
    description: str = ""
    price: Any = None
    original_price: Any = None
    category: str = ""
    brand: str = ""
    weight_g: Any = None
    stock: Any = None
    photos: tuple[Photo, ...] = ()
    attributes: Mapping[str, Any] = field(default_factory=dict)
    source: SourceRef | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "title": self.title, "description": self.description,
            "price": json_safe(self.price), "original_price": json_safe(self.original_price),
            "category": self.category, "brand": self.brand,
            "weight_g": json_safe(self.weight_g), "stock": json_safe(self.stock),
            "photos": [p.to_dict() for p in self.photos],
            "attributes": json_safe(self.attributes),
            "source": self.source.to_dict() if self.source else None,
        }


@dataclass(frozen=True)
class Finding:
    """One reason a listing lost points, named three ways (code, name, dimension).

    `points` is this finding's share of ``100 - overall``; `loss` is the fraction of the
    rule's weight that was lost (partial credit: 2 of 5 photos too small -> 0.4).
    Messages are stored already rendered in every language, so choosing a language is a
    rendering decision, not a scoring one.
    """

    code: str
    name: str
    dimension: str
    severity: Severity
    points: float
    loss: float
    observed: Any = None
    expected: Any = None
    field: str | None = None
    blocking: bool = False
    messages: Mapping[str, str] = dataclasses.field(default_factory=dict)
    suggestions: Mapping[str, str] = dataclasses.field(default_factory=dict)

    def message(self, lang: str = "id") -> str:
        return self.messages.get(lang) or self.messages.get("id", "")

    def suggestion(self, lang: str = "id") -> str:
        return self.suggestions.get(lang) or self.suggestions.get("id", "")

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code, "name": self.name, "dimension": self.dimension,
            "severity": self.severity, "points": round(self.points, 4),
            "loss": round(self.loss, 4), "observed": json_safe(self.observed),
            "expected": json_safe(self.expected), "field": self.field,
            "blocking": self.blocking, "message": dict(self.messages),
            "suggestion": dict(self.suggestions),
        }


@dataclass(frozen=True)
class DimensionScore:
    """A 0-100 score for one dimension; `score` is None when no rule applied to it."""

    name: str
    score: float | None
    weight: float
    lost_weight: float = 0.0
    applicable_weight: float = 0.0
    codes: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "score": None if self.score is None else round(self.score, 2),
            "weight": self.weight, "lost_weight": round(self.lost_weight, 4),
            "applicable_weight": self.applicable_weight, "codes": list(self.codes),
        }


@dataclass(frozen=True)
class Result:
    """Everything the library says about one listing; `to_dict()` is the one serialisation."""

    id: str
    overall: float
    grade: str
    readiness: str
    dimensions: Mapping[str, DimensionScore]
    findings: tuple[Finding, ...]
    features: Mapping[str, Any]
    suggested_title: str | None = None
    rubric: str = ""
    lang: str = "id"
    source: SourceRef | None = None
    # Where the photos were read from, for views that show thumbnails (notebook repr);
    # not part of the result's identity nor of `to_dict()`, so outputs stay the same.
    images_root: str | None = field(default=None, compare=False)
    photo_refs: tuple[str, ...] = field(default=(), compare=False)

    def __repr__(self) -> str:
        """A short text view (scores and top fixes), not a dump of every feature."""
        from listing_quality.notebook import result_text  # lazy: renderers import types

        return result_text(self)

    def _repr_html_(self) -> str:
        """Jupyter's rich view: score bars, fixes with suggestions, photo thumbnails."""
        from listing_quality.notebook import result_html

        return result_html(self)

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(f.code for f in self.findings)

    def top_suggestion(self, lang: str | None = None) -> str:
        lang = lang or self.lang
        for finding in self.findings:
            if finding.points > 0 or finding.severity != "info":
                return finding.suggestion(lang)
        return ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "overall": round(self.overall, 2),
            "grade": self.grade,
            "readiness": self.readiness,
            "rubric": self.rubric,
            "dimensions": {k: v.to_dict() for k, v in self.dimensions.items()},
            "findings": [f.to_dict() for f in self.findings],
            "suggested_title": self.suggested_title,
            "features": json_safe(self.features),
            "source": self.source.to_dict() if self.source else None,
        }

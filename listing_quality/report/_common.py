"""Helpers every renderer shares: reading result dicts, locations, summaries, escaping.

Renderers only format. Everything here reads the plain dicts of `Result.to_dict()` (so it
works on JSON read back from disk) and never recomputes a score: the summary is counts and
a mean of the numbers it is given.
"""

from __future__ import annotations

import math
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any

from listing_quality.types import DIMENSIONS, READINESS

GRADES: tuple[str, ...] = ("A", "B", "C", "D", "E")
# Scores are shown with one decimal; the fail-under bar is compared against that same
# displayed number, so "70.0" never fails `--fail-under 70` (coverage.py issue #284).
DISPLAY_DECIMALS = 1
TOP_CODES = 10

# Characters that make a spreadsheet treat a cell as a formula (OWASP "CSV injection").
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_FORMULA_FIRST = frozenset(_FORMULA_START)
# Bidirectional embedding/override/isolate controls: they can make a terminal line read
# differently from what it contains ("Trojan Source"), so text output drops them.
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


# Control characters, plus U+2028/U+2029 which `str.splitlines()` treats as line breaks.
_LINE_BREAKING = frozenset({"Cc", "Zl", "Zp"})


def as_dicts(results: Iterable[Any]) -> list[dict[str, Any]]:
    """Accept result dicts or `Result` objects, so library callers need not convert first."""
    return [r.to_dict() if hasattr(r, "to_dict") else r for r in results]


def finite(value: Any) -> float | None:
    """A number worth showing, or None: a NaN or a string must not become a fake score."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return float(value) if math.isfinite(value) else None


def dimension_bars(result: Mapping[str, Any]) -> list[tuple[str, float | None, float]]:
    """(dimension, score or None, bar width 0-100) in DIMENSIONS order, for any HTML view."""
    dims = result.get("dimensions") or {}
    bars = []
    for dim in DIMENSIONS:
        value = finite((dims.get(dim) or {}).get("score"))
        bars.append((dim, value, 0.0 if value is None else max(0.0, min(100.0, value))))
    return bars


def fmt_score(value: Any) -> str:
    """The one way a score is displayed in text; `-` when there is no number."""
    number = finite(value)
    return "-" if number is None else f"{number:.{DISPLAY_DECIMALS}f}"


def is_below(overall: Any, fail_under: float | None) -> bool:
    """True when the *displayed* overall is under the bar; a missing score never passes."""
    if fail_under is None:
        return False
    number = finite(overall)
    if number is None:
        return True
    return float(fmt_score(number)) < fail_under


def pick(texts: Any, lang: str) -> str:
    """A bilingual text in `lang`, falling back to Indonesian like `Finding.message` does."""
    if isinstance(texts, str):
        return texts
    if not isinstance(texts, Mapping):
        return ""
    return str(texts.get(lang) or texts.get("id") or "")


def top_suggestion(result: Mapping[str, Any], lang: str) -> str:
    """Mirror `Result.top_suggestion` on the dict form, so CSV and `score_frame` agree."""
    for finding in result.get("findings") or ():
        points = finite(finding.get("points")) or 0.0
        if points > 0 or finding.get("severity") != "info":
            return pick(finding.get("suggestion"), lang)
    return ""


def column_of(source: Mapping[str, Any], field: Any) -> int | None:
    """Mirror `SourceRef.column_of`: ``photos[2]`` falls back to the ``photos`` column."""
    columns = source.get("columns") or {}
    if not field or not isinstance(columns, Mapping):
        return None
    base = str(field).split("[", 1)[0]
    return columns.get(str(field)) or columns.get(base)


def location(result: Mapping[str, Any], finding: Mapping[str, Any] | None = None) -> str:
    """``file:row:col`` for a finding (ruff concise); the listing id when there is no file."""
    source = result.get("source") or {}
    file = source.get("file")
    if not file:
        return str(result.get("id", ""))
    parts = [str(file)]
    row = source.get("row")
    if row is not None:
        parts.append(str(row))
        col = column_of(source, (finding or {}).get("field"))
        if col is not None:
            parts.append(str(col))
    return ":".join(parts)


def _tally(values: Iterable[Any], known: tuple[str, ...]) -> dict[str, int]:
    """Counts with every known key present (zeros shown), unknown values appended sorted."""
    counts = Counter(str(v) for v in values)
    tally = {key: counts.pop(key, 0) for key in known}
    tally.update(sorted(counts.items()))
    return tally


def summarize(results: list[dict[str, Any]], meta: Mapping[str, Any]) -> dict[str, Any]:
    """Aggregates shared by the text and JSON renderers; plain counts and one mean."""
    scores = [s for s in (finite(r.get("overall")) for r in results) if s is not None]
    codes = Counter(str(f.get("code")) for r in results for f in r.get("findings") or ())
    top = sorted(codes.items(), key=lambda item: (-item[1], item[0]))[:TOP_CODES]
    fail_under = finite(meta.get("fail_under"))
    below = sum(is_below(r.get("overall"), fail_under) for r in results)
    return {
        "listings": len(results),
        "findings": sum(codes.values()),
        "mean_overall": round(sum(scores) / len(scores), 2) if scores else None,
        "grades": _tally((r.get("grade") for r in results), GRADES),
        "readiness": _tally((r.get("readiness") for r in results), READINESS),
        "top_codes": [{"code": code, "count": count} for code, count in top],
        "fail_under": fail_under,
        "below_fail_under": below if fail_under is not None else None,
    }


def terminal_safe(text: Any) -> str:
    """One printable line: control characters and line separators become spaces.

    Listing text is written by sellers; an ESC sequence or a newline in a title must not
    recolour the terminal or forge an extra finding line.
    """
    chars = []
    for ch in str(text):
        if ch in _BIDI_CONTROLS:
            continue
        chars.append(" " if unicodedata.category(ch) in _LINE_BREAKING else ch)
    return "".join(chars)


def spreadsheet_safe(cell: Any) -> Any:
    """Neutralise formula injection in a text cell; numbers pass through untouched.

    A leading apostrophe makes Excel/LibreOffice/Sheets show the text instead of running
    it. NUL becomes U+FFFD because spreadsheets truncate at it and Python 3.10's csv
    reader rejects it.
    """
    if not isinstance(cell, str):
        return cell
    cell = cell.replace("\x00", "\ufffd")
    return "'" + cell if cell.startswith(_FORMULA_START) else cell


def spreadsheet_safe_column(cells: Iterable[Any]) -> list[Any]:
    """`spreadsheet_safe` of every cell, for the million-row streamed table.

    Nearly every cell is harmless text (no formula start, no NUL) and is kept as it is
    after two C-level tests; only the rest go through `spreadsheet_safe`. The whole
    column then costs a tenth of a Python call per cell.
    """
    return [cell if type(cell) is str and cell[:1] not in _FORMULA_FIRST
            and "\x00" not in cell else spreadsheet_safe(cell) for cell in cells]


def position(result: Mapping[str, Any], finding: Mapping[str, Any] | None = None
             ) -> tuple[str | None, int | None, int | None]:
    """(file, spreadsheet row, 1-based column) of a finding; None where unknown.

    CI formats need positive integers (SARIF `startLine` >= 1, GitHub `line=`), so a
    missing or nonsensical number becomes None rather than a wrong cell.
    """
    source = result.get("source") or {}
    if not isinstance(source, Mapping):
        return None, None, None
    file = str(source["file"]) if source.get("file") else None
    row = _positive(source.get("row"))
    col = _positive(column_of(source, (finding or {}).get("field"))) if row else None
    return file, row, col


def _positive(value: Any) -> int | None:
    if isinstance(value, bool) or not isinstance(value, int):
        return None
    return value if value >= 1 else None


def iter_findings(results: Iterable[Mapping[str, Any]]
                  ) -> Iterable[tuple[Mapping[str, Any], Mapping[str, Any]]]:
    """(result, finding) pairs in report order: listings as given, findings worst first."""
    for result in results:
        for finding in result.get("findings") or ():
            yield result, finding

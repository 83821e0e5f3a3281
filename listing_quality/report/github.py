"""GitHub Actions workflow commands, plus the Markdown table for ``$GITHUB_STEP_SUMMARY``.

Each finding is ``::error title=...,file=...,line=...,col=...::message`` (ruff's shape),
escaped as actions/toolkit ``command.ts`` does. GitHub shows at most 10 annotations per
level per step (50 per job), so past `limit` per level a finding is printed as a plain
``path:row:col: CODE message`` log line instead: nothing is lost from the log, and the
step summary table covers every listing.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any

from listing_quality.report._common import (
    as_dicts,
    fmt_score,
    iter_findings,
    location,
    pick,
    position,
    terminal_safe,
)

LEVELS = {"error": "error", "warning": "warning", "info": "notice"}
ANNOTATION_LIMIT = 10  # per level and step (actions/toolkit PR #734)
NOTE = {"id": "{n} temuan lain tidak dianotasi (GitHub membatasi {limit} per tingkat); "
              "lihat ringkasan job.",
        "en": "{n} more findings not annotated (GitHub shows {limit} per level); "
              "see the job summary."}


# Other characters some log viewers break lines on; the runner splits on LF only, so
# these are not escaped by actions/toolkit, but a space keeps one annotation one line.
_OTHER_BREAKS = str.maketrans(dict.fromkeys("\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029", " "))


def escape_data(text: Any) -> str:
    """actions/toolkit `escapeData`: % first, so an escape is never escaped twice."""
    escaped = str(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return escaped.translate(_OTHER_BREAKS)


def escape_property(text: Any) -> str:
    """actions/toolkit `escapeProperty`: also `:` and `,`, which delimit properties."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render(
    results: Iterable[Any], *, lang: str = "id", meta: Mapping[str, Any] | None = None,
    limit: int = ANNOTATION_LIMIT,
) -> str:
    """Annotations in report order (worst finding of each listing first)."""
    used: Counter[str] = Counter()
    lines, plain = [], 0
    for result, finding in iter_findings(as_dicts(results)):
        level = LEVELS.get(str(finding.get("severity")), "warning")
        concise = _concise(result, finding, lang)
        if used[level] < limit:
            used[level] += 1
            lines.append(f"::{level} {_properties(result, finding)}::{escape_data(concise)}")
        else:
            plain += 1  # a severity prefix: seller text must never start a "::" command
            lines.append(f"{level}: {terminal_safe(concise)}")
    if plain:
        lines.append(NOTE.get(lang, NOTE["id"]).format(n=plain, limit=limit))
    return "".join(line + "\n" for line in lines)


def _concise(result: Mapping[str, Any], finding: Mapping[str, Any], lang: str) -> str:
    message = pick(finding.get("message"), lang)
    return (f"{location(result, finding)}: {finding.get('code', '')} "
            f"[{result.get('id', '')}] {message}")


def _properties(result: Mapping[str, Any], finding: Mapping[str, Any]) -> str:
    code = finding.get("code", "")
    props = [f"title={escape_property(f'listing-quality ({code})')}"]
    file, row, col = position(result, finding)
    if file:
        props.append(f"file={escape_property(file)}")
        if row:
            props += [f"line={row}", f"endLine={row}"]
        if col:
            props += [f"col={col}", f"endColumn={col}"]
    return ",".join(props)


SUMMARY = {
    "id": {"title": "listing-quality: {n} listing, {k} perlu diperbaiki",
           "head": ("Listing", "Lokasi", "Skor", "Nilai", "Kesiapan", "Temuan", "Saran utama"),
           "more": "… dan {n} listing lain (lihat artefak laporan)."},
    "en": {"title": "listing-quality: {n} listings, {k} need fixing",
           "head": ("Listing", "Location", "Score", "Grade", "Readiness", "Findings",
                    "Top suggestion"),
           "more": "… and {n} more listings (see the report artifact)."},
}
SUMMARY_ROWS = 500  # GitHub caps a step summary at 1 MiB


def summary_markdown(results: Iterable[Any], *, lang: str = "id",
                     meta: Mapping[str, Any] | None = None, rows: int = SUMMARY_ROWS) -> str:
    """One table row per listing with findings, lowest score first."""
    words = SUMMARY.get(lang, SUMMARY["id"])
    data = as_dicts(results)
    flagged = sorted((r for r in data if r.get("findings")),
                     key=lambda r: _sort_score(r.get("overall")))
    out = [f"### {words['title'].format(n=len(data), k=len(flagged))}", "",
           "| " + " | ".join(words["head"]) + " |", "|" + "---|" * len(words["head"])]
    for result in flagged[:rows]:
        cells = [result.get("id", ""), location(result), fmt_score(result.get("overall")),
                 result.get("grade") or "-", result.get("readiness") or "-",
                 " ".join(str(f.get("code", "")) for f in result["findings"]),
                 _top(result, lang)]
        out.append("| " + " | ".join(md_cell(c) for c in cells) + " |")
    if len(flagged) > rows:
        out += ["", words["more"].format(n=len(flagged) - rows)]
    return "\n".join(out) + "\n"


def _sort_score(value: Any) -> float:
    try:
        return float(fmt_score(value))
    except ValueError:
        return -1.0


def _top(result: Mapping[str, Any], lang: str) -> str:
    for finding in result.get("findings") or ():
        if pick(finding.get("suggestion"), lang):
            return pick(finding.get("suggestion"), lang)
    return ""


def md_cell(value: Any) -> str:
    """Seller text in a table cell: no row breaks, no HTML, no column-splitting pipes."""
    text = terminal_safe(value)
    for raw, safe in (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ("|", "\\|")):
        text = text.replace(raw, safe)
    return text.strip()

"""Terminal text in ruff's "concise" style, so editors and problem matchers can jump to a cell.

One header line per listing (so a clean listing still shows), one ``path:row:col:`` line per
finding with its suggestion indented below, then a summary block. No colour codes: the
output is often piped into a file or a CI log.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from listing_quality.report._common import (
    as_dicts,
    fmt_score,
    location,
    pick,
    summarize,
)
from listing_quality.report._common import terminal_safe as safe
from listing_quality.report.fixes import headline

LABELS: dict[str, dict[str, str]] = {
    "id": {
        "points": "poin", "suggestion": "saran", "no_findings": "tidak ada temuan",
        "summary": "Ringkasan", "listings": "listing", "findings": "temuan",
        "mean": "rata-rata skor", "grades": "nilai", "readiness": "kesiapan",
        "top_codes": "kode terbanyak", "below": "di bawah {bar}", "of": "{n} dari {total}",
    },
    "en": {
        "points": "points", "suggestion": "suggestion", "no_findings": "no findings",
        "summary": "Summary", "listings": "listings", "findings": "findings",
        "mean": "mean score", "grades": "grades", "readiness": "readiness",
        "top_codes": "top codes", "below": "below {bar}", "of": "{n} of {total}",
    },
}


def render(
    results: Iterable[Any], *, lang: str = "id", meta: Mapping[str, Any] | None = None
) -> str:
    """The whole report as one string ending in a newline; listings keep input order."""
    meta = meta or {}
    rows = as_dicts(results)
    labels = LABELS.get(lang, LABELS["id"])
    bands = meta.get("bands") or {} if meta.get("explain") else None
    blocks = ["\n".join(_listing_lines(r, lang, labels, bands)) for r in rows]
    blocks.append("\n".join(_summary_lines(summarize(rows, meta), meta, labels)))
    return "\n\n".join(blocks) + "\n"


def _listing_lines(result: Mapping[str, Any], lang: str, labels: Mapping[str, str],
                   bands: Mapping[str, Any] | None = None) -> list[str]:
    """Header ``id  overall  grade  readiness``, then findings in the order given (worst first).

    With `bands` (`--explain`), a second line leads with the fixes: how many, and the grade
    and readiness the listing reaches after them ("Perbaiki 3 hal ini: D -> B, ...").
    """
    rid = safe(result.get("id", ""))
    header = "  ".join(
        [rid, fmt_score(result.get("overall")), safe(result.get("grade") or "-"),
         safe(result.get("readiness") or "-")]
    )
    lines = [header]
    if bands is not None:
        lines.append("  => " + safe(headline(result, bands.get(str(result.get("rubric"))), lang)))
    findings = result.get("findings") or ()
    for finding in findings:
        lines.append(_finding_line(result, finding, rid, lang, labels))
        suggestion = safe(pick(finding.get("suggestion"), lang)).strip()
        if suggestion:
            lines.append(f"  {labels['suggestion']}: {suggestion}")
    if not findings:
        lines.append(f"  {labels['no_findings']}")
    return lines


def _finding_line(
    result: Mapping[str, Any], finding: Mapping[str, Any], rid: str, lang: str,
    labels: Mapping[str, str],
) -> str:
    """``path:row:col: CODE [id] message (x.x poin)`` — the concise, greppable line."""
    message = safe(pick(finding.get("message"), lang)).strip()
    points = f"({fmt_score(finding.get('points'))} {labels['points']})"
    parts = [safe(finding.get("code", "")), f"[{rid}]", message, points]
    return f"{safe(location(result, finding))}: " + " ".join(p for p in parts if p)


def _summary_lines(
    summary: Mapping[str, Any], meta: Mapping[str, Any], labels: Mapping[str, str]
) -> list[str]:
    """A labelled block; labels are padded to one width so the values line up."""
    pairs = [
        (labels["listings"], str(summary["listings"])),
        (labels["findings"], str(summary["findings"])),
        (labels["mean"], fmt_score(summary["mean_overall"])),
        (labels["grades"], _counts(summary["grades"])),
        (labels["readiness"], _counts(summary["readiness"])),
        (labels["top_codes"], _counts({c["code"]: c["count"] for c in summary["top_codes"]})),
    ]
    if summary["fail_under"] is not None:
        label = labels["below"].format(bar=fmt_score(summary["fail_under"]))
        value = labels["of"].format(n=summary["below_fail_under"], total=summary["listings"])
        pairs.append((label, value))
    width = max(len(label) for label, _ in pairs)
    context = [safe(meta[k]) for k in ("rubric", "path") if meta.get(k)]
    title = labels["summary"] + (f" ({', '.join(context)})" if context else "")
    return [title] + [f"  {label.ljust(width)}  {value}" for label, value in pairs]


def _counts(counts: Mapping[str, int]) -> str:
    """``A: 1, B: 0`` — every key shown, zeros included, so columns compare across runs."""
    return ", ".join(f"{safe(key)}: {n}" for key, n in counts.items()) or "-"

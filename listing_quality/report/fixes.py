"""Lead with the fixes: which findings to fix first, and where the listing lands after them.

A seller reads a report to know what to do, so every card starts with the fixes ranked by
the points each one gives back. Points are already each finding's share of
``100 - overall`` (scoring guarantees the sum), so fixing a set of findings raises the
score by the sum of their points; this module only adds those numbers up and looks the
result up in the rubric's grade bands, which the caller passes in `meta["bands"]`.
The model's own finding (code ``M...``) is not a fix a seller can make, so it is left out.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from listing_quality.report._common import finite, fmt_score
from listing_quality.rubric import LOWEST_GRADE

WORDS: dict[str, dict[str, str]] = {
    "id": {"lead": "Perbaiki {n} hal ini: {before} -> {after}", "none": "Tidak ada yang perlu "
           "diperbaiki", "siap-marketplace": "siap marketplace",
           "platform-lokal": "cukup untuk platform lokal",
           "perlu-perbaikan": "masih perlu perbaikan"},
    "en": {"lead": "Fix these {n} things: {before} -> {after}", "none": "Nothing to fix",
           "lead_one": "Fix this 1 thing: {before} -> {after}",
           "siap-marketplace": "marketplace-ready",
           "platform-lokal": "good enough for the local platform",
           "perlu-perbaikan": "still needs work"},
}


def ranked_fixes(result: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    """Findings a seller can act on, most points regained first (ties keep input order)."""
    fixes = [f for f in result.get("findings") or ()
             if (finite(f.get("points")) or 0.0) > 0 and not str(f.get("code", "")).startswith("M")]
    return sorted(fixes, key=lambda f: -(finite(f.get("points")) or 0.0))


def projection(result: Mapping[str, Any], bands: Mapping[str, Any] | None
               ) -> dict[str, Any] | None:
    """Score, grade and readiness after the fewest top fixes that make the listing ready.

    With grade bands, take ranked fixes until the score reaches the marketplace bar and
    every error-level finding is fixed ("Perbaiki 3 hal ini: D -> B, siap marketplace");
    when the bar cannot be reached, or without bands, every fix counts. None when
    nothing can be fixed.
    """
    fixes = ranked_fixes(result)
    overall = finite(result.get("overall"))
    if not fixes or overall is None:
        return None
    count, after = _needed(fixes, overall, bands)
    out: dict[str, Any] = {"count": count, "overall": round(after, 2),
                           "grade": None, "readiness": None}
    if bands:
        out["grade"] = grade_for(after, bands.get("grades") or ())
        out["readiness"] = _readiness(after, bands)
    return out


def _needed(fixes: Sequence[Mapping[str, Any]], overall: float,
            bands: Mapping[str, Any] | None) -> tuple[int, float]:
    errors = [i for i, f in enumerate(fixes) if f.get("severity") == "error"]
    last_error = errors[-1] + 1 if errors else 0
    after = overall
    for count, fix in enumerate(fixes, start=1):
        after = min(100.0, after + (finite(fix.get("points")) or 0.0))
        ready = bands is not None and float(fmt_score(after)) >= float(bands.get("ready", 101))
        if ready and count >= last_error and overall < float(bands.get("ready", 101)):
            return count, after
    return len(fixes), after


def grade_for(overall: float, grades: Sequence[Sequence[Any]]) -> str:
    """The same band lookup as `Rubric.grade_for`, on the displayed (1-decimal) number."""
    shown = float(fmt_score(overall))
    for letter, bar in sorted(grades, key=lambda pair: -float(pair[1])):
        if shown >= float(bar):
            return str(letter)
    return LOWEST_GRADE


def _readiness(overall: float, bands: Mapping[str, Any]) -> str:
    """After the fixes no error is left, so only the bars decide (DESIGN.md section 6)."""
    shown = float(fmt_score(overall))
    if shown >= float(bands.get("ready", 101)):
        return "siap-marketplace"
    return "platform-lokal" if shown >= float(bands.get("local", 0)) else "perlu-perbaikan"


def headline(result: Mapping[str, Any], bands: Mapping[str, Any] | None, lang: str) -> str:
    """"Perbaiki 3 hal ini: D -> B, siap marketplace" (or the score when no bands)."""
    words = WORDS.get(lang, WORDS["id"])
    after = projection(result, bands)
    if after is None:
        return words["none"]
    if after["grade"]:
        before, target = str(result.get("grade") or "-"), after["grade"]
    else:
        before, target = fmt_score(result.get("overall")), fmt_score(after["overall"])
    lead = words.get("lead_one", words["lead"]) if after["count"] == 1 else words["lead"]
    text = lead.format(n=after["count"], before=before, after=target)
    if after["grade"]:
        text += f" ({fmt_score(result.get('overall'))} -> {fmt_score(after['overall'])})"
    return text + (f", {words[after['readiness']]}" if after["readiness"] else "")

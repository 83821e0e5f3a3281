"""Pieces of the HTML report: bilingual text, the listing table row and the listing card.

Every value that came from a catalog (ids, titles, messages that quote the seller's
text, file names) goes through `esc`, and attribute values are quoted, so a title like
``<script>alert(1)</script>`` renders as text. Both languages are in the page; CSS shows
one, so switching language needs no re-render.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from html import escape
from typing import Any

from listing_quality.report._common import dimension_bars, finite, fmt_score, location, pick
from listing_quality.report.fixes import headline, projection, ranked_fixes
from listing_quality.report.thumbs import settings
from listing_quality.types import LANGUAGES


def esc(value: Any) -> str:
    return escape("" if value is None else str(value), quote=True)


def label(key: str) -> str:
    """A fixed report label in both languages."""
    labels = settings()["labels"]
    return "".join(f'<span data-l="{lang}">{esc(labels[lang].get(key, key))}</span>'
                   for lang in LANGUAGES)


def both(texts: Any) -> str:
    """A bilingual text from a result dict; a language missing falls back to Indonesian."""
    return "".join(f'<span data-l="{lang}">{esc(pick(texts, lang))}</span>'
                   for lang in LANGUAGES)


def title_of(result: Mapping[str, Any]) -> str:
    return str((result.get("features") or {}).get("title.text") or "")


def table_row(index: int, result: Mapping[str, Any], seller: str) -> str:
    """One sortable row; `data-key` holds the value sorted on, `data-search` the filter text."""
    score = finite(result.get("overall"))
    codes = " ".join(str(f.get("code", "")) for f in result.get("findings") or ())
    search = " ".join((str(result.get("id", "")), title_of(result), codes, seller)).lower()
    readiness = str(result.get("readiness") or "")
    cells = [
        (esc(result.get("id", "")), esc(result.get("id", "")), ""),
        (esc(title_of(result)), esc(title_of(result).lower()), ""),
        (esc(seller), esc(seller.lower()), ""),
        (esc(fmt_score(score)), "-1" if score is None else fmt_score(score), ' class="num"'),
        (_grade(result), esc(result.get("grade") or ""), ""),
        (label(readiness) if readiness else "-", esc(readiness), ""),
        (f'<a href="#card-{index}">{esc(codes) or "-"}</a>', esc(codes), ""),
    ]
    tds = "".join(f'<td data-key="{key}"{extra}>{shown}</td>' for shown, key, extra in cells)
    return (f'<tr data-index="{index}" data-readiness="{esc(readiness)}" '
            f'data-seller="{esc(seller)}" data-search="{esc(search)}">{tds}</tr>')


def _grade(result: Mapping[str, Any]) -> str:
    grade = str(result.get("grade") or "-")
    css = grade if grade in ("A", "B", "C", "D", "E") else "E"
    return f'<span class="badge g-{css}">{esc(grade)}</span>'


def card(index: int, result: Mapping[str, Any], seller: str, thumbs: Sequence[Any],
         bands: Mapping[str, Any] | None) -> str:
    """A listing's card: who and where, its photos, scores, then fixes ranked by points."""
    readiness = str(result.get("readiness") or "")
    lead = "".join(f'<span data-l="{lang}">{esc(headline(result, bands, lang))}</span>'
                   for lang in LANGUAGES)
    head = (f'<h2>{esc(title_of(result)) or esc(result.get("id", ""))}</h2>'
            f'<div class="meta">{label("id")}: {esc(result.get("id", ""))} · '
            f'{label("location")}: {esc(location(result))}'
            + (f' · {label("seller")}: {esc(seller)}' if seller else "") + "</div>")
    score = (f'<div>{label("score")}: <b>{esc(fmt_score(result.get("overall")))}</b> '
             f'{_grade(result)} <span class="r-{esc(readiness)}">'
             f'{label(readiness) if readiness else "-"}</span></div>')
    return (f'<article class="card" id="card-{index}" data-index="{index}">{head}{score}'
            f'{_thumbs(thumbs)}{_dims(result)}<p class="lead">{lead}</p>'
            f'{_fixes(result, bands)}{_suggested(result)}</article>')


def _thumbs(thumbs: Sequence[Any]) -> str:
    """`thumbs` holds (name, data URI or None) pairs, in the listing's photo order."""
    if not thumbs:
        return f'<div class="thumbs"><span class="missing">{label("no_photo")}</span></div>'
    items = [f'<img src="{esc(uri)}" alt="{esc(name)}" title="{esc(name)}">' if uri else
             f'<span class="missing">{esc(name)}</span>' for name, uri in thumbs]
    return f'<div class="thumbs" aria-label="photos">{"".join(items)}</div>'


def _dims(result: Mapping[str, Any]) -> str:
    rows = []
    for dim, value, width in dimension_bars(result):
        rows.append(f'<span>{label("dim_" + dim)}</span><span class="bar"><i style="width:'
                    f'{width:.0f}%"></i></span><span>{esc(fmt_score(value))}</span>')
    return f'<div class="dims">{"".join(rows)}</div>'


def _fixes(result: Mapping[str, Any], bands: Mapping[str, Any] | None) -> str:
    """Ranked fixes first (those in the headline marked); free info findings follow as notes."""
    fixes = ranked_fixes(result)
    lead = (projection(result, bands) or {}).get("count", 0)
    chosen = {id(f) for f in fixes}
    notes = [f for f in result.get("findings") or () if id(f) not in chosen]
    html = ""
    if fixes:
        html += f'<h3>{label("fixes")}</h3><ol class="fixes">{_items(fixes, lead)}</ol>'
    if notes:
        html += f'<h3>{label("notes")}</h3><ul class="fixes">{_items(notes, -1)}</ul>'
    return html


def _items(findings: Sequence[Mapping[str, Any]], lead: int) -> str:
    """`lead` items get class "first" (the headline's fixes); -1 means notes without points."""
    out = []
    for i, f in enumerate(findings):
        gain = (f'<span class="pts">+{esc(fmt_score(f.get("points")))} {label("points")}'
                "</span> " if lead >= 0 else "")
        css = ' class="first"' if i < lead else ""
        out.append(f'<li{css}>{gain}{both(f.get("message"))} <span class="code">'
                   f'{esc(f.get("code", ""))}</span><br><span class="sug">'
                   f'{label("suggestion")}: {both(f.get("suggestion"))}</span></li>')
    return "".join(out)


def _suggested(result: Mapping[str, Any]) -> str:
    title = result.get("suggested_title")
    return f'<p>{label("suggested_title")}: <i>{esc(title)}</i></p>' if title else ""

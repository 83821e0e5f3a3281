"""One listing, for a notebook: an HTML fragment (`Result._repr_html_`) and a text view.

A notebook cell output is not a page: there is no stylesheet of ours and no script (and
JupyterLab strips scripts from untrusted outputs anyway), so the fragment uses inline
styles and shows one language. Right under the title and score comes the headline fix
("Perbaiki 3 hal ini: D -> B, siap marketplace"), then the photo thumbnails the caller
read, one bar per dimension, and the fixes ranked by points regained with their
suggestions (past the top few, the rest fold into a <details>). Every catalog text goes
through `esc`. Renderers only format: the ranking and the projection come from `fixes`,
the numbers from `Result.to_dict()`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from listing_quality.report._common import (
    dimension_bars,
    fmt_score,
    pick,
    terminal_safe,
)
from listing_quality.report.fixes import headline, ranked_fixes
from listing_quality.report.html_parts import esc, title_of
from listing_quality.report.thumbs import settings
from listing_quality.types import DIMENSIONS

COLOURS = {"A": "#1b7f3b", "B": "#1b7f3b", "C": "#b26a00", "D": "#b26a00", "E": "#b3261e"}
BOX = "font-family:system-ui,sans-serif;font-size:13px;max-width:760px;line-height:1.4"
TEXT_FIXES = 5  # the text view names the top fixes only
TITLE_CHARS = 100  # and cuts a long title there
HTML_FIXES = 8  # the HTML view lists the top fixes open and folds the rest


def _word(lang: str, key: str) -> str:
    labels = settings()["labels"]
    return str((labels.get(lang) or labels["id"]).get(key, key))


def render_html(result: Mapping[str, Any], *, lang: str = "id",
                thumbs: Sequence[tuple[str, str | None]] = (),
                bands: Mapping[str, Any] | None = None) -> str:
    """The fragment; `thumbs` holds (file name, data URI or None) per photo shown."""
    grade = str(result.get("grade") or "-")
    colour = COLOURS.get(grade, COLOURS["E"])
    title = title_of(result) or str(result.get("id", ""))
    head = (f'<div style="font-size:15px;font-weight:600">{esc(title)}</div>'
            f'<div style="color:#555">{esc(_word(lang, "id"))}: {esc(result.get("id", ""))}'
            f' · {esc(_word(lang, "score"))}: <b>{esc(fmt_score(result.get("overall")))}</b>'
            f' <span style="background:{colour};color:#fff;border-radius:4px;padding:0 6px">'
            f'{esc(grade)}</span> · {esc(_word(lang, str(result.get("readiness") or "-")))}'
            "</div>")
    lead = (f'<div style="font-weight:600;margin:6px 0">'
            f'{esc(headline(result, bands, lang))}</div>')
    return (f'<div class="lq-result" style="{BOX}">{head}{lead}{_thumbs(thumbs, lang)}'
            f'{_bars(result, lang)}{_fixes(result, lang)}{_suggested(result, lang)}</div>')


def _thumbs(thumbs: Sequence[tuple[str, str | None]], lang: str) -> str:
    if not thumbs:
        return f'<div style="color:#777;margin:6px 0">{esc(_word(lang, "no_photo"))}</div>'
    items = [f'<img src="{esc(uri)}" alt="{esc(name)}" title="{esc(name)}" style="width:96px;'
             'height:96px;object-fit:cover;border:1px solid #ddd;border-radius:4px">' if uri
             else f'<span style="font-size:12px;color:#777">{esc(name)}</span>'
             for name, uri in thumbs]
    return f'<div style="display:flex;gap:6px;flex-wrap:wrap;margin:6px 0">{"".join(items)}</div>'


def _bars(result: Mapping[str, Any], lang: str) -> str:
    """One bar per dimension, width = score; a dimension no rule applied to shows '-'."""
    rows = []
    for dim, value, width in dimension_bars(result):
        rows.append(f'<tr><td style="padding:1px 8px 1px 0">{esc(_word(lang, "dim_" + dim))}'
                    '</td><td style="width:240px;padding:1px 0"><div style="background:#eee;'
                    'height:9px;border-radius:4px"><div style="background:#1b7f3b;height:9px;'
                    f'border-radius:4px;width:{width:.0f}%"></div></div></td><td style="'
                    f'text-align:right;padding:1px 0 1px 8px">{esc(fmt_score(value))}</td></tr>')
    return f'<table style="border-collapse:collapse;margin:4px 0">{"".join(rows)}</table>'


def _fixes(result: Mapping[str, Any], lang: str) -> str:
    items = [f'<li><b style="color:#1b7f3b">+{esc(fmt_score(f.get("points")))} '
             f'{esc(_word(lang, "points"))}</b> {esc(pick(f.get("message"), lang))} '
             f'<code>{esc(f.get("code", ""))}</code><br><span style="color:#333">'
             f'{esc(_word(lang, "suggestion"))}: {esc(pick(f.get("suggestion"), lang))}'
             "</span></li>" for f in ranked_fixes(result)]
    if not items:
        return ""
    rest = ""
    if len(items) > HTML_FIXES:  # the rest folds away (<details> needs no script)
        rest = (f'<details><summary style="cursor:pointer">+{len(items) - HTML_FIXES}'
                f'</summary><ol start="{HTML_FIXES + 1}" style="margin:2px 0;padding-left:'
                f'22px">{"".join(items[HTML_FIXES:])}</ol></details>')
    return (f'<div style="margin-top:4px">{esc(_word(lang, "fixes"))}</div>'
            f'<ol style="margin:2px 0;padding-left:22px">{"".join(items[:HTML_FIXES])}</ol>'
            f'{rest}')


def _suggested(result: Mapping[str, Any], lang: str) -> str:
    title = result.get("suggested_title")
    if not title:
        return ""
    return f'<div>{esc(_word(lang, "suggested_title"))}: <i>{esc(title)}</i></div>'


def render_text(result: Mapping[str, Any], *, lang: str = "id",
                bands: Mapping[str, Any] | None = None) -> str:
    """A few lines a terminal or a plain-text notebook output can show; seller text is
    made terminal-safe (no escape sequences, no forged line breaks)."""
    dims = result.get("dimensions") or {}
    scores = "  ".join(f"{_word(lang, 'dim_' + d)} {fmt_score((dims.get(d) or {}).get('score'))}"
                       for d in DIMENSIONS)
    lines = [f"<Result {terminal_safe(result.get('id', ''))}: "
             f"{fmt_score(result.get('overall'))} {terminal_safe(result.get('grade') or '-')} "
             f"{terminal_safe(result.get('readiness') or '-')}>",
             f"  {terminal_safe(title_of(result))[:TITLE_CHARS]}",
             f"  {scores}", f"  {headline(result, bands, lang)}"]
    fixes = ranked_fixes(result)
    for fix in fixes[:TEXT_FIXES]:
        lines.append(f"  +{fmt_score(fix.get('points'))} {terminal_safe(fix.get('code', ''))}"
                     f" {terminal_safe(pick(fix.get('suggestion'), lang))}")
    if len(fixes) > TEXT_FIXES:
        lines.append(f"  ... +{len(fixes) - TEXT_FIXES}")
    return "\n".join(lines)

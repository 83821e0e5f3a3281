"""A static, self-contained HTML report a curator can open offline and hand to sellers.

One file: inline CSS and JS (no CDN), photos as inline thumbnails. It holds the catalog
summary, a sortable and filterable table, and one card per listing that leads with the
fixes ranked by points regained. Filtering by seller and printing shows a per-seller page.
A Content-Security-Policy allows only the report's own script (by hash), so even a
seller text that slipped past escaping could not run.

`meta` keys used: path, rubric, version, images_root, photos (one list of photo refs per
result, in order), sellers (one name per result), bands (rubric name -> grade bands).
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from listing_quality.report._common import as_dicts, fmt_score, summarize
from listing_quality.report.html_parts import card, esc, label, table_row
from listing_quality.report.thumbs import ASSETS, settings, thumbnail
from listing_quality.types import LANGUAGES

COLUMNS = (("id", "text"), ("name", "text"), ("seller", "text"), ("score", "num"),
           ("grade", "text"), ("readiness", "text"), ("codes", "text"))


def render(
    results: Iterable[Any], *, lang: str = "id", meta: Mapping[str, Any] | None = None
) -> str:
    meta = meta or {}
    rows = as_dicts(results)
    sellers = [_seller(meta, i) for i in range(len(rows))]
    thumbs = _all_thumbs(rows, meta)
    bands = meta.get("bands") or {}
    table = "".join(table_row(i, r, s) for i, (r, s) in enumerate(zip(rows, sellers, strict=True)))
    cards = "".join(card(i, r, s, t, bands.get(str(r.get("rubric"))))
                    for i, (r, s, t) in enumerate(zip(rows, sellers, thumbs, strict=True)))
    heads = "".join(f'<th data-type="{kind}">{label(key)}</th>' for key, kind in COLUMNS)
    body = (f'{_header(meta, lang)}{_summary(rows, meta)}{_controls(rows, sellers)}'
            f'<table id="listings"><thead><tr>{heads}</tr></thead><tbody>{table}</tbody>'
            f'</table><p id="print-title"></p><section id="cards">{cards}</section>')
    return _page(body, lang)


def _page(body: str, lang: str) -> str:
    css = (ASSETS / "report.css").read_text(encoding="utf-8")
    js = (ASSETS / "report.js").read_text(encoding="utf-8")
    digest = base64.b64encode(hashlib.sha256(js.encode("utf-8")).digest()).decode("ascii")
    policy = (f"default-src 'none'; img-src data:; style-src 'unsafe-inline'; "
              f"script-src 'sha256-{digest}'")
    lang = lang if lang in LANGUAGES else "id"
    return (f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8">'
            f'<meta http-equiv="Content-Security-Policy" content="{policy}">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            f'<title>{esc(settings()["labels"][lang]["title"])}</title>'
            f'<style>{css}</style></head>\n<body data-lang="{lang}">{body}'
            f'<script>{js}</script></body></html>\n')


def _header(meta: Mapping[str, Any], lang: str) -> str:
    buttons = "".join(f'<button type="button" data-set-lang="{code}" aria-pressed="'
                      f'{str(code == lang).lower()}">{code.upper()}</button>'
                      for code in LANGUAGES)
    facts = [f'{label(key)}: {esc(meta.get(src))}' for key, src in
             (("catalog", "path"), ("rubric", "rubric")) if meta.get(src)]
    facts.append(f'{label("generated_by")}: listing-quality {esc(meta.get("version") or "")}')
    return (f'<header><h1>{label("title")}</h1><span class="meta">{" · ".join(facts)}'
            f'</span>{buttons}</header>')


def _summary(rows: list[dict[str, Any]], meta: Mapping[str, Any]) -> str:
    summary = summarize(rows, meta)

    def counts(mapping: Mapping[str, int], labelled: bool = False) -> str:
        return ", ".join(f"{label(k) if labelled else esc(k)}: {n}" for k, n in mapping.items())

    top = {c["code"]: c["count"] for c in summary["top_codes"][:5]}
    stats = [("listings", esc(summary["listings"])),
             ("mean", esc(fmt_score(summary["mean_overall"]))),
             ("grades", counts(summary["grades"])),
             ("readiness", counts(summary["readiness"], labelled=True)),
             ("top_codes", counts(top) or "-")]
    items = "".join(f'<div class="stat">{label(key)}<b>{value}</b></div>'
                    for key, value in stats)
    return f'<section id="summary">{items}</section>'


def _controls(rows: list[dict[str, Any]], sellers: list[str]) -> str:
    """Filter box and selects; their placeholder/option words switch language in JS."""
    readiness = sorted({str(r.get("readiness")) for r in rows if r.get("readiness")})
    r_opts = "".join(f'<option value="{esc(v)}">{esc(v)}</option>' for v in readiness)
    s_opts = "".join(f'<option value="{esc(v)}">{esc(v)}</option>'
                     for v in sorted(set(sellers)) if v)
    every = f'<option value="" {_switch("all")}>{esc(_word("id", "all"))}</option>'
    return (f'<section id="controls"><input id="filter" type="search" aria-label="filter" '
            f'{_switch("filter", "placeholder")} placeholder="{esc(_word("id", "filter"))}">'
            f'<label>{label("readiness")} <select id="readiness">{every}{r_opts}</select>'
            f'</label><label>{label("seller")} <select id="seller">{every}{s_opts}</select>'
            f'</label><span><b id="shown">{len(rows)}</b> {label("shown")}</span>'
            f'<button type="button" id="print">{label("print")}</button></section>')


def _word(lang: str, key: str) -> str:
    return str(settings()["labels"][lang][key])


def _switch(key: str, attribute: str = "text") -> str:
    """data-i18n-* attributes the script copies into `attribute` when the language changes."""
    words = " ".join(f'data-i18n-{lang}="{esc(_word(lang, key))}"' for lang in LANGUAGES)
    return f'data-i18n="{attribute}" {words}'


def _seller(meta: Mapping[str, Any], index: int) -> str:
    sellers = meta.get("sellers") or ()
    return str(sellers[index] or "") if index < len(sellers) else ""


def _all_thumbs(rows: list[dict[str, Any]], meta: Mapping[str, Any]) -> list[list[Any]]:
    """(name, data URI) per shown photo; past the report-wide budget, names only."""
    limits = settings()["thumbnails"]
    root = Path(meta["images_root"]) if meta.get("images_root") else None
    refs = meta.get("photos") or [
        (r.get("features") or {}).get("photos.files") or [] for r in rows]
    budget = int(limits["total"])
    out = []
    for i in range(len(rows)):
        photos = [str(p) for p in (refs[i] if i < len(refs) else [])][:limits["per_listing"]]
        shown = []
        for ref in photos:
            uri = thumbnail(ref, root) if budget > 0 else None
            budget -= uri is not None
            shown.append((Path(ref).name or ref, uri))
        out.append(shown)
    return out

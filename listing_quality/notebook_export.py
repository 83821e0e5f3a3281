"""Per-seller feedback files: one CSV of ranked fixes and one HTML page per seller.

A curator hands each UMKM only its own listings. Seller names are catalog text, so they
never become paths as written: each file name is an ASCII slug plus a counter when two
names slug alike, and the CSV cells are formula-escaped (a title starting with "=" must
not run in Excel). The HTML page is the static report (`report.html`) for that seller's
listings, thumbnails included. Nothing is scored here; the results are the caller's.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from .notebook import bands_for, suggestions_frame
from .report import html as html_report
from .report._common import spreadsheet_safe
from .types import Result

_UNSAFE = re.compile(r"[^A-Za-z0-9]+")
NO_SELLER = "tanpa-penjual"
MAX_SLUG = 60


def slug(name: str) -> str:
    """'Dapur Bu Sri / Solo' -> 'dapur-bu-sri-solo'; never empty, never a path."""
    text = _UNSAFE.sub("-", str(name)).strip("-").lower()[:MAX_SLUG].strip("-")
    return text or NO_SELLER


def export_per_seller(results: Sequence[Result], sellers: Sequence[str], folder: str | Path,
                      lang: str = "id") -> pd.DataFrame:
    """Write `<slug>.csv` and `<slug>.html` per seller into `folder`; one row per seller.

    `sellers` holds one name per result (`df.lq.sellers()`); results without a seller
    are grouped under "tanpa-penjual".
    """
    if len(sellers) != len(results):
        raise ValueError(f"{len(sellers)} seller names for {len(results)} results")
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    groups: dict[str, list[Result]] = {}
    for result, seller in zip(results, sellers, strict=True):
        groups.setdefault(str(seller or "").strip(), []).append(result)
    rows, used = [], set()
    for seller, items in sorted(groups.items()):
        name = _unique(slug(seller) if seller else NO_SELLER, used)
        csv_path, html_path = out / f"{name}.csv", out / f"{name}.html"
        _write_csv(items, csv_path, lang)
        html_path.write_text(_page(items, seller, lang), encoding="utf-8")
        rows.append({"seller": seller, "listings": len(items),
                     "mean_overall": round(sum(r.overall for r in items) / len(items), 1),
                     "csv": csv_path.name, "html": html_path.name})
    return pd.DataFrame(rows, columns=["seller", "listings", "mean_overall", "csv", "html"])


def _unique(name: str, used: set[str]) -> str:
    candidate, n = name, 1
    while candidate in used:
        n += 1
        candidate = f"{name}-{n}"
    used.add(candidate)
    return candidate


def _write_csv(items: Sequence[Result], path: Path, lang: str) -> None:
    table = suggestions_frame(items, lang=lang)
    titles = {r.id: str(r.features.get("title.text") or "") for r in items}
    table.insert(1, "title", table["id"].map(titles))
    for column in table.columns:  # text columns (object, or pandas 3's str dtype)
        if not pd.api.types.is_numeric_dtype(table[column]):
            table[column] = table[column].map(spreadsheet_safe)
    table.to_csv(path, index=False, encoding="utf-8-sig")  # BOM: Excel reads UTF-8


def _page(items: Sequence[Result], seller: str, lang: str) -> str:
    """The static report for one seller; photos from each result's own images_root."""
    roots = {r.images_root for r in items if r.images_root}
    meta = {"images_root": next(iter(roots)) if len(roots) == 1 else None,
            "photos": [list(r.photo_refs) for r in items],
            "sellers": [seller] * len(items),
            "bands": {r.rubric: bands_for(r.rubric) for r in items if bands_for(r.rubric)}}
    return html_report.render(items, lang=lang, meta=meta)

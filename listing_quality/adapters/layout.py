"""The rows between a marketplace's key row and its first data row.

Shopee puts labels, "Wajib"/"Opsional", notes and a marker row under its machine keys and
starts data on row 7. Those rows are not listings, but a row a seller typed into that
block still is: a block row that *looks like a listing* (one amount in the price column,
only digits in the id column as Shopee product ids are, or a photo URL or file name) is
kept. One row in, one out.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from .values import as_text, plain

if TYPE_CHECKING:  # catalog imports this module; the types are only annotations here
    from .catalog import Record
    from .columns import ColumnMap
    from .sources import Profile

# One amount ("12000", "12.000", "Rp 12.000"): a price. Template instructions give ranges
# ("Rp99 - Rp150.000.000") or words, never a single amount.
_AMOUNT = re.compile(r"^\s*(?:rp\.?\s?)?\d[\d.,]{0,15}\s*$", re.IGNORECASE)
# A photo reference: a URL or an image file name. Instructions say "URL gambar".
_PHOTO = re.compile(r"^\s*(?:https?://\S+|\S+\.(?:jpe?g|png|webp))\s*$", re.IGNORECASE)


def split_block(data: list[Record], cmap: ColumnMap, prof: Profile,
                header_row: int) -> tuple[list[Record], list[Record]]:
    """(header-block rows skipped, rows to read) for the profile's layout."""
    if not prof.data_row:
        return [], data
    last = header_row + prof.data_row - 2  # key row 1 -> data row 7: rows 2..6
    block = [r for r in data if r.number <= last and not listing_like(r, cmap)]
    skipped = {id(r) for r in block}
    return block, [r for r in data if id(r) not in skipped]


def listing_like(rec: Record, cmap: ColumnMap) -> bool:
    """A price, an all-digit id or a photo reference: data, not instructions."""
    price = _cell(rec, cmap.fields.get("price"))
    if isinstance(price, (int, float)) and not isinstance(price, bool) and price > 0:
        return True
    if isinstance(price, str) and _AMOUNT.match(price):
        return True
    ident = as_text(_cell(rec, cmap.fields.get("id"))).strip()
    if ident.isdigit() and len(ident) >= 3:
        return True
    return any(_PHOTO.match(as_text(_cell(rec, j))) for j in cmap.photo_positions())


def _cell(rec: Record, j: int | None) -> Any:
    return plain(rec.values[j]) if j is not None and j < len(rec.values) else None

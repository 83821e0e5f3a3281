"""Who sells a listing, for the HTML report's seller filter and printed per-seller page.

Catalog exports name the shop in many ways (`toko`, `Nama Toko`, `seller`); the accepted
names are data (`seller_keys` in assets/html.yaml). Without one, the brand stands in,
which for most UMKM is the shop's own name.
"""

from __future__ import annotations

from listing_quality.report.thumbs import settings
from listing_quality.types import Listing


def seller_of(listing: Listing) -> str:
    """The seller named in the row's extra columns (data: seller_keys), else the brand."""
    wanted = set(settings()["seller_keys"])
    for key, value in (listing.attributes or {}).items():
        name = str(key).strip().lower().replace("_", " ")
        if name in wanted and str(value or "").strip():
            return str(value).strip()
    return str(listing.brand or "").strip()

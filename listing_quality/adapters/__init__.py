"""Adapters: anything a seller or curator hands over -> `Listing` objects.

    read_catalog(path | DataFrame | mappings, sheet=None) -> Catalog
    listings_from_frame(df, path=None, header_row=1) -> Catalog
    listing_from_mapping(mapping, index=0, source=None) -> Listing

Column spellings (Indonesian labels, marketplace machine keys) are data in `columns.yaml`.
Adapters never parse prices or weights; they keep the raw value. A whole-input problem is an
`AdapterError` (a ValueError) naming the file, what was found and what was expected; a
problem in one row stays on that row, in `Listing.attributes` under keys starting with "_".
"""

from .catalog import AdapterError, Catalog
from .files import read_catalog
from .frame import listings_from_frame
from .mapping import listing_from_mapping

__all__ = ["AdapterError", "Catalog", "listing_from_mapping", "listings_from_frame",
           "read_catalog"]

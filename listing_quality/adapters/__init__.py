"""Adapters: anything a seller or curator hands over -> `Listing` objects.

    read_catalog(path | DataFrame | mappings, sheet=None, source=None, columns=None)
        -> Catalog
    listings_from_frame(df, path=None, header_row=1) -> Catalog
    listing_from_mapping(mapping, index=0, source=None) -> Listing
    SOURCES: the layouts `source=` (the CLI's --source) accepts, besides "auto"

Column spellings (Indonesian labels, marketplace machine keys) are data in `columns.yaml`;
each marketplace layout (Shopee mass upload / mass update, Tokopedia, TikTok Shop) is a
data file in `marketplaces/`, detected from the file's first rows. Adapters never parse
prices; they keep the raw value. A weight known to be in kilograms is converted to grams
(raw value in `attributes["_weight_raw"]`). A whole-input problem is an `AdapterError`
(a ValueError; `SourceError` for a bad `source=`/`columns=`) naming the file, what was
found and what was expected; a problem in one row stays on that row, in
`Listing.attributes` under keys starting with "_".
"""

from .catalog import Catalog
from .errors import AdapterError, SourceError
from .files import read_catalog
from .frame import listings_from_frame
from .mapping import listing_from_mapping
from .sources import AUTO, SOURCES

__all__ = ["AUTO", "SOURCES", "AdapterError", "Catalog", "SourceError",
           "listing_from_mapping", "listings_from_frame", "read_catalog"]

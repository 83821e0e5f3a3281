"""listing_quality — score UMKM product listings and tell the seller exactly what to fix.

    import listing_quality as lq
    r = lq.score({"id": "1", "title": "Keripik Singkong Balado 250 g", "price": "Rp15.000"},
                 rubric="kuliner", marketplace="tokopedia")
    r.overall, r.grade, r.readiness, [f.code for f in r.findings]
"""

from __future__ import annotations

from .adapters import AdapterError, Catalog, read_catalog
from .api import Options, findings_frame, results_frame, score, score_catalog, score_frame
from .rubric import Rubric, RubricError, load_rubric
from .types import DimensionScore, Finding, Listing, Photo, Result, SourceRef

__version__ = "0.1.0"

__all__ = [
    "AdapterError", "Catalog", "DimensionScore", "Finding", "Listing", "Options", "Photo",
    "Result", "Rubric", "RubricError", "SourceRef", "__version__", "findings_frame",
    "load_rubric", "read_catalog", "results_frame", "score", "score_catalog", "score_frame",
]

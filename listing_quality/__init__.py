"""listing_quality — score UMKM product listings and tell the seller exactly what to fix.

    import listing_quality as lq
    r = lq.score({"id": "1", "title": "Keripik Singkong Balado 250 g", "price": "Rp15.000"},
                 rubric="kuliner", marketplace="tokopedia")
    r.overall, r.grade, r.readiness, [f.code for f in r.findings]
"""

from __future__ import annotations

from .adapters import AdapterError, Catalog, read_catalog
from .api import Options, findings_frame, results_frame, score, score_catalog, score_frame
from .model import Model, ModelError, load_model, train
from .model import evaluate_catalog as evaluate
from .rubric import Rubric, RubricError, load_rubric
from .schema import OUTPUT_SCHEMA
from .stream import score_chunks, score_file
from .types import DimensionScore, Finding, Listing, Photo, Result, SourceRef

__version__ = "0.1.0"

try:  # registers the `DataFrame.lq` accessor; matplotlib/jinja2/tqdm load only when used
    from . import notebook as _notebook
except ImportError:  # pragma: no cover - pandas is a dependency; never break the import
    _notebook = None

__all__ = [
    "OUTPUT_SCHEMA", "AdapterError", "Catalog", "DimensionScore", "Finding", "Listing", "Model",
    "ModelError", "Options", "Photo", "Result", "Rubric", "RubricError", "SourceRef",
    "__version__", "evaluate", "findings_frame", "load_model", "load_rubric", "read_catalog",
    "results_frame", "score", "score_catalog", "score_chunks", "score_file", "score_frame",
    "train",
]

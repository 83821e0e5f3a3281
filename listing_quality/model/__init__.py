"""The curator model: P(a curator accepts this listing as clear and specific).

A logistic regression on title character n-grams and the facts the rules already measure,
shipped as plain JSON (model.json, checked against its digest at load) and applied with
numpy only. `score(..., model=None)` uses the shipped model, `model=False` switches it off
(every rule works without it), a path loads a curator's own model, and a `Model` or any
callable `features -> probability` is used as given.

Training needs scikit-learn and is imported only when used, so scoring stays light.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable, Mapping
from importlib import resources
from pathlib import Path
from typing import Any

from .persist import ModelError, load_model
from .predict import Model

ModelFn = Callable[[Mapping[str, Any]], "float | None"]
SHIPPED = "model.json"

__all__ = ["Model", "ModelError", "default_model", "evaluate_catalog", "load_model",
           "resolve_model", "train"]


@functools.lru_cache(maxsize=1)
def default_model() -> Model | None:
    """The shipped model, or None when the package carries none."""
    path = resources.files("listing_quality") / "model" / SHIPPED
    if not path.is_file():
        return None
    return load_model(Path(str(path)))


@functools.lru_cache(maxsize=8)
def _load_cached(path: str, mtime_ns: int, size: int) -> Model:
    return load_model(path)


def resolve_model(model: Any) -> ModelFn | None:
    """What `score(..., model=...)` was given -> a callable, or None for no model.

    A path is loaded once (cached by path, modification time and size) and verified; a
    broken file raises ModelError here, before any listing is scored.
    """
    if model is None:
        return default_model()
    if model is False:
        return None
    if isinstance(model, (str, os.PathLike)):
        stat = Path(model).stat()
        return _load_cached(str(Path(model).resolve()), stat.st_mtime_ns, stat.st_size)
    if callable(model):
        return model
    raise TypeError(f"model must be None, False, a path, a Model or a callable, not "
                    f"{type(model).__name__}")


def train(df: Any, label: str = "accepted", rubric: str = "auto", **kwargs: Any) -> Model:
    """Learn a curator's own model from a labelled catalog (see model/curator.py)."""
    from .curator import train as _train
    return _train(df, label, rubric, **kwargs)


def evaluate_catalog(df: Any, label: str = "accepted", rubric: str = "auto", **kwargs: Any
                     ) -> dict[str, Any]:
    """Cross-validated metrics of a model vs the rules-only scores (see model/curator.py).

    Exported as `lq.evaluate`; named apart here so it cannot hide the `evaluate` module.
    """
    from .curator import evaluate as _evaluate
    return _evaluate(df, label, rubric, **kwargs)

"""A curator trains their own model: `lq.train(df, label="accepted")` and `lq.evaluate`.

The realistic case is last year's few hundred curated products with the curator's
accept/reject decision. The model learns from every dimension's measured facts plus the
title n-grams (inputs set `all`), and `evaluate` reports cross-validated metrics next to
the rules-only scores on the same folds, so the curator sees what training bought them.

This is the library's face (like api.py): measuring reads `features`, and only the
rules-only baseline needs the scoring pipeline, imported where it is used.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from .. import features
from ..adapters import read_catalog
from ..features import catalog as catalog_features
from . import evaluate as ev
from .persist import load_model
from .predict import Model
from .train import fit_model

ACCEPT = {"1", "1.0", "true", "yes", "ya", "y", "accept", "accepted", "terima", "diterima"}
REJECT = {"0", "0.0", "false", "no", "tidak", "n", "reject", "rejected", "tolak", "ditolak"}


def label_value(value: Any) -> int | None:
    """A curator's decision as 1 (accept) / 0 (reject); anything else is no label."""
    text = str(value).strip().lower()
    return 1 if text in ACCEPT else 0 if text in REJECT else None


def labelled(df: pd.DataFrame, label: str) -> tuple[pd.DataFrame, list[int]]:
    """The rows that carry a readable decision, and the decisions."""
    if label not in df.columns:
        raise ValueError(f"no label column {label!r}; columns are: "
                         f"{', '.join(map(str, df.columns))}")
    values = [label_value(v) for v in df[label]]
    keep = [v is not None for v in values]
    return df.loc[keep].drop(columns=[label]), [v for v in values if v is not None]


def measure_frame(df: pd.DataFrame, images_root: str | os.PathLike | None = None
                  ) -> list[dict[str, Any]]:
    """Every row's facts, catalog features included, exactly as scoring measures them."""
    catalog = read_catalog(df)
    root = Path(images_root).resolve() if images_root else None
    context = features.Context(root, False)
    facts = [features.extract(item, context) for item in catalog.listings]
    catalog_features.enrich(facts, [item.id for item in catalog.listings])
    return facts


def labels_digest(df: pd.DataFrame, y: Sequence[int]) -> str:
    """sha256 of the (id, decision) pairs: which decisions a model learned from."""
    ids = df["id"].astype(str).tolist() if "id" in df.columns else [str(i) for i in df.index]
    text = "\n".join(f"{i},{v}" for i, v in zip(ids, y, strict=True))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def train(df: pd.DataFrame, label: str = "accepted", rubric: str = "auto", *,
          inputs: str = "all", C: float = 1.0, images_root: str | os.PathLike | None = None,
          folds: int = 5) -> Model:
    """Learn a curator's accept/reject decisions; cross-validated metrics go in `info`."""
    rows, y = labelled(df, label)
    facts = measure_frame(rows, images_root)
    info: dict[str, Any] = {"labels_sha256": labels_digest(rows, y), "label": label,
                            "rubric": rubric, "C": C, "n": len(y), "accepted": int(sum(y))}
    try:
        proba, _ = ev.out_of_fold(facts, y, _fitter(inputs, C), folds)
        info["metrics"] = {"cross_validated": ev.metrics(y, proba)}
    except ValueError as exc:  # too few of one class to cross-validate: say so, still train
        info["metrics"] = {"cross_validated": None, "why": str(exc)}
    return fit_model(facts, y, inputs=inputs, C=C, extra=info)


def evaluate(df: pd.DataFrame, label: str = "accepted", rubric: str = "auto", *,
             model: Model | str | os.PathLike | None = None, inputs: str = "all",
             C: float = 1.0, images_root: str | os.PathLike | None = None,
             folds: int = 5) -> dict[str, Any]:
    """Cross-validated model vs rules-only scores on the same folds, calibration, top inputs.

    With `model`, its settings (inputs, C) are refitted per fold, and the model as given is
    also scored on these rows ("given_model": held out only if it never saw them).
    """
    given = load_model(model) if isinstance(model, (str, os.PathLike)) else model
    if given is not None:
        inputs, C = given.inputs, float(given.info.get("C", C))
    rows, y = labelled(df, label)
    facts = measure_frame(rows, images_root)
    proba, fold_of = ev.out_of_fold(facts, y, _fitter(inputs, C), folds)
    predictions = {"model_cv": proba, **rules_baseline(rows, rubric, images_root)}
    if given is not None:
        predictions["given_model"] = given.predict_proba(facts)[:, 1]
    report = ev.compare(y, predictions, fold_of=fold_of)
    shown = given or fit_model(facts, y, inputs=inputs, C=C)
    seen = given is not None and given.info.get("labels_sha256") == labels_digest(rows, y)
    return {"n": len(y), "accepted": int(sum(y)), "inputs": inputs, "C": C,
            "predictors": report, "top_inputs": shown.top_inputs(10),
            "given_model_trained_on_these_labels": seen}


def rules_baseline(rows: pd.DataFrame, rubric: str,
                   images_root: str | os.PathLike | None) -> dict[str, list[float]]:
    """Rules-only title score and overall score / 100 (model switched off)."""
    from ..api import Options, score_catalog  # the face's pipeline, for the baseline only

    root = str(Path(images_root).resolve()) if images_root else None
    results = score_catalog(read_catalog(rows), Options(rubric, images_root=root), model=False)
    return {"rules_title": [(r.dimensions["title"].score or 0.0) / 100 for r in results],
            "rules_overall": [r.overall / 100 for r in results]}


def _fitter(inputs: str, C: float) -> Callable[..., Model]:
    """A fit function with these settings, for out_of_fold."""

    def fit(facts: Sequence[Mapping[str, Any]], y: Sequence[int]) -> Model:
        return fit_model(facts, y, inputs=inputs, C=C)
    return fit

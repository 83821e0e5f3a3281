"""Honest evaluation: stratified K-fold ROC AUC, Brier score and calibration, per source.

The model is refitted inside every fold — vocabulary and scaling included — so no held-out
title ever shapes its own prediction. A baseline (the rules-only title score / 100) is
scored on the very same folds, so the difference is what the model adds. Inter-rater
agreement (Cohen's kappa) says how far any model can be trusted to agree with one curator.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

import numpy as np
from sklearn.metrics import brier_score_loss, cohen_kappa_score, roc_auc_score
from sklearn.model_selection import StratifiedKFold

from .predict import Model

Fit = Callable[[Sequence[Mapping[str, Any]], Sequence[int]], Model]


def out_of_fold(facts: Sequence[Mapping[str, Any]], labels: Sequence[int], fit: Fit,
                folds: int = 5, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Each listing's probability from a model that never saw it, and its fold number."""
    y = np.asarray(labels, dtype=int)
    splits = min(folds, int(np.bincount(y, minlength=2).min()))
    if splits < 2:
        raise ValueError("too few examples of one class for cross-validation "
                         f"({np.bincount(y, minlength=2).tolist()} reject/accept)")
    proba, fold_of = np.zeros(len(y)), np.zeros(len(y), dtype=int)
    cv = StratifiedKFold(n_splits=splits, shuffle=True, random_state=seed)
    for k, (train, test) in enumerate(cv.split(np.zeros(len(y)), y)):
        model = fit([facts[i] for i in train], y[train].tolist())
        proba[test] = model.predict_proba([facts[i] for i in test])[:, 1]
        fold_of[test] = k
    return proba, fold_of


def metrics(y: Sequence[int], p: Sequence[float]) -> dict[str, Any]:
    """ROC AUC (None when one class only), Brier score, base rate and count."""
    y_arr, p_arr = np.asarray(y, int), np.clip(np.asarray(p, float), 0.0, 1.0)
    both = len(set(y_arr.tolist())) == 2
    return {"n": len(y_arr), "accept_rate": _r(y_arr.mean()) if len(y_arr) else None,
            "roc_auc": _r(roc_auc_score(y_arr, p_arr)) if both else None,
            "brier": _r(brier_score_loss(y_arr, p_arr, pos_label=1)) if len(y_arr) else None}


def fold_spread(y: Sequence[int], p: Sequence[float], fold_of: Sequence[int]) -> dict[str, Any]:
    """Mean and standard deviation of the per-fold AUC: how much the figure wobbles."""
    y_arr, p_arr, f_arr = np.asarray(y), np.asarray(p), np.asarray(fold_of)
    aucs = [roc_auc_score(y_arr[f_arr == k], p_arr[f_arr == k]) for k in np.unique(f_arr)
            if len(set(y_arr[f_arr == k].tolist())) == 2]
    return {"auc_mean": _r(np.mean(aucs)), "auc_sd": _r(np.std(aucs))} if aucs else {}


def calibration(y: Sequence[int], p: Sequence[float], bins: int = 10) -> list[dict[str, Any]]:
    """Per probability bin: how many, the mean prediction, and the share actually accepted."""
    y_arr, p_arr = np.asarray(y, float), np.clip(np.asarray(p, float), 0.0, 1.0)
    which = np.minimum((p_arr * bins).astype(int), bins - 1)
    table = []
    for b in range(bins):
        mask = which == b
        table.append({"bin": f"{b / bins:.1f}-{(b + 1) / bins:.1f}", "n": int(mask.sum()),
                      "mean_predicted": _r(p_arr[mask].mean()) if mask.any() else None,
                      "accepted": _r(y_arr[mask].mean()) if mask.any() else None})
    return table


def compare(y: Sequence[int], predictions: Mapping[str, Sequence[float]],
            sources: Sequence[str] | None = None,
            fold_of: Sequence[int] | None = None) -> dict[str, Any]:
    """Metrics and calibration of each named predictor, overall and per source."""
    y_arr = np.asarray(y, int)
    report: dict[str, Any] = {}
    for name, p in predictions.items():
        p_arr = np.asarray(p, float)
        entry = {**metrics(y_arr, p_arr), "calibration": calibration(y_arr, p_arr)}
        if fold_of is not None:
            entry.update(fold_spread(y_arr, p_arr, fold_of))
        if sources is not None:
            src = np.asarray(sources)
            entry["per_source"] = {s: metrics(y_arr[src == s], p_arr[src == s])
                                   for s in sorted(set(src.tolist()))}
        report[name] = entry
    return report


def kappa(first: Sequence[Any], second: Sequence[Any]) -> float | None:
    """Cohen's kappa between two raters on the same items (None when undefined)."""
    if len(first) != len(second) or not first:
        return None
    value = cohen_kappa_score(list(first), list(second))
    return None if value != value else _r(value)


def _r(value: Any) -> float:
    return round(float(value), 4)

"""Fit the curator model: logistic regression on title n-grams + measured facts.

Why logistic regression: a few hundred to a few thousand labels, a probability that must
be calibrated (it is blended into a score people read), and a model a curator can inspect
(one weight per n-gram or fact) and that predicts with a dot product in numpy at score
time. `CuratorClassifier` follows scikit-learn's conventions (parameters stored as given,
`fit` returns self, learned attributes end in `_`) so `check_estimator` can vouch for it;
`fit_model` adds the vocabulary and scaling and returns a numpy-only `Model`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
from scipy import sparse
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.linear_model import LogisticRegression
from sklearn.utils.multiclass import check_classification_targets
from sklearn.utils.validation import check_is_fitted, validate_data

from . import vectorize
from .predict import Model


class CuratorClassifier(ClassifierMixin, BaseEstimator):
    """L2-regularised logistic regression over an already vectorised matrix."""

    def __init__(self, C: float = 1.0, max_iter: int = 2000) -> None:
        self.C = C
        self.max_iter = max_iter

    def fit(self, X: Any, y: Any) -> CuratorClassifier:
        X, y = validate_data(self, X, y, accept_sparse="csr")
        check_classification_targets(y)
        self.classes_ = np.unique(y)
        if len(self.classes_) < 2:
            raise ValueError("the labels hold one class only: a model needs both "
                             "accepted and rejected examples")
        self.estimator_ = LogisticRegression(C=self.C, max_iter=self.max_iter).fit(X, y)
        self.coef_ = self.estimator_.coef_
        self.intercept_ = self.estimator_.intercept_
        self.n_iter_ = self.estimator_.n_iter_
        return self

    def __sklearn_tags__(self) -> Any:
        tags = super().__sklearn_tags__()
        tags.input_tags.sparse = True  # the n-gram matrix is sparse
        return tags

    def decision_function(self, X: Any) -> np.ndarray:
        check_is_fitted(self)
        X = validate_data(self, X, accept_sparse="csr", reset=False)
        return self.estimator_.decision_function(X)

    def predict_proba(self, X: Any) -> np.ndarray:
        check_is_fitted(self)
        X = validate_data(self, X, accept_sparse="csr", reset=False)
        return self.estimator_.predict_proba(X)

    def predict(self, X: Any) -> np.ndarray:
        check_is_fitted(self)
        X = validate_data(self, X, accept_sparse="csr", reset=False)
        return self.estimator_.predict(X)


def build_vocabulary(titles: Sequence[str], ngrams: Mapping[str, int]) -> list[str]:
    """N-grams in at least `min_df` titles, the `max_features` most frequent, sorted.

    Ties are broken by the n-gram itself so the same labels always give the same model.
    """
    df: Counter[str] = Counter()
    for title in titles:
        df.update(vectorize.title_ngrams(title, ngrams["min"], ngrams["max"],
                                         ngrams["max_chars"]))
    kept = [g for g, n in df.items() if n >= ngrams["min_df"]]
    kept.sort(key=lambda g: (-df[g], g))
    return sorted(kept[:ngrams["max_features"]])


def design_matrix(facts: Sequence[Mapping[str, Any]], model: Model) -> sparse.csr_matrix:
    """Rows of [scaled numeric inputs | l2-normalised n-gram presence], as `Model` sees them."""
    rows, cols, vals = [], [], []
    for i, row in enumerate(facts):
        idx, weights = model.vector(row)
        rows.extend([i] * len(idx))
        cols.extend(idx)
        vals.extend(weights)
    shape = (len(facts), model.n_inputs)
    return sparse.csr_matrix((vals, (rows, cols)), shape=shape, dtype=np.float64)


def fit_model(facts: Sequence[Mapping[str, Any]], labels: Sequence[int], *,
              inputs: str = "title", C: float = 1.0,
              extra: Mapping[str, Any] | None = None) -> Model:
    """Learn a `Model` from measured facts and 0/1 labels (1 = the curator accepted)."""
    y = np.asarray(labels, dtype=int)
    specs = vectorize.input_specs(inputs)
    ngrams = dict(vectorize.settings()["ngrams"])
    numeric = np.array([vectorize.numeric_row(f, specs) for f in facts], dtype=np.float64)
    scale = numeric.std(axis=0) if len(numeric) else np.ones(len(specs))
    blank = Model.blank(
        inputs=inputs, specs=specs, ngrams=ngrams,
        vocabulary=build_vocabulary([vectorize.title_of(f) for f in facts], ngrams),
        mean=numeric.mean(axis=0).tolist() if len(numeric) else [0.0] * len(specs),
        scale=np.where(scale > 1e-12, scale, 1.0).tolist())
    clf = CuratorClassifier(C=C).fit(design_matrix(facts, blank), y)
    return blank.with_weights(clf.coef_.ravel().tolist(), float(clf.intercept_[0]),
                              dict(extra or {}))

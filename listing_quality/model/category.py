"""Category inference: which rubric (kuliner, kriya, busana, umum) a title belongs to.

A second small model, multinomial logistic regression on the same title n-grams as the
curator model, learned from real marketplace categories (category.yaml). It serves two
use: a listing without a category gets the rubric its title says, when the model is sure.
A finding for a stated category that disagrees with the title was tried and left out: on the
sample catalog every such flag was wrong (crafts and batik "khas <region>" read as food or
general goods; see docs/model.md). Stored as plain JSON (category.json) with an embedded
sha256, applied with numpy only.
"""

from __future__ import annotations

import functools
import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
import yaml

from ..rubric_select import FALLBACK, rubric_for_category
from . import vectorize
from .persist import ModelError, digest

FORMAT = "listing-quality-category-model"


@dataclass(frozen=True, eq=False)
class CategoryModel:
    classes: tuple[str, ...]
    vocabulary: tuple[str, ...]
    coef: np.ndarray        # (classes, vocabulary)
    intercept: np.ndarray   # (classes,)
    ngrams: Mapping[str, int]
    info: Mapping[str, Any]

    @functools.cached_property
    def lookup(self) -> dict[str, int]:
        return {g: i for i, g in enumerate(self.vocabulary)}

    def proba(self, title: object) -> np.ndarray:
        """P(each class) for one title; an empty or unreadable title gives the priors."""
        grams = vectorize.title_ngrams(title, self.ngrams["min"], self.ngrams["max"],
                                       self.ngrams["max_chars"])
        idx = [self.lookup[g] for g in grams if g in self.lookup]
        z = self.intercept.copy()
        if idx:
            z += self.coef[:, idx].sum(axis=1) / math.sqrt(len(idx))
        e = np.exp(z - z.max())
        return e / e.sum()

    def infer(self, title: object) -> tuple[str, float]:
        p = self.proba(title)
        best = int(np.argmax(p))
        return self.classes[best], float(p[best])

    def to_payload(self) -> dict[str, Any]:
        body = {"format": FORMAT, "classes": list(self.classes),
                "vocabulary": list(self.vocabulary), "coef": self.coef.tolist(),
                "intercept": self.intercept.tolist(), "ngrams": dict(self.ngrams),
                "info": dict(self.info)}
        return {**body, "sha256": digest(body)}

    def save(self, path: str | Path) -> None:
        Path(path).write_text(json.dumps(self.to_payload(), ensure_ascii=False,
                                         separators=(",", ":")) + "\n", encoding="utf-8")


def load_category_model(path: str | Path) -> CategoryModel:
    payload = json.loads(Path(path).read_text(encoding="utf-8"))
    body = {k: v for k, v in payload.items() if k != "sha256"}
    if payload.get("format") != FORMAT or payload.get("sha256") != digest(body):
        raise ModelError(f"{path}: not a category model, or its sha256 does not match")
    coef = np.asarray(payload["coef"], float)
    classes, vocab = tuple(payload["classes"]), tuple(payload["vocabulary"])
    if coef.shape != (len(classes), len(vocab)) or not np.isfinite(coef).all():
        raise ModelError(f"{path}: malformed category model")
    return CategoryModel(classes, vocab, coef, np.asarray(payload["intercept"], float),
                         {k: int(v) for k, v in payload["ngrams"].items()}, payload["info"])


@functools.lru_cache(maxsize=1)
def settings() -> dict[str, Any]:
    path = resources.files("listing_quality") / "model" / "category.yaml"
    return yaml.safe_load(path.read_text(encoding="utf-8"))


@functools.lru_cache(maxsize=1)
def shipped() -> CategoryModel | None:
    path = resources.files("listing_quality") / "model" / "category.json"
    return load_category_model(Path(str(path))) if path.is_file() else None


def auto_rubric(category: str | None, title: object) -> str:
    """The rubric `rubric="auto"` uses: the stated category's, else the title's when sure.

    Only rubrics the model names with high precision are inferred (category.yaml
    `infer_to`); otherwise a listing without a category keeps the general rubric.
    """
    if category and category.strip():
        return rubric_for_category(category)
    model = shipped()
    if model is None:
        return FALLBACK
    rubric, p = model.infer(title)
    rules = settings()
    return rubric if rubric in rules["infer_to"] and p >= rules["infer_min"] else FALLBACK


def fit_category(titles: Sequence[str], labels: Sequence[str], C: float = 3.0,
                 info: Mapping[str, Any] | None = None) -> CategoryModel:
    """Learn the rubric from titles (scikit-learn at training time only)."""
    from scipy import sparse
    from sklearn.linear_model import LogisticRegression

    from .train import build_vocabulary

    ngrams = dict(vectorize.settings()["ngrams"])
    vocab = build_vocabulary(titles, ngrams)
    lookup = {g: i for i, g in enumerate(vocab)}
    rows, cols, vals = [], [], []
    for r, title in enumerate(titles):
        idx = sorted(lookup[g] for g in vectorize.title_ngrams(
            title, ngrams["min"], ngrams["max"], ngrams["max_chars"]) if g in lookup)
        rows += [r] * len(idx)
        cols += idx
        vals += [1.0 / math.sqrt(len(idx))] * len(idx)
    X = sparse.csr_matrix((vals, (rows, cols)), shape=(len(titles), len(vocab)))
    clf = LogisticRegression(C=C, max_iter=3000).fit(X, list(labels))
    return CategoryModel(tuple(clf.classes_), tuple(vocab), clf.coef_, clf.intercept_,
                         ngrams, dict(info or {}))

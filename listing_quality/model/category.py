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
from ..text.normalize import fold
from . import batch, vectorize
from .persist import ModelError, digest

FORMAT = "listing-quality-category-model"
_WORD_MEMO = 100_000  # distinct words whose n-gram indices a model keeps


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
        """P(each class) for one title; an empty or unreadable title gives the priors.

        The same sums as `proba_many` (sorted indices, one reduceat), without its
        chunk-sized set-up: a single listing is scored this way.
        """
        if not isinstance(title, str):
            title = ""
        found: set[int] = set()
        for word in fold(title[:self.ngrams["max_chars"]]).split():
            found |= self._word_indices(word)
        z = self.intercept.copy()[None, :]
        if found:
            idx = sorted(found)
            z += np.add.reduceat(self.coef.T[idx], [0], axis=0) / math.sqrt(len(idx))
        return _softmax(z)[0]

    def infer(self, title: object) -> tuple[str, float]:
        return self._best(self.proba(title)[None, :])[0]

    def infer_many(self, titles: Sequence[object]) -> list[tuple[str, float]]:
        """(most likely class, its probability) of each title."""
        return self._best(self.proba_many(titles))

    def _best(self, p: np.ndarray) -> list[tuple[str, float]]:
        best = p.argmax(axis=1)
        return [(self.classes[b], float(p[i, b])) for i, b in enumerate(best.tolist())]

    def proba_many(self, titles: Sequence[object]) -> np.ndarray:
        """P(each class) of each title, one row per title, in one pass.

        A listing without a category is judged by the rubric its title names, so a catalog
        exported without a category column asks this for every listing. As for the
        curator model (batch.py), each distinct title is folded once, each distinct word's
        n-grams looked up once, each title's sorted distinct indices found by one numpy
        sort, and every title's weights summed in one call: in sorted index order, so
        `proba` (one title) gives the same floats in any process.
        """
        texts = [t if isinstance(t, str) else "" for t in titles]
        row_title, slots, counts, words = batch._distinct(texts, self.ngrams["max_chars"])
        found, ends = batch._sorted_union(slots, counts, [self._word_indices(w) for w in words],
                                          len(self.vocabulary))
        lengths = np.diff(ends, prepend=0)
        z = np.tile(self.intercept, (len(lengths), 1))
        known = np.flatnonzero(lengths)
        if len(known):
            sums = np.add.reduceat(self.coef.T[found], (ends - lengths)[known], axis=0)
            z[known] += sums / np.sqrt(lengths[known].astype(float))[:, None]
        return _softmax(z)[np.array(row_title, dtype=np.intp)]

    def _word_indices(self, word: str) -> frozenset[int]:
        memo = self._words
        hit = memo.get(word)
        if hit is None:
            if len(memo) >= _WORD_MEMO:
                memo.clear()  # a bounded memo: a long run of new words starts it afresh
            lookup, low, high = self.lookup, self.ngrams["min"], self.ngrams["max"]
            hit = memo[word] = frozenset(lookup[g] for g in vectorize.word_ngrams(
                [word], low, high) if g in lookup)
        return hit

    @functools.cached_property
    def _words(self) -> dict[str, frozenset[int]]:
        return {}

    def to_payload(self) -> dict[str, Any]:
        body = {"format": FORMAT, "classes": list(self.classes),
                "vocabulary": list(self.vocabulary), "coef": self.coef.tolist(),
                "intercept": self.intercept.tolist(), "ngrams": dict(self.ngrams),
                "info": dict(self.info)}
        return {**body, "sha256": digest(body)}

    def save(self, path: str | Path) -> None:
        Path(path).write_text(json.dumps(self.to_payload(), ensure_ascii=False,
                                         separators=(",", ":")) + "\n", encoding="utf-8")


def _softmax(z: np.ndarray) -> np.ndarray:
    """Row-wise softmax of decision values (one row per title)."""
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


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
    return _decided(*model.infer(title))


def _decided(rubric: str, p: float) -> str:
    """The inferred rubric when the model names one it is precise on, surely enough."""
    rules = settings()
    return rubric if rubric in rules["infer_to"] and p >= rules["infer_min"] else FALLBACK


def auto_rubrics(categories: Sequence[str | None], titles: Sequence[object]) -> list[str]:
    """`auto_rubric` of each (category, title); the titles of blank categories are
    inferred together (`CategoryModel.infer_many`), each distinct title once."""
    out: list[str] = []
    blank: dict[object, list[int]] = {}
    for i, (category, title) in enumerate(zip(categories, titles, strict=True)):
        if category and category.strip():
            out.append(rubric_for_category(category))
        else:
            out.append(FALLBACK)
            blank.setdefault(title if isinstance(title, str) else "", []).append(i)
    model = shipped()
    if model is None or not blank:
        return out
    for rows, inferred in zip(blank.values(), model.infer_many(list(blank)), strict=True):
        decided = _decided(*inferred)
        for i in rows:
            out[i] = decided
    return out


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

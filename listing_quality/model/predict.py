"""The curator model at score time: numpy only, a dot product per listing.

`Model` holds what model.json holds (persist.py reads and writes it) and answers three
questions: the probability a curator accepts a listing (`__call__`, `predict_proba`), the
pieces of the title and the facts that pulled it down (`explain`, for the M001 finding),
and the most informative inputs overall (`top_inputs`, for `listing-quality evaluate`).
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from ..fact_columns import fact_columns
from . import batch, vectorize

FORMAT = "listing-quality-model"
VERSION = 1


@dataclass(frozen=True, eq=False)
class Model:
    """A fitted logistic model over [numeric facts | title n-grams]."""

    inputs: str
    specs: tuple[tuple[str, str], ...]
    ngrams: Mapping[str, int]
    vocabulary: tuple[str, ...]
    mean: np.ndarray
    scale: np.ndarray
    coef: np.ndarray
    intercept: float
    info: Mapping[str, Any] = field(default_factory=dict)

    @classmethod
    def blank(cls, *, inputs: str, specs: Sequence[tuple[str, str]],
              ngrams: Mapping[str, int], vocabulary: Sequence[str], mean: Sequence[float],
              scale: Sequence[float]) -> Model:
        """An unfitted model (zero weights): fixes the vector layout before training."""
        n = len(specs) + len(vocabulary)
        return cls(inputs, tuple(tuple(s) for s in specs), dict(ngrams), tuple(vocabulary),
                   np.asarray(mean, float), np.asarray(scale, float), np.zeros(n), 0.0)

    def with_weights(self, coef: Sequence[float], intercept: float,
                     info: Mapping[str, Any]) -> Model:
        if len(coef) != self.n_inputs:
            raise ValueError(f"{len(coef)} weights for {self.n_inputs} inputs")
        return dataclasses.replace(self, coef=np.asarray(coef, float),
                                   intercept=float(intercept), info=dict(info))

    @property
    def n_inputs(self) -> int:
        return len(self.specs) + len(self.vocabulary)

    @property
    def feature_names(self) -> list[str]:
        return [name for name, _ in self.specs] + [f"ngram:{g}" for g in self.vocabulary]

    def vector(self, facts: Mapping[str, Any]) -> tuple[list[int], list[float]]:
        """Sparse (indices, values) of one listing: scaled facts, then n-gram presence.

        N-gram presence is l2-normalised (1/sqrt(n)) so a long title does not outvote a
        short one by length alone.
        """
        numeric = (np.asarray(vectorize.numeric_row(facts, self.specs)) - self.mean) / self.scale
        idx, vals = list(range(len(self.specs))), numeric.tolist()
        grams = self._ngram_indices(vectorize.title_of(facts))
        if grams:
            weight = 1.0 / math.sqrt(len(grams))
            idx.extend(len(self.specs) + g for g in grams)
            vals.extend([weight] * len(grams))
        return idx, vals

    def _ngram_indices(self, title: str) -> list[int]:
        """Vocabulary indices of the title's n-grams (the set `title_ngrams` gives, looked
        up word by word without building it: this runs for every listing scored)."""
        return sorted(set().union(*self._word_indices(title).values()))

    @property
    def _lookup(self) -> dict[str, int]:
        cached = self.__dict__.get("_lookup_cache")
        if cached is None:
            cached = {g: i for i, g in enumerate(self.vocabulary)}
            object.__setattr__(self, "_lookup_cache", cached)
        return cached

    @property
    def _gram_weights(self) -> list[float]:
        """The n-gram weights as a Python list: summing a few is faster than numpy."""
        cached = self.__dict__.get("_gram_cache")
        if cached is None:
            cached = self.coef[len(self.specs):].tolist()
            object.__setattr__(self, "_gram_cache", cached)
        return cached

    def decision(self, facts: Mapping[str, Any]) -> float:
        idx, vals = self.vector(facts)
        return _decide(self.coef[idx], np.asarray(vals, dtype=float), self.intercept)

    def __call__(self, facts: Mapping[str, Any]) -> float:
        """P(a curator accepts this listing); the api's model protocol."""
        return _sigmoid(self.decision(facts))

    @property
    def input_names(self) -> list[str]:
        """The facts the model reads: its numeric inputs, then the title."""
        return list(dict.fromkeys([name for name, _ in self.specs] + ["title.text"]))

    def predict_many(self, facts: Sequence[Mapping[str, Any]]) -> list[float]:
        """`self(f)` for each listing, bit for bit, at a fraction of the cost."""
        return self.predict_columns(fact_columns(facts, self.input_names), len(facts))

    def predict_columns(self, columns: Mapping[str, Sequence[Any]], n: int) -> list[float]:
        """`predict_many` of n listings whose facts were read as columns (`input_names`
        at least; the columnar judge reads them with the rules' facts, in one pass).

        Why it matches: the numeric inputs are the same floats (`batch.numeric_column`
        checks each fast form against `numeric_value`) scaled with the same elementwise
        operations, each listing's n-gram indices are the same sorted set, and the dot
        product stays per listing over the same (weights, values) in the same order
        (`_decide`, shared with `decision`), so its summation order is the per-listing
        one. Why it is faster: inputs are read by columns, titles and words are looked
        up once per call, and the weights are gathered once for the whole chunk.
        """
        if not n:
            return []
        numeric = np.empty((n, len(self.specs)))
        for j, (name, transform) in enumerate(self.specs):
            numeric[:, j] = batch.numeric_column(columns[name], transform)
        titles = [t if isinstance(t, str) else "" for t in columns["title.text"]]
        grams, sizes = batch.gram_rows(titles, self._word_grams, self.ngrams["max_chars"],
                                       len(self.vocabulary))
        index, values, ends = batch.flat_inputs((numeric - self.mean) / self.scale, grams,
                                                sizes)
        weights, out, start = self.coef[index], [], 0
        for end in ends.tolist():
            out.append(_sigmoid(_decide(weights[start:end], values[start:end],
                                        self.intercept)))
            start = end
        return out

    def _word_grams(self, word: str) -> set[int]:
        """Vocabulary indices of one folded word's n-grams (padded with a space)."""
        lookup, low, high = self._lookup, self.ngrams["min"], self.ngrams["max"]
        padded = f" {word} "
        return {lookup[g] for n in range(low, high + 1) for i in range(len(padded) - n + 1)
                if (g := padded[i:i + n]) in lookup}

    def predict_proba(self, facts: Sequence[Mapping[str, Any]]) -> np.ndarray:
        """scikit-learn's layout: column 0 = P(reject), column 1 = P(accept)."""
        p = np.array([self(f) for f in facts], dtype=float).reshape(-1)
        return np.column_stack([1.0 - p, p])

    def explain(self, facts: Mapping[str, Any], k: int = 3) -> list[str]:
        """The title words and facts that pulled this listing's probability down most.

        A word's pull is the sum of its n-grams' weights, so the curator sees "termurah",
        not three overlapping fragments of it. Words the title slots recognised (type,
        variant, size, ...) are never named: the rules ask for them, and telling a seller
        that "seblak" hurt a seblak listing would only reflect which sources were labelled.
        Runs beside `__call__` for every doubted listing, so it builds the n-grams once.
        """
        numeric = (np.asarray(vectorize.numeric_row(facts, self.specs)) - self.mean) / self.scale
        pulls = [(float(c * v), name) for c, v, (name, _) in
                 zip(self.coef[:len(self.specs)], numeric, self.specs, strict=True)]
        per_word = self._word_indices(vectorize.title_of(facts))
        found = set().union(*per_word.values()) if per_word else set()
        if found:
            weight, wanted = 1.0 / math.sqrt(len(found)), _slot_words(facts)
            grams = self._gram_weights
            pulls.extend((weight * sum(grams[i] for i in idx), f'"{word}"')
                         for word, idx in per_word.items() if word not in wanted)
        pulls.sort()
        return [name for pull, name in pulls[:k] if pull < 0]

    def _word_indices(self, title: str) -> dict[str, set[int]]:
        """Vocabulary indices of each distinct folded word's n-grams."""
        words = vectorize.fold(title[:self.ngrams["max_chars"]]).split()
        return {word: self._word_grams(word) for word in dict.fromkeys(words)}

    def top_inputs(self, k: int = 10) -> dict[str, list[tuple[str, float]]]:
        """The strongest weights each way: what the curator's decisions turned on."""
        order = np.argsort(self.coef, kind="stable")
        names = self.feature_names
        return {"reject": [(names[i], round(float(self.coef[i]), 4)) for i in order[:k]],
                "accept": [(names[i], round(float(self.coef[i]), 4))
                           for i in order[::-1][:k]]}

    def save(self, path: Any) -> None:
        from .persist import save_model
        save_model(self, path)


def _decide(weights: np.ndarray, values: np.ndarray, intercept: float) -> float:
    """The decision value: one dot product over a listing's inputs, then the intercept.
    `decision` and `predict_many` both call this, so both sum in the same order."""
    return float(np.dot(weights, values)) + intercept


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-z)) if z >= 0 else math.exp(z) / (1.0 + math.exp(z))


def _slot_words(facts: Mapping[str, Any]) -> set[str]:
    slots = facts.get("title.slots")
    if not isinstance(slots, Mapping):
        return set()
    return {w for text in slots.values() if isinstance(text, str)
            for w in vectorize.fold(text).split()}

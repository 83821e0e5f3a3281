"""Listing facts -> the numbers the curator model reads (numpy only, no scikit-learn).

Two parts. Character n-grams of the case-folded title catch what no rule names ("ready
stock", "termurah", a keyword list); an explicit vocabulary chosen at training time is
stored in model.json, because a curator asking "why?" must see the n-gram itself, which a
hashing trick cannot give back. Numeric inputs are facts the rules already measured
(inputs.yaml), so training and scoring read the very same measurements.

Everything here is pure and never raises on odd input: a fact of the wrong type counts as 0.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Mapping, Sequence
from importlib import resources
from typing import Any

import yaml

from ..text.normalize import fold

Spec = tuple[str, str]  # (feature name, transform)
TRANSFORMS = ("value", "log", "count", "present", "mean")


@functools.lru_cache(maxsize=1)
def settings() -> dict[str, Any]:
    """inputs.yaml, with each set's `@other` references expanded."""
    path = resources.files("listing_quality") / "model" / "inputs.yaml"
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    sets: dict[str, list[Spec]] = {}
    for name, entries in raw["sets"].items():
        specs: list[Spec] = []
        for entry in entries:
            specs.extend(sets[entry[1:]] if isinstance(entry, str) else [tuple(entry)])
        sets[name] = specs
    return {"ngrams": raw["ngrams"], "sets": sets}


def input_specs(name: str) -> list[Spec]:
    """The numeric inputs of a named set ('title' or 'all')."""
    sets = settings()["sets"]
    if name not in sets:
        raise ValueError(f"unknown model input set {name!r}; choose one of {sorted(sets)}")
    return list(sets[name])


def title_ngrams(title: object, low: int, high: int, max_chars: int) -> set[str]:
    """Distinct character n-grams of each case-folded word, padded with one space.

    Per word (not across words) so "ready stock" and "stock ready" share their pieces;
    the set (not counts) so repeating a word cannot buy weight.
    """
    text = fold(title[:max_chars]) if isinstance(title, str) else ""
    return word_ngrams(text.split(), low, high)


def word_ngrams(words: Sequence[str], low: int, high: int) -> set[str]:
    """N-grams of already folded words. Words are joined by two spaces and any n-gram
    holding two spaces is dropped: the same set as word by word, in one pass (faster)."""
    if not words:
        return set()
    text = " " + "  ".join(words) + " "
    grams = {text[i:i + n] for n in range(low, high + 1) for i in range(len(text) - n + 1)}
    return {g for g in grams if "  " not in g}


def numeric_value(value: Any, transform: str) -> float:
    """One fact as one finite number; anything unreadable is 0."""
    try:
        number = _transform(value, transform)
    except (TypeError, ValueError, OverflowError):
        return 0.0
    return number if math.isfinite(number) else 0.0


def _transform(value: Any, transform: str) -> float:
    if transform == "present":
        return 0.0 if value is None or value == "" or value == [] or value == {} else 1.0
    if transform == "count":
        return float(len(value)) if isinstance(value, (list, tuple, dict, set)) else 0.0
    if transform == "mean":
        return _mean(value)
    number = 0.0 if value is None or isinstance(value, (str, list, dict)) else float(value)
    return math.log1p(abs(number)) if transform == "log" else number


def _mean(value: Any) -> float:
    if not isinstance(value, (list, tuple)):
        return 0.0
    items = [v.get("value") if isinstance(v, Mapping) else v for v in value]
    numbers = [float(v) for v in items if isinstance(v, (int, float)) and not isinstance(v, bool)]
    return sum(numbers) / len(numbers) if numbers else 0.0


def numeric_row(facts: Mapping[str, Any], specs: Sequence[Spec]) -> list[float]:
    """The numeric inputs of one listing, in `specs` order."""
    return [numeric_value(facts.get(name), transform) for name, transform in specs]


def title_of(facts: Mapping[str, Any]) -> str:
    """The title the n-grams are read from (normalised by the title measurement)."""
    text = facts.get("title.text")
    return text if isinstance(text, str) else ""

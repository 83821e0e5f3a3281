"""`length`: a text must be long enough, and short enough, in characters or words.

Marketplaces cut titles at a hard limit and bury titles too short to say what the product
is; both are measured here so one rubric line states the limit and its source.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from .base import Column, Judgement, ParamSpec, map_column, ramp_column, ramp_loss

NAME = "length"
PARAMS = {
    "min": ParamSpec("number"),
    "max": ParamSpec("number"),
    "unit": ParamSpec("string", choices=("chars", "words", "items")),
    "ramp": ParamSpec("number"),
}
PLACEHOLDERS = frozenset({"min", "max", "unit"})


def measure(value: Any, unit: str) -> int | None:
    if value is None:
        return None
    if unit == "words":
        return len(str(value).split())
    if isinstance(value, (list, tuple)) or unit == "items":
        return len(value) if isinstance(value, (list, tuple)) else None
    return len(str(value))


def judge(value: Any, params: Mapping[str, Any]) -> Judgement | None:
    unit = params.get("unit", "chars")
    size = measure(value, unit)
    if size is None:
        return None
    low, high = params.get("min"), params.get("max")
    below = (low - size) if low is not None else 0
    above = (size - high) if high is not None else 0
    loss = max(ramp_loss(below, params.get("ramp")), ramp_loss(above, params.get("ramp")))
    return Judgement(loss=loss, observed=size, expected=_expected(low, high, unit))


def judge_column(values: Sequence[Any], params: Mapping[str, Any]) -> Column:
    """Many listings at once: sizes by `measure`, the bounds and ramp in numpy.

    Sizes are whole numbers, so `low - size` and `distance / ramp` give the floats the
    per-listing path gives.
    """
    unit = params.get("unit", "chars")
    sizes = _text_sizes(values, unit)
    if sizes is None:
        sizes = map_column(values, lambda value: measure(value, unit))
    applies = ~np.isnan(sizes)
    low, high, ramp = params.get("min"), params.get("max"), params.get("ramp")
    zero = np.zeros(len(sizes))
    below = ramp_column(low - sizes, ramp) if low is not None else zero
    above = ramp_column(sizes - high, ramp) if high is not None else zero
    return applies, np.where(applies, np.maximum(below, above), 0.0)


def _text_sizes(values: Sequence[Any], unit: str) -> np.ndarray | None:
    """`measure` over a column of plain strings (a title, a description), in fewer
    Python steps; None for any other column."""
    if unit not in ("chars", "words") or set(map(type, values)) != {str}:
        return None
    if unit == "chars":
        return np.fromiter(map(len, values), dtype=float, count=len(values))
    return np.fromiter(map(len, map(str.split, values)), dtype=float, count=len(values))


def _expected(low: Any, high: Any, unit: str) -> str:
    if low is not None and high is not None:
        return f"{low:g}–{high:g} {unit}"
    if low is not None:
        return f">= {low:g} {unit}"
    return f"<= {high:g} {unit}"

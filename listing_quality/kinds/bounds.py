"""Shared comparison of a number against a lower and/or upper bound.

`threshold` (one bound) and `range` (two bounds) differ only in what a rubric must state;
the comparison, the ramp and the wording of "expected" are the same and live here once.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .base import Judgement, is_number, ramp_loss


def judge_bounds(value: Any, params: Mapping[str, Any]) -> Judgement | None:
    if not is_number(value):
        return None
    number = float(value)
    low, high, ramp = params.get("min"), params.get("max"), params.get("ramp")
    below = (low - number) if low is not None else 0.0
    above = (number - high) if high is not None else 0.0
    loss = max(ramp_loss(below, ramp), ramp_loss(above, ramp))
    return Judgement(loss=loss, observed=value, expected=expected_text(low, high))


def expected_text(low: Any, high: Any) -> str:
    if low is not None and high is not None:
        return f"{_num(low)}–{_num(high)}"
    if low is not None:
        return f">= {_num(low)}"
    return f"<= {_num(high)}"


def _num(value: Any) -> str:
    number = float(value)
    return f"{int(number):,}".replace(",", ".") if number.is_integer() else f"{number:g}"

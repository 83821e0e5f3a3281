"""Shared comparison of a number against a lower and/or upper bound.

`threshold` (one bound) and `range` (two bounds) differ only in what a rubric must state;
the comparison, the ramp and the wording of "expected" are the same and live here once.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from .base import Column, Judgement, is_number, loop_column, plain_numbers, ramp_column, ramp_loss


def judge_bounds(value: Any, params: Mapping[str, Any]) -> Judgement | None:
    if not is_number(value):
        return None
    number = float(value)
    low, high, ramp = params.get("min"), params.get("max"), params.get("ramp")
    below = (low - number) if low is not None else 0.0
    above = (number - high) if high is not None else 0.0
    loss = max(ramp_loss(below, ramp), ramp_loss(above, ramp))
    return Judgement(loss=loss, observed=value, expected=expected_text(low, high))


def bounds_column(values: Sequence[Any], params: Mapping[str, Any]) -> Column:
    """`judge_bounds` over a column: plain numbers in numpy, any other value by `judge_bounds`.

    The arithmetic repeats `judge_bounds` operation for operation (bound - value, then the
    ramp), so each loss is the very float the per-listing path computes.
    """
    numbers, odd = plain_numbers(values)
    applies = np.isfinite(numbers)
    low, high, ramp = params.get("min"), params.get("max"), params.get("ramp")
    zero = np.zeros(len(numbers))
    with np.errstate(invalid="ignore", over="ignore"):
        below = ramp_column(low - numbers, ramp) if low is not None else zero
        above = ramp_column(numbers - high, ramp) if high is not None else zero
    loss = np.where(applies, np.maximum(below, above), 0.0)
    if odd.any():
        loop_column(values, params, judge_bounds, np.flatnonzero(odd).tolist(), (applies, loss))
    return applies, loss


def expected_text(low: Any, high: Any) -> str:
    if low is not None and high is not None:
        return f"{_num(low)}–{_num(high)}"
    if low is not None:
        return f">= {_num(low)}"
    return f"<= {_num(high)}"


def _num(value: Any) -> str:
    number = float(value)
    return f"{int(number):,}".replace(",", ".") if number.is_integer() else f"{number:g}"

"""`range`: a number must lie between `min` and `max` (inclusive).

For facts that go wrong both ways: an aspect ratio too tall or too wide, a price below a
category floor or above a marketplace ceiling.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from .base import Judgement, ParamSpec
from .bounds import bounds_column, judge_bounds

NAME = "range"
PARAMS = {
    "min": ParamSpec("number", required=True),
    "max": ParamSpec("number", required=True),
    "ramp": ParamSpec("number"),
}
PLACEHOLDERS = frozenset({"min", "max"})


def check_params(params: Mapping[str, Any]) -> str | None:
    if params["min"] > params["max"]:
        return f"'min' ({params['min']}) is greater than 'max' ({params['max']})"
    return None


def judge(value: Any, params: Mapping[str, Any]) -> Judgement | None:
    return judge_bounds(value, params)


def judge_column(values: Sequence[Any], params: Mapping[str, Any]) -> tuple[Any, Any]:
    """Many listings at once (judge_columns.py), with `judge`'s result for each."""
    return bounds_column(values, params)

"""`threshold`: a number must not fall below `min` (or rise above `max`) — one bound only.

Most quality facts have one bad side (too few photos, too dark, too small); a rule that
states exactly one bound reads unambiguously in the rubric.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from .base import Judgement, ParamSpec
from .bounds import bounds_column, judge_bounds

NAME = "threshold"
PARAMS = {"min": ParamSpec("number"), "max": ParamSpec("number"), "ramp": ParamSpec("number")}
PLACEHOLDERS = frozenset({"min", "max"})


def check_params(params: Mapping[str, Any]) -> str | None:
    if ("min" in params) == ("max" in params):
        return "a threshold rule needs exactly one of 'min' or 'max' (use kind 'range' for both)"
    return None


def judge(value: Any, params: Mapping[str, Any]) -> Judgement | None:
    return judge_bounds(value, params)


def judge_column(values: Sequence[Any], params: Mapping[str, Any]) -> tuple[Any, Any]:
    """Many listings at once (judge_columns.py), with `judge`'s result for each."""
    return bounds_column(values, params)

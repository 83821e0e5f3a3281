"""The fixed set of rule kinds a rubric may use, and one registry of them.

Rules are data; kinds are code. A rubric picks a kind by name and supplies its parameters;
`rubric.py` validates those parameters against each kind's `PARAMS` and message
placeholders against `PLACEHOLDERS` when the rubric is loaded, not when it is used.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from types import ModuleType
from typing import Any

from . import forbid, length, peers, photo, range_, require, threshold
from .base import (
    COMMON_PLACEHOLDERS,
    Column,
    Judgement,
    ParamSpec,
    judge_each,
    loop_column,
    truth_column,
)

KINDS: dict[str, ModuleType] = {m.NAME: m for m in (length, require, forbid, threshold, range_,
                                                    peers, photo)}

# Parameters every rule may set whatever its kind: `each` judges a list item by item.
UNIVERSAL_PARAMS = {"each": ParamSpec("bool")}


def params_of(kind: str) -> dict[str, ParamSpec]:
    return {**KINDS[kind].PARAMS, **UNIVERSAL_PARAMS}


def placeholders_of(kind: str) -> frozenset[str]:
    return COMMON_PLACEHOLDERS | KINDS[kind].PLACEHOLDERS


def check_params(kind: str, params: Mapping[str, Any]) -> str | None:
    checker = getattr(KINDS[kind], "check_params", None)
    return checker(params) if checker else None


def judge(kind: str, value: Any, params: Mapping[str, Any]) -> Judgement | None:
    """Run `kind` on `value`; None means the rule does not apply (nothing was measured)."""
    module = KINDS[kind]
    if params.get("each"):
        return judge_each(value, params, module.judge)
    return module.judge(value, params)


def judge_column(kind: str, values: Sequence[Any], params: Mapping[str, Any]) -> Column:
    """`judge` over a column of values -> (applies, loss) arrays, one entry per value.

    A kind vectorises what it can (`judge_column` in its module); `each` rules and kinds
    without a column function loop `judge` itself, so every result is the per-value one.
    """
    column = getattr(KINDS[kind], "judge_column", None)
    if column is None or params.get("each"):
        return loop_column(values, params, lambda value, p: judge(kind, value, p))
    return column(values, params)


__all__ = ["KINDS", "Column", "Judgement", "ParamSpec", "check_params", "judge",
           "judge_column", "params_of", "placeholders_of", "truth_column"]

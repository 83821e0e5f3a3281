"""The fixed set of rule kinds a rubric may use, and one registry of them.

Rules are data; kinds are code. A rubric picks a kind by name and supplies its parameters;
`rubric.py` validates those parameters against each kind's `PARAMS` and message
placeholders against `PLACEHOLDERS` when the rubric is loaded, not when it is used.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import ModuleType
from typing import Any

from . import forbid, length, peers, photo, range_, require, threshold
from .base import COMMON_PLACEHOLDERS, Judgement, ParamSpec, judge_each

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


__all__ = ["KINDS", "Judgement", "ParamSpec", "check_params", "judge", "params_of",
           "placeholders_of"]

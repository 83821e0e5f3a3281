"""`forbid`: a fact must be absent — promo words, a contact number, an unreadable file.

The feature holds what was found (a list of hits, a flag, a reason); anything truthy
fails, and the hits themselves become the `observed` text a seller sees ("murah, promo").
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from .base import Column, Judgement, ParamSpec, map_column, truth_column

NAME = "forbid"
PARAMS = {"max_count": ParamSpec("number")}
PLACEHOLDERS = frozenset({"max_count"})
_HIT_LISTS = frozenset({list, tuple})  # exact types: `judge` counts their items


def judge(value: Any, params: Mapping[str, Any]) -> Judgement:
    allowed = params.get("max_count", 0)
    if isinstance(value, (list, tuple, set, frozenset)):
        hits = list(value)
        failed = len(hits) > allowed
        return Judgement(loss=1.0 if failed else 0.0, observed=hits, expected="absent",
                         extra={"hits": hits})
    failed = bool(value) and value == value
    return Judgement(loss=1.0 if failed else 0.0, observed=value, expected="absent")


def judge_column(values: Sequence[Any], params: Mapping[str, Any]) -> Column:
    """Many listings at once, each value failing exactly when `judge` says it fails."""
    allowed = params.get("max_count", 0)
    if set(map(type, values)) <= _HIT_LISTS:  # the usual column: every listing's hits
        hits = np.fromiter(map(len, values), dtype=np.int64, count=len(values))
        return np.ones(len(values), bool), np.where(hits > allowed, 1.0, 0.0)
    failed = truth_column(values)  # plain values only: lists and sets count their hits
    if failed is not None:
        return np.ones(len(values), bool), np.where(failed, 1.0, 0.0)

    def loss(value: Any) -> float:
        if value is None:
            return 0.0
        if isinstance(value, (list, tuple, set, frozenset)):
            return 1.0 if len(value) > allowed else 0.0
        return 1.0 if bool(value) and value == value else 0.0

    losses = map_column(values, loss)
    applies = ~np.isnan(losses)
    return applies, np.where(applies, losses, 0.0)

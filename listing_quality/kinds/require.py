"""`require`: a fact must be present — a net weight, a registration number, a price.

A missing fact is the failure here, so an absent value (None, "", 0, False, empty list)
fails instead of making the rule inapplicable; use the rule's `when` to limit where it
applies (only food needs a P-IRT number).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from .base import Column, Judgement, map_column, truth_column

NAME = "require"
PARAMS: dict = {}
PLACEHOLDERS: frozenset[str] = frozenset()


def judge(value: Any, params: Mapping[str, Any]) -> Judgement:
    present = bool(value) and value == value  # NaN is absent too
    return Judgement(loss=0.0 if present else 1.0, observed=value, expected="present")


def judge_column(values: Sequence[Any], params: Mapping[str, Any]) -> Column:
    """Many listings at once; a value whose truth cannot be read (an array) does not apply,
    as the engine treats `judge` failing on it."""
    present = truth_column(values, containers=True)
    if present is not None:
        return np.ones(len(values), bool), np.where(present, 0.0, 1.0)
    loss = map_column(values, _loss)
    applies = ~np.isnan(loss)
    return applies, np.where(applies, loss, 0.0)


def _loss(value: Any) -> float:
    return 0.0 if bool(value) and value == value else 1.0

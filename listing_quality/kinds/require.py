"""`require`: a fact must be present — a net weight, a registration number, a price.

A missing fact is the failure here, so an absent value (None, "", 0, False, empty list)
fails instead of making the rule inapplicable; use the rule's `when` to limit where it
applies (only food needs a P-IRT number).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .base import Judgement

NAME = "require"
PARAMS: dict = {}
PLACEHOLDERS: frozenset[str] = frozenset()


def judge(value: Any, params: Mapping[str, Any]) -> Judgement:
    present = bool(value) and value == value  # NaN is absent too
    return Judgement(loss=0.0 if present else 1.0, observed=value, expected="present")

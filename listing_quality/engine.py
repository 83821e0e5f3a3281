"""JUDGE: run every rule of a rubric over a listing's features.

A *guard* rule (`guard: true`) weighs only when it fires: it exists to empty a dimension
when its basic fact is missing (no title, no photo, no price) and must not dilute the
other rules of that dimension when the fact is there.

The engine never raises on bad data: a rule whose feature is missing does not apply, and a
kind that fails on a strange value is recorded as not applicable rather than stopping the
batch (the data rules report what was wrong with the row).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from . import kinds
from .kinds import Judgement
from .rubric import Rubric, Rule


@dataclass(frozen=True)
class Outcome:
    """A rule that applied to a listing, and its verdict (loss 0 = passed)."""

    rule: Rule
    judgement: Judgement


def applies(rule: Rule, features: Mapping[str, Any]) -> bool:
    if rule.when is None:
        return True
    gate = features.get(rule.when)
    return bool(gate) and gate == gate  # NaN gates nothing


def evaluate(features: Mapping[str, Any], rubric: Rubric) -> list[Outcome]:
    outcomes = []
    for rule in rubric.rules:
        if not applies(rule, features):
            continue
        try:
            verdict = kinds.judge(rule.kind, features.get(rule.feature), rule.params)
        except (TypeError, ValueError, ArithmeticError):
            verdict = None
        if verdict is None or (rule.guard and verdict.loss == 0):
            continue
        outcomes.append(Outcome(rule, verdict))
    return outcomes

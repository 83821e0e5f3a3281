"""What every rule kind shares: the verdict it returns and the item-by-item loop.

A kind turns one measured value into a `Judgement`: the fraction of the rule's weight that
is lost (0..1) plus what was observed and expected, in words a seller can read. Kinds never
see a listing, only a feature value and the rule's parameters, which keeps them tiny and
lets a rubric reuse them for any feature.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

# Placeholders every message may use, whatever the kind.
COMMON_PLACEHOLDERS = frozenset({"observed", "expected", "items", "count", "total"})


@dataclass(frozen=True)
class ParamSpec:
    """One parameter a kind accepts: its type and whether a rule must set it."""

    type: str  # "number" | "string" | "bool" | "list"
    required: bool = False
    choices: tuple[str, ...] = ()


@dataclass(frozen=True)
class Judgement:
    """A kind's verdict on one value. `loss` 0 means the rule passed."""

    loss: float
    observed: Any = None
    expected: Any = None
    items: tuple[int, ...] = ()  # 1-based indices of failing items for per-item rules
    total: int = 1
    extra: Mapping[str, Any] = field(default_factory=dict)

    @property
    def count(self) -> int:
        return len(self.items) if self.items else (1 if self.loss > 0 else 0)


ScalarJudge = Callable[[Any, Mapping[str, Any]], Judgement | None]


def is_number(value: Any) -> bool:
    if isinstance(value, bool) or value is None:
        return False
    try:
        return math.isfinite(float(value))
    except (TypeError, ValueError):
        return False


def ramp_loss(distance: float, ramp: float | None) -> float:
    """Loss for a value `distance` past its bound: all of it, or linearly up to `ramp`.

    A ramp gives partial credit to near misses (a 23-character title against a 25 minimum
    loses less than a 5-character one), which also keeps "fixing a finding never lowers
    the score" true for every small step a seller takes.
    """
    if distance <= 0:
        return 0.0
    if not ramp or ramp <= 0:
        return 1.0
    return min(1.0, distance / ramp)


def judge_each(values: Any, params: Mapping[str, Any], judge: ScalarJudge) -> Judgement | None:
    """Judge a list item by item; the loss is the share of failing items (partial credit)."""
    if not isinstance(values, Sequence) or isinstance(values, str):
        values = [values]
    verdicts = [(i, judge(v, params)) for i, v in enumerate(values, start=1)]
    judged = [(i, v) for i, v in verdicts if v is not None]
    if not judged:
        return None
    failing = [(i, v) for i, v in judged if v.loss > 0]
    loss = sum(v.loss for _, v in failing) / len(judged)
    expected = judged[0][1].expected
    return Judgement(
        loss=loss,
        observed=[v.observed for _, v in failing],
        expected=expected,
        items=tuple(i for i, _ in failing),
        total=len(judged),
    )

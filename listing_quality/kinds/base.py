"""What every rule kind shares: the verdict it returns and the item-by-item loop.

A kind turns one measured value into a `Judgement`: the fraction of the rule's weight that
is lost (0..1) plus what was observed and expected, in words a seller can read. Kinds never
see a listing, only a feature value and the rule's parameters, which keeps them tiny and
lets a rubric reuse them for any feature.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

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


# --- Columns: many listings at once (judge_columns.py) -------------------------------
# A column function returns (applies, loss) arrays with the meaning `judge` gives one value:
# applies False where `judge` returns None or fails on a strange value (the engine's rule).

Column = tuple[np.ndarray, np.ndarray]
_BIG = 2.0 ** 1000  # ints beyond this overflow float(); the kind's own judge decides them
_PLAIN_FLOATS = (float, np.float64)
_FAST_TYPES = {float, int, np.float64, type(None)}
_SAFE_TRUTH = {float, int, bool, str, type(None)}  # bool(v) and v == v never raise
# nor for an exact list or tuple: `v == v` compares each item with itself, and an item is
# equal to itself by identity before any __eq__ is called (so [nan] == [nan] too)
_SAFE_CONTAINER_TRUTH = _SAFE_TRUTH | {list, tuple}


def loop_column(values: Sequence[Any], params: Mapping[str, Any], judge: ScalarJudge,
                rows: Iterable[int] | None = None, out: Column | None = None) -> Column:
    """The kind's own `judge`, value by value: correct for any value, by construction.

    Fills `out` (or fresh arrays) only at `rows`, so a vectorised kind can hand over the
    few values it cannot read as numbers.
    """
    n = len(values)
    applies, loss = out if out is not None else (np.zeros(n, bool), np.zeros(n))
    for i in range(n) if rows is None else rows:
        try:
            verdict = judge(values[i], params)
        except (TypeError, ValueError, ArithmeticError):
            verdict = None
        if verdict is not None:
            applies[i], loss[i] = True, verdict.loss
    return applies, loss


def plain_numbers(values: Sequence[Any]) -> tuple[np.ndarray, np.ndarray]:
    """(numbers, odd): each plain int/float as a float (NaN elsewhere), and the rows whose
    value is neither such a number nor None — those go to the kind's own judge.

    Why split: `is_number` also accepts "12" and numpy scalars; rather than re-implement
    every such case, only the common plain numbers are vectorised.
    """
    if isinstance(values, np.ndarray) and values.dtype.kind in "fiu":
        return values.astype(float), np.zeros(len(values), bool)
    types = set(map(type, values))  # one C-level pass decides most columns
    if types == {type(None)}:  # a fact nobody had: nothing to judge
        return np.full(len(values), np.nan), np.zeros(len(values), bool)
    if types <= _FAST_TYPES:
        try:
            return np.array(values, dtype=float).reshape(len(values)), \
                np.zeros(len(values), bool)
        except OverflowError:  # an int too large for a float: the kind's judge decides
            pass
    kinds = [number_kind(v) for v in values]
    numbers = np.array([v if k == 1 else None for v, k in zip(values, kinds, strict=True)],
                       dtype=float)
    return numbers, np.array(kinds, dtype=np.int8) == 2


def number_kind(value: Any) -> int:
    """0: None, 1: a plain number, 2: anything else."""
    if value is None:
        return 0
    kind = type(value)
    if kind in _PLAIN_FLOATS or (kind is int and -_BIG < value < _BIG):
        return 1
    return 2


def ramp_column(distance: np.ndarray, ramp: float | None) -> np.ndarray:
    """`ramp_loss` over an array, with the same float operations in the same order."""
    if not ramp or ramp <= 0:
        return np.where(distance > 0, 1.0, 0.0)
    return np.where(distance > 0, np.minimum(1.0, distance / ramp), 0.0)


def truth_column(values: Sequence[Any], containers: bool = False) -> np.ndarray | None:
    """`bool(v) and v == v` per value (NaN is false), in one pass for plain values; None
    when some value is of a type whose truth may fail (the caller then goes value by value).
    `containers`: lists and tuples are plain too (`require` and gates; not `forbid`,
    which counts a list's hits).
    """
    if isinstance(values, np.ndarray) and values.dtype.kind in "bfiu":
        return (values != 0) & (values == values)
    types = set(map(type, values))
    if not types <= (_SAFE_CONTAINER_TRUTH if containers else _SAFE_TRUTH):
        return None
    if types == {type(None)}:  # a fact nobody had: common, and free to decide
        return np.zeros(len(values), bool)
    if float not in types:  # only a float can be NaN (v == v false): truth is all, in C
        return np.fromiter(map(bool, values), dtype=bool, count=len(values))
    return np.fromiter((bool(v and v == v) for v in values), dtype=bool, count=len(values))


def map_column(values: Sequence[Any], fn: Callable[[Any], float | None]) -> np.ndarray:
    """`fn` per value as floats; NaN where it gives None or fails on a strange value."""
    try:
        out = [fn(v) for v in values]
    except (TypeError, ValueError, ArithmeticError):
        out = [_safely(fn, v) for v in values]
    return np.array(out, dtype=float).reshape(len(values))


def _safely(fn: Callable[[Any], float | None], value: Any) -> float | None:
    try:
        return fn(value)
    except (TypeError, ValueError, ArithmeticError):
        return None

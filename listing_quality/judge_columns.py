"""JUDGE many listings at once: every rule of a rubric over columns of facts.

`engine.evaluate` judges one listing's dict rule by rule, and at a million listings the
Python call per rule and listing is the whole cost. Here each rule runs once over a column
(one value per listing) through its kind's `judge_column`, which vectorises what it can and
loops the kind's own `judge` for the rest, so the table holds, per rule and listing, exactly
what the engine decides: whether the rule applies (`when`, `guard`, a missing or unreadable
value) and the loss. Scoring the table is `scoring_columns.py`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from . import kinds
from .fact_columns import fact_columns
from .peer_columns import as_peer_columns
from .rubric import Rubric, Rule


@dataclass(frozen=True)
class LossTable:
    """Per rule (rows, in rubric order) and listing (columns): applies and loss.

    `loss` is 0 where a rule does not apply, so sums over rules need no mask.
    """

    rules: tuple[Rule, ...]
    applies: np.ndarray  # bool, (rules, listings)
    loss: np.ndarray  # float, (rules, listings)

    @property
    def n(self) -> int:
        return self.loss.shape[1]

    def fired(self) -> np.ndarray:
        """Where a rule applies and lost something: the engine's findings."""
        return self.applies & (self.loss > 0)


def features_of(rubric: Rubric) -> list[str]:
    """Every fact the rubric reads (features and `when` gates), each once, in rule order."""
    names = [name for rule in rubric.rules for name in (rule.feature, rule.when) if name]
    return list(dict.fromkeys(names))


columns_of = fact_columns
"""Fact dicts (one per listing) -> one list per fact name; a missing fact is None (the
name the columnar judge's callers use; fact_columns.py reads them)."""


def evaluate_columns(columns: Mapping[str, Sequence[Any]], n: int, rubric: Rubric
                     ) -> LossTable:
    """`engine.evaluate` for n listings at once: a missing column is a fact that is None."""
    applies = np.zeros((len(rubric.rules), n), dtype=bool)
    loss = np.zeros((len(rubric.rules), n))
    missing = [None] * n
    prepared: dict[str, Sequence[Any]] = {}
    gates: dict[str, np.ndarray] = {}  # a third of the rules share one gate (title.text)
    for k, rule in enumerate(rubric.rules):
        if rule.when and rule.when not in gates:
            gates[rule.when] = gate_column(columns.get(rule.when, missing), n)
        gate = gates[rule.when] if rule.when else None
        values = columns.get(rule.feature, missing)
        if rule.kind == "peers":  # records -> arrays, once per column
            if rule.feature not in prepared:
                prepared[rule.feature] = as_peer_columns(values)
            values = prepared[rule.feature]
        if gate is not None and not gate.all():
            rows = np.flatnonzero(gate)
            values = _take(values, rows)
        hit, lost = kinds.judge_column(rule.kind, values, rule.params)
        if rule.guard:
            hit = hit & (lost > 0)
        if gate is None or gate.all():
            applies[k], loss[k] = hit, np.where(hit, lost, 0.0)
        else:
            applies[k, rows], loss[k, rows] = hit, np.where(hit, lost, 0.0)
    return LossTable(tuple(rubric.rules), applies, loss)


def gate_column(values: Sequence[Any], n: int) -> np.ndarray:
    """`engine.applies` per listing: the gate fact is truthy and not NaN."""
    if isinstance(values, np.ndarray) and values.dtype.kind in "bfiu":
        return (values != 0) & (values == values)
    if len(values) != n:
        raise ValueError(f"a column of {len(values)} values for {n} listings")
    truth = kinds.truth_column(values, containers=True)  # one pass (gates are titles)
    if truth is not None:
        return truth
    return np.fromiter((bool(bool(v) and v == v) for v in values), dtype=bool, count=n)


def _take(values: Sequence[Any], rows: np.ndarray) -> Sequence[Any]:
    """The values at `rows`, keeping a column object's own type when it can select."""
    take = getattr(values, "take", None)
    if take is not None:
        return take(rows)
    return [values[i] for i in rows.tolist()]

"""SCORE many listings at once: a LossTable (+ model probabilities) -> the score columns.

The arithmetic is `scoring.score`'s, written over arrays with the same float operations in
the same order (sums run rule by rule in rubric order, dimension by dimension; adding 0.0
for a rule that does not apply leaves a sum unchanged), so every score, point and grade is
bit-for-bit the per-listing one. Rounding gives Python's `round` per value, as the
per-listing path rounds (rounding.py: numpy where it provably agrees, `round` elsewhere).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from .judge_columns import LossTable
from .rounding import round_column
from .rubric import Rubric
from .scoring import SEVERITY_ORDER
from .types import DIMENSIONS

MODEL_CODE = "M001"


@dataclass(frozen=True)
class ColumnScores:
    """Per listing: dimension scores (NaN = no rule applied), overall, grade, readiness,
    each fired rule's points (rules x listings) and the model finding's points (NaN = none).
    """

    dimensions: Mapping[str, np.ndarray]
    overall: np.ndarray
    grade: list[str]
    readiness: list[str]
    points: np.ndarray
    model_points: np.ndarray


def score_columns(table: LossTable, rubric: Rubric, probability: np.ndarray) -> ColumnScores:
    """`scoring.score` per listing; `probability` NaN where the listing has no model opinion."""
    dims, applicable = _dimensions(table, rubric)
    included = {d: ~np.isnan(dims[d]) & (rubric.dimensions.get(d, 0.0) > 0) for d in DIMENSIONS}
    total, weighted = np.zeros(table.n), np.zeros(table.n)
    for d in DIMENSIONS:
        weight = rubric.dimensions.get(d, 0.0)
        total = total + np.where(included[d], weight, 0.0)
        weighted = weighted + np.where(included[d], weight * np.nan_to_num(dims[d]), 0.0)
    with np.errstate(invalid="ignore", divide="ignore"):
        rules_score = np.where(total != 0, weighted / total, 100.0)
    has_p = ~np.isnan(probability)
    blend = np.where(has_p, rubric.model_blend, 0.0)
    points = _points(table, rubric, included, applicable, total, 1.0 - blend)
    overall = (1.0 - blend) * rules_score
    p = np.clip(np.nan_to_num(probability), 0.0, 1.0)
    blended = has_p & (blend != 0)
    overall = np.where(blended, overall + blend * 100.0 * p, overall)
    model_points = np.where(blended & (p < 1.0), blend * 100.0 * (1.0 - p), np.nan)
    shown = np.array(round_column(overall, 1), dtype=float)  # the score a listing shows
    return ColumnScores(dims, overall, rubric.grades_for(shown),
                        _readiness(table, rubric, shown), points, model_points)


def _dimensions(table: LossTable, rubric: Rubric
                ) -> tuple[dict[str, np.ndarray], dict[str, np.ndarray]]:
    """Dimension score (NaN where no rule applied) and applicable weight per listing."""
    scores, applicable = {}, {}
    for d in DIMENSIONS:
        app, lost = np.zeros(table.n), np.zeros(table.n)
        for k, rule in enumerate(table.rules):
            if rule.dimension == d:
                app = app + np.where(table.applies[k], rule.weight, 0.0)
                lost = lost + np.where(table.applies[k], rule.weight * table.loss[k], 0.0)
        with np.errstate(invalid="ignore", divide="ignore"):
            scores[d] = np.where(app > 0, 100.0 * (1.0 - lost / app), np.nan)
        applicable[d] = app
    return scores, applicable


def _points(table: LossTable, rubric: Rubric, included: Mapping[str, np.ndarray],
            applicable: Mapping[str, np.ndarray], total: np.ndarray, scale: np.ndarray
            ) -> np.ndarray:
    """Each fired rule's share of the lost score: `scoring._finding`'s product, in order."""
    points = np.zeros(table.loss.shape)
    fired = table.fired()
    for k, rule in enumerate(table.rules):
        mine = fired[k] & included.get(rule.dimension, False)
        if not mine.any():
            continue
        with np.errstate(invalid="ignore", divide="ignore"):
            share = rubric.dimensions.get(rule.dimension, 0.0) / total
            value = scale * 100.0 * share * rule.weight * table.loss[k] / applicable[
                rule.dimension]
        points[k] = np.where(mine, value, 0.0)
    return points


def _readiness(table: LossTable, rubric: Rubric, shown: np.ndarray) -> list[str]:
    """`scoring._readiness` per listing (blocking, error severity, the two bars)."""
    fired = table.fired()
    blocking = np.zeros(table.n, bool)
    error = np.zeros(table.n, bool)
    for k, rule in enumerate(table.rules):
        blocking |= fired[k] & bool(rule.blocking)
        error |= fired[k] & (rule.severity == "error")
    out = np.full(table.n, "platform-lokal", dtype=object)
    out[(shown >= rubric.ready) & ~error] = "siap-marketplace"
    out[blocking | (shown < rubric.local_bar)] = "perlu-perbaikan"  # checked first there
    return out.tolist()


def ordered_findings(table: LossTable, scores: ColumnScores
                     ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Every finding as (listing, rule index, points), sorted as `Result.findings`: by
    listing, then -points, severity, code. Rule index len(rules) is the model's M001."""
    listing, rule = np.nonzero(table.fired().T)
    points = scores.points[rule, listing]
    has_model = ~np.isnan(scores.model_points)
    model_rows = np.flatnonzero(has_model)
    listing = np.concatenate([listing, model_rows])
    rule = np.concatenate([rule, np.full(len(model_rows), len(table.rules))])
    points = np.concatenate([points, scores.model_points[model_rows]])
    codes = [r.code for r in table.rules] + [MODEL_CODE]
    code_rank = np.argsort(np.argsort(np.array(codes, dtype=object), kind="stable"))
    severity = np.array([SEVERITY_ORDER[r.severity] for r in table.rules]
                        + [SEVERITY_ORDER["info"]])
    order = np.lexsort((code_rank[rule], severity[rule], -points, listing))
    return listing[order], rule[order], points[order]

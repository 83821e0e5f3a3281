"""The score table of many listings, judged by columns (api.results_frame, without Results).

`api.judge` builds a full Result per listing: every finding's message and suggestion in
both languages, a suggested title, a model call. The score table shows none of that but
one suggestion, so here rules are judged and scored per column (judge_columns.py,
scoring_columns.py), the model predicts all rows in one call, and only each listing's top
suggestion is rendered — through the per-listing path, so its text is the same.
Listings are grouped by their rubric (rubric "auto" picks one per listing).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from .judge_columns import LossTable, columns_of, evaluate_columns, features_of
from .model import Model, resolve_model
from .rubric import Rubric
from .schema import OUTPUT_COLUMNS, conform
from .scoring_columns import MODEL_CODE, ColumnScores, ordered_findings, score_columns
from .top_suggestion import model_suggestion, rule_suggestion
from .types import DIMENSIONS, Listing

if TYPE_CHECKING:  # api calls this module (through the streaming score_frame)
    from .api import ModelFn, Options


def judge_frame(listings: Sequence[Listing], facts: Sequence[dict[str, Any]],
                options: Options, model: ModelFn | None = None, *, index: Any = None
                ) -> pd.DataFrame:
    """`api.results_frame([api.judge(...) for each listing], index, options.lang)`, by
    columns. Like `api.judge`, stores each listing's probability in its facts
    ("model.probability").
    """
    from .api import _chosen  # here, not at the top: api imports the modules that call us

    if len(listings) != len(facts):
        raise ValueError(f"{len(listings)} listings but {len(facts)} fact rows")
    if not _chosen(MODEL_CODE, options.select, options.ignore):
        model = False  # --select/--ignore apply to the model's finding like to any rule
    fn = resolve_model(model)
    probability = predict_all(fn, facts)
    for row, p in zip(facts, probability, strict=True):
        row["model.probability"] = p
    columns: dict[str, list[Any]] = {c: [None] * len(facts) for c in OUTPUT_COLUMNS}
    columns["id"] = [item.id for item in listings]
    columns["model_probability"] = probability
    for rubric, rows in _by_rubric(listings, options):
        part = [facts[i] for i in rows]
        _fill(columns, rows, _judge_group(part, rubric, probability, rows, fn, options.lang))
    frame = pd.DataFrame(columns, columns=list(OUTPUT_COLUMNS))
    if index is not None:
        frame.index = index
    return conform(frame)


def predict_all(fn: Any, facts: Sequence[dict[str, Any]]) -> list[float | None]:
    """`api._predict` per listing: a `Model` in one batched call, any other callable per row
    (a failing call -> None); NaN -> None, otherwise clipped to [0, 1]."""
    if fn is None:
        return [None] * len(facts)
    if isinstance(fn, Model) and type(fn).__call__ is Model.__call__:  # batched = same
        try:
            return [_clip(v) for v in fn.predict_many(facts)]
        except Exception:  # noqa: BLE001 - row by row, so only the broken rows lose it
            pass
    return [_call(fn, row) for row in facts]


def _call(fn: Any, row: dict[str, Any]) -> float | None:
    try:
        value = fn(row)
    except Exception:  # noqa: BLE001 - a broken model must not stop scoring
        return None
    return _clip(value)


def _clip(value: Any) -> float | None:
    return None if value is None or value != value else min(1.0, max(0.0, float(value)))


def _by_rubric(listings: Sequence[Listing], options: Options
               ) -> list[tuple[Rubric, list[int]]]:
    """Row numbers per rubric, by object: rubrics are cached, so equal choices share one
    (and a rubric, holding mappings, is not hashable)."""
    groups: dict[int, tuple[Rubric, list[int]]] = {}
    for i, item in enumerate(listings):
        rubric = options.rubric_for(item)
        groups.setdefault(id(rubric), (rubric, []))[1].append(i)
    return list(groups.values())


def _judge_group(facts: Sequence[dict[str, Any]], rubric: Rubric,
                 probability: Sequence[float | None], rows: Sequence[int], fn: Any,
                 lang: str) -> dict[str, list[Any]]:
    """The score columns of listings sharing one rubric."""
    table = evaluate_columns(columns_of(facts, features_of(rubric)), len(facts), rubric)
    p = np.array([probability[i] for i in rows], dtype=float).reshape(len(rows))
    scores = score_columns(table, rubric, p)
    out = {"overall": [round(v, 2) for v in scores.overall.tolist()], "grade": scores.grade,
           "readiness": scores.readiness}
    for d in DIMENSIONS:
        out[f"score_{d}"] = [None if v != v else round(v, 2) for v in
                             scores.dimensions[d].tolist()]
    out["codes"], out["top_suggestion"] = _codes_and_top(table, scores, facts, p, fn, lang)
    return out


def _codes_and_top(table: LossTable, scores: ColumnScores, facts: Sequence[dict[str, Any]],
                   probability: np.ndarray, fn: Any, lang: str
                   ) -> tuple[list[str], list[str]]:
    """Codes in `Result.findings` order, and the first finding that costs points or is
    not info (`Result.top_suggestion`), rendered for that one finding only."""
    listing, rule, points = ordered_findings(table, scores)
    names = [r.code for r in table.rules] + [MODEL_CODE]
    info = np.array([r.severity == "info" for r in table.rules] + [True])
    worth = (points > 0) | ~info[rule]
    bounds = np.searchsorted(listing, np.arange(table.n + 1)).tolist()
    rule_list, worth_list, point_list = rule.tolist(), worth.tolist(), points.tolist()
    codes, tops = [], []
    for i in range(table.n):
        start, stop = bounds[i], bounds[i + 1]
        codes.append(" ".join(names[k] for k in rule_list[start:stop]))
        first = next((j for j in range(start, stop) if worth_list[j]), None)
        if first is None:
            tops.append("")
        elif rule_list[first] == len(table.rules):
            tops.append(model_suggestion(point_list[first], float(probability[i]), fn,
                                         facts[i], lang))
        else:
            tops.append(rule_suggestion(table.rules[rule_list[first]], facts[i], lang))
    return codes, tops


def _fill(columns: dict[str, list[Any]], rows: Sequence[int], part: dict[str, list[Any]]
          ) -> None:
    for name, values in part.items():
        target = columns[name]
        for i, value in zip(rows, values, strict=True):
            target[i] = value

"""The score table of many listings, judged by columns (api.results_frame, without Results).

`api.judge` builds a full Result per listing: every finding's message and suggestion in
both languages, a suggested title, a model call. The score table shows none of that but
one suggestion, so here rules are judged and scored per column (judge_columns.py,
scoring_columns.py), the model predicts a whole group in one call, and only each
listing's top suggestion is rendered — by the rule's own kind and templates, so its text
is the same (top_suggestion.py). Listings are grouped by their rubric (rubric "auto"
picks one per listing); each group's facts, the rules' and the model's, are read in one
pass over its fact dicts (fact_columns.py).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from itertools import pairwise
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from .fact_columns import Facts, FactTable
from .judge_columns import LossTable, columns_of, evaluate_columns, features_of
from .model import Model, resolve_model
from .rounding import round_column, round_scores
from .rubric import Rubric
from .schema import OUTPUT_COLUMNS, conform
from .scoring_columns import MODEL_CODE, ColumnScores, ordered_findings, score_columns
from .top_suggestion import RuleTexts, model_suggestion
from .types import DIMENSIONS, Listing

if TYPE_CHECKING:  # api calls this module (through the streaming score_frame)
    from .api import ModelFn, Options


def judge_frame(listings: Sequence[Listing], facts: Sequence[dict[str, Any]] | FactTable,
                options: Options, model: ModelFn | None = None, *, index: Any = None
                ) -> pd.DataFrame:
    """`api.results_frame([api.judge(...) for each listing], index, options.lang)`, by
    columns. Like `api.judge`, stores each listing's probability in its facts
    ("model.probability"). `facts`: one dict per listing, or a `FactTable` of them.
    """
    from .api import _chosen  # here, not at the top: api imports the modules that call us

    if len(listings) != len(facts):
        raise ValueError(f"{len(listings)} listings but {len(facts)} fact rows")
    if not _chosen(MODEL_CODE, options.select, options.ignore):
        model = False  # --select/--ignore apply to the model's finding like to any rule
    fn = resolve_model(model)
    # a FactTable's columns need no pass per rubric group: one batched call reads them all
    batched = fn if _batched(fn) and not isinstance(facts, FactTable) else None
    probability = [None] * len(facts) if batched else _store(facts, predict_all(fn, facts))
    columns: dict[str, list[Any]] = {c: [None] * len(facts) for c in OUTPUT_COLUMNS}
    columns["id"] = [item.id for item in listings]
    columns["model_probability"] = probability
    for rubric, rows in _by_rubric(listings, options):
        part = facts.take(rows) if isinstance(facts, FactTable) else [facts[i] for i in rows]
        read = _read_group(part, rubric, batched, probability, rows)
        _fill(columns, rows, _judge_group(part, read, rubric, probability, rows, fn,
                                          options.lang))
    frame = pd.DataFrame(columns, columns=list(OUTPUT_COLUMNS))
    if index is not None:
        frame.index = index
    return conform(frame)


def predict_all(fn: Any, facts: Facts,
                columns: Mapping[str, Sequence[Any]] | None = None) -> list[float | None]:
    """`api._predict` per listing: a `Model` in one batched call (over `columns` when the
    caller already read its inputs), any other callable per row (a failing call -> None);
    NaN -> None, otherwise clipped to [0, 1]."""
    if fn is None:
        return [None] * len(facts)
    if _batched(fn):
        try:
            found = fn.predict_many(facts) if columns is None else \
                fn.predict_columns(columns, len(facts))
            return [_clip(v) for v in found]
        except Exception:  # noqa: BLE001 - row by row, so only the broken rows lose it
            pass
    return [_call(fn, row) for row in facts]


def _batched(fn: Any) -> bool:
    """A shipped-kind `Model` whose batched answer is its per-row answer, by design."""
    return isinstance(fn, Model) and type(fn).__call__ is Model.__call__


def _store(facts: Facts, probability: list[float | None]) -> list[float | None]:
    """Each probability into its listing's facts, as `api.judge` stores it."""
    if isinstance(facts, FactTable):
        facts.set("model.probability", probability)
        return probability
    for row, p in zip(facts, probability, strict=True):
        row["model.probability"] = p
    return probability


def _read_group(part: Facts, rubric: Rubric, model: Model | None,
                probability: list[float | None], rows: Sequence[int]
                ) -> dict[str, list[Any]]:
    """The facts a group's rules read, as columns. With a batched model its inputs are
    read in the same pass (each fact dict visited once, not twice: at 20,000 listings
    the visits, not the look-ups, are the cost) and the group is predicted here, its
    probabilities stored before any rule reads them."""
    names = features_of(rubric)
    if model is None:  # (a FactTable's model reads the whole table before any group)
        return columns_of(part, names)
    read = columns_of(part, names + model.input_names)
    found = _store(part, predict_all(model, part, read))
    for i, p in zip(rows, found, strict=True):
        probability[i] = p
    if "model.probability" in read:  # a rule reading it sees what was just stored
        read["model.probability"] = list(found)
    return read


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
    for i, rubric in enumerate(options.rubrics_for(listings)):
        groups.setdefault(id(rubric), (rubric, []))[1].append(i)
    return list(groups.values())


def _judge_group(facts: Facts, read: Mapping[str, Sequence[Any]],
                 rubric: Rubric, probability: Sequence[float | None], rows: Sequence[int],
                 fn: Any, lang: str) -> dict[str, list[Any]]:
    """The score columns of listings sharing one rubric (`read`: their fact columns)."""
    table = evaluate_columns(read, len(facts), rubric)
    p = np.array([probability[i] for i in rows], dtype=float).reshape(len(rows))
    scores = score_columns(table, rubric, p)
    out = {"overall": round_column(scores.overall, 2), "grade": scores.grade,
           "readiness": scores.readiness}
    for d in DIMENSIONS:
        out[f"score_{d}"] = round_scores(scores.dimensions[d], 2)
    out["codes"], out["top_suggestion"] = _codes_and_top(table, scores, facts, p, fn, lang)
    return out


def _codes_and_top(table: LossTable, scores: ColumnScores, facts: Facts,
                   probability: np.ndarray, fn: Any, lang: str
                   ) -> tuple[list[str], list[str]]:
    """Codes in `Result.findings` order, and the first finding that costs points or is
    not info (`Result.top_suggestion`), rendered for that one finding only."""
    listing, rule, points = ordered_findings(table, scores)
    names = [r.code for r in table.rules] + [MODEL_CODE]
    info = np.array([r.severity == "info" for r in table.rules] + [True])
    bounds = np.searchsorted(listing, np.arange(table.n + 1)).tolist()
    first = _first_true((points > 0) | ~info[rule], bounds).tolist()
    rule_list, point_list = rule.tolist(), points.tolist()
    codes = [" ".join(map(names.__getitem__, rule_list[start:stop]))
             for start, stop in pairwise(bounds)]
    tops, texts, fact = [], RuleTexts(lang), _fact_reader(facts)
    for i, j in enumerate(first):
        if j < 0:
            tops.append("")
        elif rule_list[j] == len(table.rules):
            tops.append(model_suggestion(point_list[j], float(probability[i]), fn,
                                         facts[i], lang))
        else:
            rule = table.rules[rule_list[j]]
            tops.append(texts.for_value(rule, fact(i, rule.feature)))
    return codes, tops


def _fact_reader(facts: Facts) -> Callable[[int, str], Any]:
    """(i, name) -> one fact of listing i, without a dict for it when the facts are
    columns: each column is looked up once a chunk, not once a listing."""
    if not isinstance(facts, FactTable):
        return lambda i, name: facts[i].get(name)
    columns: dict[str, Sequence[Any]] = {}

    def fact(i: int, name: str) -> Any:
        values = columns.get(name)
        if values is None:
            values = columns[name] = facts.column(name)
        return values[i]
    return fact


def _first_true(flags: np.ndarray, bounds: Sequence[int]) -> np.ndarray:
    """Per listing i, the first position in [bounds[i], bounds[i+1]) where `flags` is
    true, or -1: one binary search per listing instead of a scan in Python."""
    where = np.flatnonzero(flags)
    start, stop = np.asarray(bounds[:-1], np.intp), np.asarray(bounds[1:], np.intp)
    at = np.searchsorted(where, start)
    found = where[np.minimum(at, len(where) - 1)] if len(where) else np.full(len(start), -1)
    return np.where((at < len(where)) & (found < stop), found, -1)


def _fill(columns: dict[str, list[Any]], rows: Sequence[int], part: dict[str, list[Any]]
          ) -> None:
    for name, values in part.items():
        target = columns[name]
        for i, value in zip(rows, values, strict=True):
            target[i] = value

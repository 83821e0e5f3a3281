"""SCORE: outcomes (+ the model's opinion) -> dimension scores, overall, grade, readiness.

The arithmetic is the contract of DESIGN.md section 4, chosen so that every lost point has
an owner:

- dimension score  = 100 * (1 - lost weight / applicable weight)
- rules score      = mean of dimension scores weighted by the rubric's dimension weights
                     (dimensions where no rule applied are left out, not counted as 100)
- overall          = (1 - b) * rules score + b * 100 * p     (b = model blend, p = model)
- a finding's points = its share of the lost rules score, scaled by (1 - b); the model's
  share b * 100 * (1 - p) is its own finding (M001), so sum(points) == 100 - overall.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from typing import Any

import yaml

from .engine import Outcome
from .messages import placeholders, render
from .rubric import Rubric
from .types import DIMENSIONS, LANGUAGES, DimensionScore, Finding

SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}
DEFAULT_FIELD = {"title": "title", "photos": "photos", "packaging": "description",
                 "price": "price"}


@dataclass(frozen=True)
class Scored:
    overall: float
    grade: str
    readiness: str
    dimensions: Mapping[str, DimensionScore]
    findings: tuple[Finding, ...]


def score(outcomes: Sequence[Outcome], rubric: Rubric,
          model_probability: float | None = None) -> Scored:
    dims = _dimension_scores(outcomes, rubric)
    included = {d: s for d, s in dims.items() if s.score is not None and s.weight > 0}
    total_weight = sum(s.weight for s in included.values())
    rules_score = (sum(s.weight * s.score for s in included.values()) / total_weight
                   if total_weight else 100.0)
    blend = rubric.model_blend if model_probability is not None else 0.0
    findings = [f for o in outcomes if o.judgement.loss > 0
                for f in [_finding(o, included, total_weight, 1.0 - blend)]]
    overall = (1.0 - blend) * rules_score
    if blend:
        p = min(1.0, max(0.0, float(model_probability)))
        overall += blend * 100.0 * p
        if p < 1.0:
            findings.append(_model_finding(blend * 100.0 * (1.0 - p), p))
    findings.sort(key=lambda f: (-f.points, SEVERITY_ORDER[f.severity], f.code))
    grade = rubric.grade_for(round(overall, 1))
    return Scored(overall, grade, _readiness(overall, findings, rubric), dims, tuple(findings))


def _dimension_scores(outcomes: Sequence[Outcome], rubric: Rubric) -> dict[str, DimensionScore]:
    scores = {}
    for dim in DIMENSIONS:
        mine = [o for o in outcomes if o.rule.dimension == dim]
        applicable = sum(o.rule.weight for o in mine)
        lost = sum(o.rule.weight * o.judgement.loss for o in mine)
        value = 100.0 * (1.0 - lost / applicable) if applicable > 0 else None
        codes = tuple(o.rule.code for o in mine if o.judgement.loss > 0)
        scores[dim] = DimensionScore(dim, value, rubric.dimensions.get(dim, 0.0), lost,
                                     applicable, codes)
    return scores


def _finding(outcome: Outcome, included: Mapping[str, DimensionScore], total_weight: float,
             scale: float) -> Finding:
    rule, verdict = outcome.rule, outcome.judgement
    dim = included.get(rule.dimension)
    points = 0.0
    if dim is not None and dim.applicable_weight > 0:
        share = dim.weight / total_weight
        points = scale * 100.0 * share * rule.weight * verdict.loss / dim.applicable_weight
    texts = {lang: placeholders(verdict, rule.params, lang) for lang in LANGUAGES}
    return Finding(
        code=rule.code, name=rule.name, dimension=rule.dimension, severity=rule.severity,
        points=points, loss=verdict.loss, observed=verdict.observed, expected=verdict.expected,
        field=_field(rule.field or DEFAULT_FIELD[rule.dimension], verdict.items),
        blocking=rule.blocking,
        messages={lang: render(rule.message[lang], texts[lang]) for lang in LANGUAGES},
        suggestions={lang: render(rule.suggestion[lang], texts[lang]) for lang in LANGUAGES},
    )


def _field(name: str, items: tuple[int, ...]) -> str:
    return f"{name}[{items[0]}]" if len(items) == 1 else name


@functools.lru_cache(maxsize=1)
def _model_texts() -> dict[str, Any]:
    path = resources.files("listing_quality") / "model" / "messages.yaml"
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _model_finding(points: float, probability: float) -> Finding:
    texts = _model_texts()
    shown = {"id": f"{probability * 100:.0f}%", "en": f"{probability * 100:.0f}%"}
    return Finding(
        code="M001", name=texts["name"], dimension="title", severity="info", points=points,
        loss=1.0 - probability, observed=round(probability, 4), expected=">= 0.5",
        field="title",
        messages={lang: texts["message"][lang].format(probability=shown[lang])
                  for lang in LANGUAGES},
        suggestions={lang: texts["suggestion"][lang] for lang in LANGUAGES},
    )


def _readiness(overall: float, findings: Sequence[Finding], rubric: Rubric) -> str:
    """DESIGN.md section 6, plus the rubric's floor for the local platform."""
    overall = round(overall, 1)  # judge the number people see
    if any(f.blocking for f in findings) or overall < rubric.local_bar:
        return "perlu-perbaikan"
    if overall >= rubric.ready and not any(f.severity == "error" for f in findings):
        return "siap-marketplace"
    return "platform-lokal"

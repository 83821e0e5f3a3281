"""One listing's top suggestion, rendered exactly as the per-listing path renders it.

The columnar judge (judge_frame.py) knows which finding comes first but holds no texts: a
million listings should not pay for messages nobody reads. For the one suggestion the
score table shows, the rule's kind judges that listing's value again and the templates
are filled by `messages`, as `scoring._finding` does, so the words are the same.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from . import kinds
from .messages import placeholders, render
from .model.finding import with_reasons
from .rubric import Rule
from .scoring import _model_finding
from .types import LANGUAGES


def rule_suggestion(rule: Rule, facts: Mapping[str, Any], lang: str) -> str:
    """`Finding.suggestion(lang)` of this rule's finding on this listing."""
    verdict = kinds.judge(rule.kind, facts.get(rule.feature), rule.params)
    if verdict is None:  # cannot happen for a fired rule; no text rather than a wrong one
        return ""
    for shown in _languages(lang):
        text = render(rule.suggestion[shown], placeholders(verdict, rule.params, shown))
        if text:
            return text
    return ""


def model_suggestion(points: float, probability: float, model: Any,
                     facts: Mapping[str, Any], lang: str) -> str:
    """M001's suggestion, naming what pulled the probability down when the model can say."""
    finding = _model_finding(points, probability)
    (finding,) = with_reasons([finding], model, facts)
    return finding.suggestion(lang)


def _languages(lang: str) -> tuple[str, ...]:
    """`Finding.suggestion`'s fallback: the language asked for, else Indonesian."""
    return (lang, "id") if lang in LANGUAGES and lang != "id" else ("id",)

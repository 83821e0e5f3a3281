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
from .messages import judgement_values, param_values, placeholders, render
from .model.finding import with_reasons
from .rubric import Rule
from .scoring import _model_finding
from .types import LANGUAGES

_MEMO_TYPES = frozenset({type(None), bool, int, float, str})  # hashable, compared by value


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


class RuleTexts:
    """`rule_suggestion` for the listings of one chunk.

    A rule's text is a function of the rule and the listing's value alone, and a chunk's
    top suggestions repeat (every listing without a photo gets the same one), so a plain
    value's text is rendered once per rule and value; and each rule's own placeholders
    (`param_values`) are formatted once per rule and language, not per listing. Lives for
    one call (a chunk), which bounds both memos; the rules it keys on by identity stay
    alive meanwhile.
    """

    def __init__(self, lang: str) -> None:
        self.languages = _languages(lang)
        self._params: dict[tuple[int, str], dict[str, str]] = {}
        self._texts: dict[tuple[int, type, Any], str] = {}

    def suggestion(self, rule: Rule, facts: Mapping[str, Any]) -> str:
        return self.for_value(rule, facts.get(rule.feature))

    def for_value(self, rule: Rule, value: Any) -> str:
        """The suggestion of a listing whose fact `rule.feature` is `value`."""
        kind = type(value)
        if kind not in _MEMO_TYPES:
            return self._render(rule, value)
        # a float by its bits: -0.0 == 0.0, and a memo must not tell them apart by luck
        key = (id(rule), kind, value.hex() if kind is float else value)
        text = self._texts.get(key)
        if text is None:
            text = self._texts[key] = self._render(rule, value)
        return text

    def _render(self, rule: Rule, value: Any) -> str:
        verdict = kinds.judge(rule.kind, value, rule.params)
        if verdict is None:
            return ""
        for shown in self.languages:
            fixed = self._params.get((id(rule), shown))
            if fixed is None:
                fixed = self._params[(id(rule), shown)] = param_values(rule.params, shown)
            text = render(rule.suggestion[shown], {**fixed, **judgement_values(verdict, shown)})
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

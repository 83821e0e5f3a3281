"""Render a rule's message and suggestion templates with what was measured.

Numbers are written the way each language reads them (25.000 and 0,75 in Indonesian;
25,000 and 0.75 in English), lists are joined, and a template can only use the plain
placeholders its kind supplies — rubric validation guarantees that at load time.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from .kinds import Judgement


def format_value(value: Any, lang: str) -> str:
    if value is None:
        return "—"
    if isinstance(value, bool):
        return {"id": "ya", "en": "yes"}[lang] if value else {"id": "tidak", "en": "no"}[lang]
    if isinstance(value, (int, float)):
        try:
            return _number(float(value), lang)
        except OverflowError:  # an int beyond any float: a broken fact, shown as written
            return str(value)[:200]
    if isinstance(value, (list, tuple)):
        return ", ".join(format_value(v, lang) for v in value) or "—"
    if isinstance(value, Mapping):
        return ", ".join(f"{k}: {format_value(v, lang)}" for k, v in value.items())
    return str(value)[:200]


def _number(number: float, lang: str) -> str:
    if not math.isfinite(number):
        return "—"
    thousands, decimal = (".", ",") if lang == "id" else (",", ".")
    if number.is_integer():
        text = f"{int(number):,}"
    else:
        text = f"{number:,.2f}".rstrip("0").rstrip(".")
    return text.replace(",", "\0").replace(".", decimal).replace("\0", thousands)


def placeholders(judgement: Judgement, params: Mapping[str, Any], lang: str) -> dict[str, str]:
    return {**param_values(params, lang), **judgement_values(judgement, lang)}


def param_values(params: Mapping[str, Any], lang: str) -> dict[str, str]:
    """The rule's own placeholders. Apart from `judgement_values` because they are the
    same for every listing: the columnar judge formats them once per rule, not per row
    (a `peers` rule's reference bands are a long text)."""
    return {key: format_value(value, lang) for key, value in params.items()}


def judgement_values(judgement: Judgement, lang: str) -> dict[str, str]:
    """What was measured; these win over a parameter of the same name."""
    return {
        "observed": format_value(judgement.observed, lang),
        "expected": format_value(judgement.expected, lang),
        "items": ", ".join(str(i) for i in judgement.items) or "—",
        "count": str(judgement.count),
        "total": str(judgement.total),
    }


def render(template: str, values: Mapping[str, str]) -> str:
    try:
        return template.format_map(values)
    except (KeyError, ValueError, IndexError):
        return template

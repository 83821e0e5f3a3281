"""Render the rule catalogue (`listing-quality rules`) and one rule (`explain CODE`).

Takes `Rule.to_dict()` dicts, like every renderer takes plain dicts. The markdown form is
the README's rule table; a test keeps the two identical.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

LABELS = {
    "id": {"what": "Apa yang diperiksa", "why": "Mengapa penting", "fix": "Cara memperbaiki",
           "where": "Ditetapkan di", "rubrics": "Rubrik", "blocking": "memblokir"},
    "en": {"what": "What it does", "why": "Why is this bad?", "fix": "Use instead",
           "where": "Defined in", "rubrics": "Rubrics", "blocking": "blocking"},
}


def render_rules(rules: Sequence[Mapping[str, Any]], *, fmt: str = "text", lang: str = "id",
                 title: str = "") -> str:
    if fmt == "json":
        return json.dumps(list(rules), ensure_ascii=False, indent=2)
    if fmt == "markdown":
        return _markdown(rules, lang)
    lines = [f"# {title}"] if title else []
    for rule in rules:
        flag = " !" if rule.get("blocking") else ""
        lines.append(f"{rule['code']}  {rule['name']:<30} {rule['dimension']:<9} "
                     f"{rule['severity']:<7} w={rule['weight']:g}{flag}  "
                     f"{_where(rule)}")
    return "\n".join(lines)


def _markdown(rules: Sequence[Mapping[str, Any]], lang: str) -> str:
    head = ("| Code | Name | Dimension | Severity | Weight | Rubrics | Message |",
            "|---|---|---|---|---|---|---|")
    rows = [f"| {r['code']} | `{r['name']}` | {r['dimension']} | {r['severity']}"
            f"{' (blocking)' if r.get('blocking') else ''} | {r['weight']:g} | "
            f"{', '.join(r.get('rubrics', [])) or '—'} | "
            f"{_cell(r['message'][lang])} |" for r in rules]
    return "\n".join((*head, *rows))


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _where(rule: Mapping[str, Any]) -> str:
    rubrics = rule.get("rubrics")
    return ", ".join(rubrics) if rubrics else rule.get("origin", "")


def render_explain(rule: Mapping[str, Any], *, lang: str = "id", rubric: str = "") -> str:
    """ruff-style sections: what it does, why it matters, what to do instead."""
    words = LABELS[lang]
    params = ", ".join(f"{k}={v}" for k, v in rule.get("params", {}).items()) or "—"
    why = rule.get("why", {}).get(lang) or rule["message"][lang]
    lines = [
        f"{rule['code']} ({rule['name']})",
        f"{rule['dimension']} · {rule['severity']}"
        + (f" · {words['blocking']}" if rule.get("blocking") else "")
        + f" · weight {rule['weight']:g} · {rubric}",
        "",
        f"## {words['what']}",
        f"kind `{rule['kind']}` on feature `{rule['feature']}` ({params})"
        + (f", when `{rule['when']}`" if rule.get("when") else ""),
        f"{rule['message'][lang]}",
        "",
        f"## {words['why']}",
        why,
        "",
        f"## {words['fix']}",
        rule["suggestion"][lang],
        "",
        f"{words['where']}: {rule.get('origin', '')}",
    ]
    return "\n".join(lines)

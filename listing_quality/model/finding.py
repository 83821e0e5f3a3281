"""Name what pulled the model's probability down in its own finding (M001).

scoring.py builds M001 from the probability alone; when the model can explain itself
(a `Model`, not a bare callable), its suggestion is rewritten to name the title words and
facts with the most negative pull, so the seller knows which words to change. Below
`explain_min_points` (messages.yaml) the model's share is too small to be worth the words,
and the general suggestion stays.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Mapping, Sequence
from importlib import resources
from typing import Any

import yaml

from ..types import LANGUAGES, Finding

CODE = "M001"


@functools.lru_cache(maxsize=1)
def _texts() -> dict[str, Any]:
    path = resources.files("listing_quality") / "model" / "messages.yaml"
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _shown(piece: str, lang: str) -> str:
    """A fact's plain-language name (messages.yaml `pieces`); a title word as it is."""
    names = _texts()["pieces"].get(piece)
    return names[lang] if names else piece


def with_reasons(findings: Sequence[Finding], model: Any, facts: Mapping[str, Any],
                 k: int = 3) -> tuple[Finding, ...]:
    """The findings, with M001's suggestion naming the pieces that pulled it down."""
    findings = tuple(findings)
    explain = getattr(model, "explain", None)
    bar = _texts()["explain_min_points"]
    if explain is None or not any(f.code == CODE and f.points >= bar for f in findings):
        return findings
    try:
        pieces = [str(p) for p in explain(facts, k)]
    except Exception:  # noqa: BLE001 - an explanation must never stop scoring
        return findings
    if not pieces:
        return findings
    template = _texts()["suggestion_pieces"]
    texts = {lang: template[lang].format(pieces=", ".join(_shown(p, lang) for p in pieces))
             for lang in LANGUAGES}
    return tuple(dataclasses.replace(f, suggestions=texts) if f.code == CODE else f
                 for f in findings)

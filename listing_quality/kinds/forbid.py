"""`forbid`: a fact must be absent — promo words, a contact number, an unreadable file.

The feature holds what was found (a list of hits, a flag, a reason); anything truthy
fails, and the hits themselves become the `observed` text a seller sees ("murah, promo").
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .base import Judgement, ParamSpec

NAME = "forbid"
PARAMS = {"max_count": ParamSpec("number")}
PLACEHOLDERS = frozenset({"max_count"})


def judge(value: Any, params: Mapping[str, Any]) -> Judgement:
    allowed = params.get("max_count", 0)
    if isinstance(value, (list, tuple, set, frozenset)):
        hits = list(value)
        failed = len(hits) > allowed
        return Judgement(loss=1.0 if failed else 0.0, observed=hits, expected="absent",
                         extra={"hits": hits})
    failed = bool(value) and value == value
    return Judgement(loss=1.0 if failed else 0.0, observed=value, expected="absent")

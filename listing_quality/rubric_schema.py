"""Strict validation of rubric data: every mistake names its file, line and key.

A curator who types `mesage:` or `wieght:` must hear about it at load time, with the line
to fix — a silently ignored key would quietly change every score. This module checks one
merged rubric (after `extends` and a marketplace profile are applied) and builds `Rule`s.
"""

from __future__ import annotations

import dataclasses
import re
import string
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from . import kinds
from .features.names import FEATURE_NAMES
from .types import DIMENSIONS, LANGUAGES, SEVERITIES

CODE_RE = re.compile(r"^[TPKHDM]\d{3}$")
NAME_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
PREFIX_DIMENSION = {"T": "title", "P": "photos", "K": "packaging", "H": "price"}
RULE_KEYS = {"code", "name", "dimension", "kind", "feature", "severity", "weight", "blocking",
             "guard", "message", "suggestion", "why", "when", "field", "aliases"}
REQUIRED_RULE_KEYS = ("code", "name", "dimension", "kind", "feature", "severity", "weight",
                      "message", "suggestion")
Locate = Callable[[str], str]  # key -> "file:line" of that key in this rule


class RubricError(ValueError):
    """A rubric or marketplace profile that cannot be used; names file, line and key."""


@dataclass(frozen=True)
class Rule:
    """One rule of a rubric: which feature, judged by which kind, worth how much."""

    code: str
    name: str
    dimension: str
    kind: str
    feature: str
    severity: str
    weight: float
    message: Mapping[str, str]
    suggestion: Mapping[str, str]
    params: Mapping[str, Any] = field(default_factory=dict)
    blocking: bool = False
    guard: bool = False
    when: str | None = None
    field: str | None = None
    aliases: tuple[str, ...] = ()
    why: Mapping[str, str] = dataclasses.field(default_factory=dict)
    origin: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "name": self.name, "dimension": self.dimension,
                "kind": self.kind, "feature": self.feature, "severity": self.severity,
                "weight": self.weight, "blocking": self.blocking, "guard": self.guard,
                "params": dict(self.params),
                "when": self.when, "aliases": list(self.aliases), "message": dict(self.message),
                "suggestion": dict(self.suggestion), "why": dict(self.why),
                "origin": self.origin}


def fail(where: str, key: str, problem: str) -> RubricError:
    return RubricError(f"{where}: {key}: {problem}")


def build_rule(raw: Mapping[str, Any], params: Mapping[str, Any], locate: Locate,
               label: str) -> Rule:
    """Validate one merged rule mapping and resolve its `$param` references."""
    kind = raw.get("kind")
    if kind not in kinds.KINDS:
        raise fail(locate("kind"), f"{label}.kind",
                   f"unknown kind {kind!r}; expected one of {sorted(kinds.KINDS)}")
    kind_params = kinds.params_of(kind)
    for key in raw:
        if key not in RULE_KEYS and key not in kind_params:
            allowed = sorted(RULE_KEYS | set(kind_params))
            raise fail(locate(key), f"{label}.{key}",
                       f"unknown key {key!r} for a {kind!r} rule; expected one of {allowed}")
    for key in REQUIRED_RULE_KEYS:
        if key not in raw:
            raise fail(locate("code"), f"{label}.{key}", "missing required key")
    _check_identity(raw, locate, label)
    resolved = {k: _resolve(raw[k], params, locate(k), f"{label}.{k}")
                for k in kind_params if k in raw}
    _check_kind_params(kind, kind_params, resolved, locate, label)
    texts = {k: _texts(raw.get(k), locate(k), f"{label}.{k}", kind, required=(k != "why"))
             for k in ("message", "suggestion", "why")}
    return Rule(
        code=raw["code"], name=raw["name"], dimension=raw["dimension"], kind=kind,
        feature=raw["feature"], severity=raw["severity"], weight=float(raw["weight"]),
        message=texts["message"], suggestion=texts["suggestion"], why=texts["why"],
        params=resolved, blocking=bool(raw.get("blocking", False)),
        guard=bool(raw.get("guard", False)), when=raw.get("when"),
        field=raw.get("field"), aliases=tuple(raw.get("aliases", ())),
        origin=locate("code"),
    )


def _check_identity(raw: Mapping[str, Any], locate: Locate, label: str) -> None:
    code, name, dimension = raw["code"], raw["name"], raw["dimension"]
    if not isinstance(code, str) or not CODE_RE.match(code):
        raise fail(locate("code"), f"{label}.code",
                   f"{code!r} is not a code like T101 (prefix T, P, K, H, D or M + 3 digits)")
    if not isinstance(name, str) or not NAME_RE.match(name):
        raise fail(locate("name"), f"{label}.name", f"{name!r} is not a kebab-case name")
    if dimension not in DIMENSIONS:
        raise fail(locate("dimension"), f"{label}.dimension",
                   f"{dimension!r} is not one of {list(DIMENSIONS)}")
    expected_dim = PREFIX_DIMENSION.get(code[0])
    if expected_dim and expected_dim != dimension:
        raise fail(locate("dimension"), f"{label}.dimension",
                   f"code {code} belongs to dimension {expected_dim!r}, not {dimension!r}")
    if raw["severity"] not in SEVERITIES:
        raise fail(locate("severity"), f"{label}.severity",
                   f"{raw['severity']!r} is not one of {list(SEVERITIES)}")
    weight = raw["weight"]
    if isinstance(weight, bool) or not isinstance(weight, (int, float)) or weight < 0:
        raise fail(locate("weight"), f"{label}.weight", f"{weight!r} is not a number >= 0")
    for key in ("feature", "when"):
        value = raw.get(key)
        if key in raw and value not in FEATURE_NAMES:
            raise fail(locate(key), f"{label}.{key}",
                       f"unknown feature {value!r}; `listing-quality rules --features` lists them")
    for key in ("blocking", "guard"):
        if key in raw and not isinstance(raw[key], bool):
            raise fail(locate(key), f"{label}.{key}", "expected true or false")
    aliases = raw.get("aliases", [])
    if not isinstance(aliases, list) or not all(isinstance(a, str) and CODE_RE.match(a)
                                                for a in aliases):
        raise fail(locate("aliases"), f"{label}.aliases", "expected a list of codes")


def _resolve(value: Any, params: Mapping[str, Any], where: str, key: str) -> Any:
    if isinstance(value, str) and value.startswith("$"):
        name = value[1:]
        if name not in params:
            raise fail(where, key, f"unknown parameter {value!r}; known: {sorted(params)}")
        return params[name]
    return value


def _check_kind_params(kind: str, specs: Mapping[str, kinds.ParamSpec],
                       values: Mapping[str, Any], locate: Locate, label: str) -> None:
    for name, spec in specs.items():
        if spec.required and name not in values:
            raise fail(locate("kind"), f"{label}.{name}", f"a {kind!r} rule needs {name!r}")
        if name in values and not _type_ok(values[name], spec):
            raise fail(locate(name), f"{label}.{name}",
                       f"expected a {spec.type}"
                       + (f" in {list(spec.choices)}" if spec.choices else "")
                       + f", got {values[name]!r}")
    problem = kinds.check_params(kind, values)
    if problem:
        raise fail(locate("kind"), label, problem)


def _type_ok(value: Any, spec: kinds.ParamSpec) -> bool:
    if spec.type == "number":
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if spec.type == "bool":
        return isinstance(value, bool)
    if spec.type == "list":
        return isinstance(value, list)
    return isinstance(value, str) and (not spec.choices or value in spec.choices)


def _texts(value: Any, where: str, key: str, kind: str, required: bool) -> dict[str, str]:
    if value is None and not required:
        return {}
    if not isinstance(value, Mapping):
        raise fail(where, key, f"expected a mapping with {list(LANGUAGES)} texts")
    unknown = set(value) - set(LANGUAGES)
    if unknown:
        raise fail(where, f"{key}.{sorted(unknown)[0]}",
                   f"unknown language; expected exactly {list(LANGUAGES)}")
    allowed = kinds.placeholders_of(kind)
    for lang in LANGUAGES:
        text = value.get(lang)
        if not isinstance(text, str) or not text.strip():
            raise fail(where, f"{key}.{lang}", "missing text (every message needs id and en)")
        _check_placeholders(text, allowed, where, f"{key}.{lang}", kind)
    return {lang: value[lang] for lang in LANGUAGES}


def _check_placeholders(text: str, allowed: frozenset[str], where: str, key: str,
                        kind: str) -> None:
    try:
        fields = [f for _, f, _, _ in string.Formatter().parse(text) if f is not None]
    except ValueError as exc:
        raise fail(where, key, f"broken placeholder: {exc}") from None
    for name in fields:
        if name not in allowed:
            raise fail(where, key, f"placeholder {{{name}}} is not supplied by kind {kind!r}; "
                       f"available: {sorted(allowed)}")

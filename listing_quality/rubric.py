"""Load rubrics: find the file, follow `extends`, apply a marketplace profile, validate.

A rubric is a YAML file of rules (see `rubrics/umum.yaml`); a category rubric `extends` a
more general one and may override any rule by its code or `disable` it; a marketplace
profile (`rubrics/marketplaces/*.yaml`) only sets named parameters (`$title_max_chars`)
that the rules refer to, so marketplace facts live in one place with their sources.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from .rubric_schema import RubricError, Rule, build_rule, fail
from .types import DIMENSIONS
from .yamlsafe import LocatedYaml, YamlError, load_located

TOP_KEYS = {"name", "extends", "description", "params", "dimensions", "grades", "readiness",
            "model", "rules", "disable"}
PROFILE_KEYS = {"name", "description", "params"}
DEFAULT_GRADES = {"A": 90.0, "B": 80.0, "C": 70.0, "D": 60.0}
MAX_EXTENDS_DEPTH = 8
NOT_RUBRICS = {"categories"}  # data files that live beside the rubrics
SECTION_KEYS: dict[str, set[str]] = {  # allowed keys per section; empty = checked elsewhere
    "description": {"id", "en"}, "dimensions": set(DIMENSIONS), "grades": set(),
    "readiness": {"marketplace", "local"}, "model": {"blend"},
}

LOWEST_GRADE = "E"  # a score below every bar

__all__ = ["Rubric", "RubricError", "Rule", "builtin_names", "load_rubric", "rubric_dir"]


@dataclass(frozen=True)
class Rubric:
    """A fully resolved rubric: rules with their parameters filled in, ready to judge."""

    name: str
    rules: tuple[Rule, ...]
    dimensions: Mapping[str, float]
    grades: tuple[tuple[str, float], ...]
    ready: float
    local_bar: float
    model_blend: float
    params: Mapping[str, Any] = field(default_factory=dict)
    description: Mapping[str, str] = field(default_factory=dict)
    files: tuple[str, ...] = ()

    def rule(self, code: str) -> Rule:
        for rule in self.rules:
            if code in (rule.code, *rule.aliases):
                return rule
        raise KeyError(code)

    def grade_for(self, overall: float) -> str:
        for letter, bar in self.grades:
            if overall >= bar:
                return letter
        return LOWEST_GRADE

    def grades_for(self, overall: np.ndarray) -> list[str]:
        """`grade_for` of each score, over the array: bars written last to first, so the
        first bar a score reaches is the one kept."""
        grade = np.full(len(overall), LOWEST_GRADE, dtype=object)
        for letter, bar in reversed(self.grades):
            grade[overall >= bar] = letter
        return grade.tolist()


def rubric_dir() -> Path:
    """Where the built-in rubrics are: inside the wheel, or `rubrics/` in a source checkout."""
    packaged = resources.files("listing_quality") / "rubrics"
    if packaged.is_dir():
        return Path(str(packaged))
    return Path(__file__).resolve().parent.parent / "rubrics"


def builtin_names(marketplaces: bool = False) -> list[str]:
    folder = rubric_dir() / "marketplaces" if marketplaces else rubric_dir()
    return sorted(p.stem for p in folder.glob("*.yaml") if p.stem not in NOT_RUBRICS)


def load_rubric(name_or_path: str | Path = "umum", marketplace: str | Path | None = None
                ) -> Rubric:
    """Load a built-in rubric by name (``"kuliner"``) or any rubric file by path."""
    return _load_cached(str(name_or_path), None if marketplace is None else str(marketplace))


@functools.lru_cache(maxsize=64)
def _load_cached(name: str, marketplace: str | None) -> Rubric:
    layers = _chain(_locate(name, rubric_dir(), base=None), depth=0, seen=())
    merged = _merge(layers)
    profile = None
    if marketplace:
        profile = _read(_locate(marketplace, rubric_dir() / "marketplaces", base=None))
        _apply_profile(merged, profile)
    return _build(merged, profile)


def _locate(name: str, folder: Path, base: Path | None) -> Path:
    candidate = Path(name)
    if candidate.suffix in (".yaml", ".yml"):
        path = candidate if candidate.is_absolute() or base is None else base / candidate
        if path.is_file():
            return path
        raise RubricError(f"{path}: rubric file not found")
    builtin = folder / f"{name}.yaml"
    if builtin.is_file():
        return builtin
    known = ", ".join(sorted(p.stem for p in folder.glob("*.yaml")))
    raise RubricError(f"unknown rubric {name!r}: not a file and not a built-in ({known})")


def _read(path: Path) -> LocatedYaml:
    try:
        doc = load_located(path.read_text(encoding="utf-8"), _display(path))
    except (OSError, UnicodeDecodeError) as exc:
        raise RubricError(f"{_display(path)}: cannot read rubric: {exc}") from None
    except YamlError as exc:
        raise RubricError(str(exc)) from None
    if not isinstance(doc.data, dict):
        raise RubricError(f"{doc.file}:1: a rubric must be a mapping of keys")
    return doc


def _display(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(rubric_dir().parent.resolve()))
    except ValueError:
        return str(path)


def _chain(path: Path, depth: int, seen: tuple[Path, ...]) -> list[LocatedYaml]:
    """The rubric and its ancestors, most general first."""
    if path.resolve() in seen or depth > MAX_EXTENDS_DEPTH:
        raise RubricError(f"{_display(path)}: `extends` loops or nests deeper than "
                          f"{MAX_EXTENDS_DEPTH}")
    doc = _read(path)
    _check_keys(doc, (), doc.data, TOP_KEYS)
    parent = doc.data.get("extends")
    if parent is None:
        return [doc]
    if not isinstance(parent, str):
        raise fail(f"{doc.file}:{doc.line(('extends',))}", "extends", "expected a rubric name")
    parent_path = _locate(parent, rubric_dir(), base=path.parent)
    return [*_chain(parent_path, depth + 1, (*seen, path.resolve())), doc]


def _check_keys(doc: LocatedYaml, path: tuple, data: Mapping, allowed: set[str]) -> None:
    for key in data:
        if key not in allowed:
            where = f"{doc.file}:{doc.line((*path, key))}"
            raise fail(where, ".".join(map(str, (*path, key))),
                       f"unknown key {key!r}; expected one of {sorted(allowed)}")


@dataclass
class _Merged:
    """Rubric data while layers are merged; each rule remembers where each key came from."""

    top: dict[str, Any] = field(default_factory=dict)
    params: dict[str, Any] = field(default_factory=dict)
    param_origin: dict[str, str] = field(default_factory=dict)
    rules: dict[str, dict[str, Any]] = field(default_factory=dict)
    origins: dict[str, dict[str, str]] = field(default_factory=dict)
    files: list[str] = field(default_factory=list)


def _merge(layers: list[LocatedYaml]) -> _Merged:
    merged = _Merged()
    for doc in layers:
        merged.files.append(doc.file)
        if "name" in doc.data:
            merged.top["name"] = doc.data["name"]
        for key in SECTION_KEYS:
            if key in doc.data:
                _merge_section(merged, doc, key)
        _merge_params(merged, doc)
        _merge_rules(merged, doc)
        for i, code in enumerate(doc.data.get("disable") or []):
            if code not in merged.rules:
                raise fail(f"{doc.file}:{doc.line(('disable', i))}", f"disable[{i}]",
                           f"no inherited rule {code!r} to disable")
            del merged.rules[code]
    return merged


def _merge_section(merged: _Merged, doc: LocatedYaml, key: str) -> None:
    """Merge one top-level section key by key, so a child that sets `readiness.marketplace`
    keeps its parent's `readiness.local`; unknown keys and non-numbers fail with their line."""
    value = doc.data[key]
    where = f"{doc.file}:{doc.line((key,))}"
    if not isinstance(value, dict):
        raise fail(where, key, "expected a mapping")
    allowed = SECTION_KEYS[key]
    for sub, item in value.items():
        sub_where = f"{doc.file}:{doc.line((key, sub))}"
        if allowed and sub not in allowed:
            raise fail(sub_where, f"{key}.{sub}",
                       f"unknown key {sub!r}; expected one of {sorted(allowed)}")
        if key == "grades" and not (isinstance(sub, str) and sub.isalpha() and sub.isupper()):
            raise fail(sub_where, f"{key}.{sub}", "a grade is a capital letter (A, B, ...)")
        text = key == "description"
        if not isinstance(item, str if text else (int, float)) or isinstance(item, bool):
            raise fail(sub_where, f"{key}.{sub}",
                       f"expected {'text' if text else 'a number'}, got {item!r}")
    merged.top[key] = {**(merged.top.get(key) or {}), **value}
    merged.top[f"_where_{key}"] = where


def _merge_params(merged: _Merged, doc: LocatedYaml) -> None:
    params = doc.data.get("params") or {}
    if not isinstance(params, dict):
        raise fail(f"{doc.file}:{doc.line(('params',))}", "params", "expected a mapping")
    for key, value in params.items():
        merged.params[key] = value
        merged.param_origin[key] = f"{doc.file}:{doc.line(('params', key))}"


def _merge_rules(merged: _Merged, doc: LocatedYaml) -> None:
    rules = doc.data.get("rules") or []
    if not isinstance(rules, list):
        raise fail(f"{doc.file}:{doc.line(('rules',))}", "rules", "expected a list of rules")
    seen_here: set[str] = set()
    for i, raw in enumerate(rules):
        where = f"{doc.file}:{doc.line(('rules', i))}"
        if not isinstance(raw, dict) or not isinstance(raw.get("code"), str):
            raise fail(where, f"rules[{i}]", "each rule must be a mapping with a 'code'")
        code = raw["code"]
        if code in seen_here:
            raise fail(where, f"rules[{i}].code", f"duplicate code {code!r} in this file")
        seen_here.add(code)
        merged.rules.setdefault(code, {}).update(raw)
        origin = merged.origins.setdefault(code, {})
        for key in raw:
            origin[key] = f"{doc.file}:{doc.line(('rules', i, key))}"


def _apply_profile(merged: _Merged, profile: LocatedYaml) -> None:
    _check_keys(profile, (), profile.data, PROFILE_KEYS)
    for key, value in (profile.data.get("params") or {}).items():
        if key not in merged.params:
            raise fail(f"{profile.file}:{profile.line(('params', key))}", f"params.{key}",
                       f"unknown parameter; the rubric declares {sorted(merged.params)}")
        merged.params[key] = value
        merged.param_origin[key] = f"{profile.file}:{profile.line(('params', key))}"


def _build(merged: _Merged, profile: LocatedYaml | None) -> Rubric:
    rules = []
    names: dict[str, str] = {}
    for code, raw in merged.rules.items():
        origin = merged.origins[code]
        rule = build_rule(raw, merged.params,
                          lambda key, o=origin: o.get(key) or o["code"], f"rules[{code}]")
        if rule.name in names:
            raise fail(origin["name"], f"rules[{code}].name",
                       f"name {rule.name!r} is already used by {names[rule.name]}")
        names[rule.name] = code
        rules.append(rule)
    top = merged.top
    name = str(top.get("name", "rubric"))
    if profile is not None:
        name = f"{name}+{profile.data.get('name', 'profile')}"
    return Rubric(
        name=name, rules=tuple(rules), dimensions=_dimensions(top),
        grades=_grades(top), ready=float(_section(top, "readiness").get("marketplace", 75)),
        local_bar=float(_section(top, "readiness").get("local", 0)),
        model_blend=float(_section(top, "model").get("blend", 0.0)),
        params=dict(merged.params), description=top.get("description") or {},
        files=tuple(merged.files) + ((profile.file,) if profile else ()),
    )


def _section(top: Mapping[str, Any], key: str) -> Mapping[str, Any]:
    value = top.get(key) or {}
    if not isinstance(value, Mapping):
        raise fail(top.get(f"_where_{key}", "rubric"), key, "expected a mapping")
    return value


def _dimensions(top: Mapping[str, Any]) -> dict[str, float]:
    dims = _section(top, "dimensions") or {d: 1.0 for d in DIMENSIONS}
    for key, weight in dims.items():
        if key not in DIMENSIONS or not isinstance(weight, (int, float)) or weight < 0:
            raise fail(top.get("_where_dimensions", "rubric"), f"dimensions.{key}",
                       f"expected one of {list(DIMENSIONS)} with a weight >= 0")
    return {d: float(dims.get(d, 0.0)) for d in DIMENSIONS}


def _grades(top: Mapping[str, Any]) -> tuple[tuple[str, float], ...]:
    grades = _section(top, "grades") or DEFAULT_GRADES
    ordered = sorted(((str(k), float(v)) for k, v in grades.items()), key=lambda kv: -kv[1])
    return tuple(ordered)

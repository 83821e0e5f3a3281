"""`[tool.listing-quality]` in pyproject.toml: project defaults for `listing-quality check`.

Like ruff, the first pyproject.toml upward from the working directory that has the table
wins, and a command-line flag always beats it. A wrong key or value is a configuration
error (exit 2) naming the file and the key, never silently ignored: a typo in CI config
that quietly disabled `fail-under` would let every catalog pass.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

TABLE = "listing-quality"


class ConfigError(ValueError):
    """A bad [tool.listing-quality] table: the message names the file and the key."""


def _choice(*allowed: str) -> Callable[[Any], Any]:
    def check(value: Any) -> Any:
        if value not in allowed:
            raise TypeError(f"expected one of {', '.join(allowed)}")
        return value
    return check


def _of(*types: type) -> Callable[[Any], Any]:
    def check(value: Any) -> Any:
        if isinstance(value, bool) and bool not in types:
            raise TypeError(f"expected {' or '.join(t.__name__ for t in types)}")
        if not isinstance(value, types):
            raise TypeError(f"expected {' or '.join(t.__name__ for t in types)}")
        return value
    return check


def _codes(value: Any) -> str:
    """`select = ["T", "P104"]` or `select = "T,P104"`; the CLI parses the comma form."""
    if isinstance(value, str):
        return value
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return ",".join(value)
    raise TypeError("expected a list of codes or prefixes, or a comma-separated string")


def _number(value: Any) -> float:
    return float(_of(int, float)(value))


# config key -> (argparse dest, validator). Paths are resolved against the config's folder.
KEYS: dict[str, tuple[str, Callable[[Any], Any]]] = {
    "rubric": ("rubric", _of(str)), "marketplace": ("marketplace", _of(str)),
    "lang": ("lang", _choice("id", "en")), "format": ("format", _of(str)),
    "output": ("output", _of(str)), "images": ("images", _of(str)),
    "fail-under": ("fail_under", _number), "fail-on": ("fail_on", _choice("error", "warning")),
    "select": ("select", _codes), "ignore": ("ignore", _codes),
    "exit-zero": ("exit_zero", _of(bool)), "statistics": ("statistics", _of(bool)),
    "jobs": ("jobs", _of(int)), "allow-network": ("allow_network", _of(bool)),
    "sheet": ("sheet", _of(str)), "source": ("source", _of(str)),
    "columns": ("columns", _of(dict)),  # field -> header(s), read by the adapters
}
PATH_KEYS = ("output", "images")


def find_pyproject(start: Path) -> Path | None:
    """The nearest pyproject.toml at or above `start` that has [tool.listing-quality]."""
    for folder in (start, *start.parents):
        candidate = folder / "pyproject.toml"
        if candidate.is_file() and TABLE in _tool(candidate):
            return candidate
    return None


def _tool(path: Path) -> Mapping[str, Any]:
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read it as TOML: {exc}") from None
    tool = data.get("tool")
    return tool if isinstance(tool, Mapping) else {}


def load_config(start: Path) -> tuple[Path | None, dict[str, Any]]:
    """(file, {argparse dest: value}) for `check`; ({}) when no file has the table."""
    path = find_pyproject(start.resolve())
    if path is None:
        return None, {}
    table = _tool(path)[TABLE]
    if not isinstance(table, Mapping):
        raise ConfigError(f"{path}: [tool.{TABLE}] must be a table")
    defaults: dict[str, Any] = {}
    for key, value in table.items():
        if key not in KEYS:
            raise ConfigError(f"{path}: [tool.{TABLE}] unknown key {key!r}; "
                              f"known keys: {', '.join(sorted(KEYS))}")
        dest, check = KEYS[key]
        try:
            value = check(value)
        except TypeError as exc:
            raise ConfigError(f"{path}: [tool.{TABLE}] {key} = {value!r}: {exc}") from None
        if key in PATH_KEYS:
            value = str(path.parent / value)
        defaults[dest] = value
    return path, defaults

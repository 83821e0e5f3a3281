"""Output renderers: one registry, so the CLI and library callers pick a format by name.

Every renderer takes the plain dicts of `Result.to_dict()` (or `Result` objects) and only
formats them; none of them scores. Signature: ``fn(results, *, lang="id", meta=None,
**options) -> str``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from listing_quality.report import (
    csv_format,
    github,
    gitlab,
    html,
    json_format,
    jsonl_format,
    junit,
    sarif,
    text,
    xlsx_format,
)
from listing_quality.report._common import is_below
from listing_quality.types import LANGUAGES

RENDERERS: dict[str, Callable[..., str]] = {
    "text": text.render,
    "json": json_format.render,
    "jsonl": jsonl_format.render,
    "csv": csv_format.render,
    "sarif": sarif.render,
    "junit": junit.render,
    "github": github.render,
    "gitlab": gitlab.render,
    "html": html.render,
}
FORMATS: tuple[str, ...] = tuple(RENDERERS)
# Binary formats: same signature, but they return bytes (the CLI writes them to --output).
WRITERS: dict[str, Callable[..., bytes]] = {"xlsx": xlsx_format.write}

__all__ = ["FORMATS", "RENDERERS", "WRITERS", "is_below", "render"]


def render(
    results: Iterable[Any],
    *,
    format: str,  # shadows the builtin on purpose: it mirrors the --format flag
    lang: str = "id",
    meta: Mapping[str, Any] | None = None,
    **options: Any,
) -> str:
    """Render `results` as `format`; an unknown format or language is a usage error.

    Raising ValueError (not KeyError) lets the CLI map it to exit code 2 with a message
    that lists what is available. `options` go to the renderer (e.g. ``indent`` for json).
    """
    if format not in RENDERERS:
        raise ValueError(f"unknown format {format!r}; choose one of: {', '.join(RENDERERS)}")
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; choose one of: {', '.join(LANGUAGES)}")
    return RENDERERS[format](results, lang=lang, meta=dict(meta or {}), **options)

"""Measured facts spilled to disk between the two streamed passes, and read back.

A spill file is gzip'd JSON lines (no pickle: the file is data, never code). Most facts of
most listings are empty — no photo, so nineteen empty per-photo lists; no P-IRT number;
no claim in the title — and decoding those empties again was most of the cost of reading
a listing back. So the first line holds each fact's usual empty value (None, "", False,
[] or {}) and a row stores only the facts that differ from it: a third of the bytes and
several times faster to read. Reading gives exactly the dicts that plain JSON lines gave:
the same keys in the same order and the same values, with a fresh list or dict wherever
one was left out, so no two listings ever share a mutable value.
"""

from __future__ import annotations

import gzip
import json
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

Row = tuple[str, str, str, dict[str, Any]]  # id, category, title, facts
_EMPTIES: tuple[Any, ...] = (None, "", False, [], {})
SAMPLE = 256
"""Rows read to choose each fact's usual empty: the choice only sizes the file, and a
sample of a slice finds the usual ones as well as the whole slice does."""


def path_of(folder: str, offset: int) -> str:
    """The spill file of the slice that starts at catalog row `offset`."""
    return str(Path(folder) / f"rows-{offset:012d}.jsonl.gz")


def write(path: str, rows: Sequence[Row]) -> None:
    """Write `rows` (id, category, title, facts) with each fact's usual empty left out.

    A row whose keys are not the usual ones in the usual order also stores its key order.
    """
    usual = _usual_empties([facts for *_, facts in rows[:SAMPLE]])
    kinds = {k: type(v) for k, v in usual.items()}
    names = list(usual)
    with gzip.open(path, "wt", encoding="utf-8", compresslevel=1) as out:
        out.write(_dumps(usual) + "\n")
        for item_id, category, title, facts in rows:
            # `type` as well as `==`: 0 and 0.0 equal False but are not the empty False
            kept = {k: v for k, v in facts.items()
                    if k not in usual or type(v) is not kinds[k] or v != usual[k]}
            line = [item_id, category, title, kept]
            if list(facts) != names:
                line.append(list(facts))
            out.write(_dumps(line) + "\n")


def read(path: str) -> Iterator[Row]:
    """The rows `write` was given, facts as plain JSON would give them back."""
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        usual: dict[str, Any] = json.loads(next(handle))
        base = {k: v for k, v in usual.items() if not isinstance(v, (list, dict))}
        fresh = [(k, type(v)) for k, v in usual.items() if isinstance(v, (list, dict))]
        template = {k: None for k in usual} | base
        for line in handle:
            item_id, category, title, kept, *order = json.loads(line)
            facts = dict(template)
            facts.update(kept)
            for key, kind in fresh:
                if key not in kept:
                    facts[key] = kind()
            if order:  # a row whose keys differ from the usual ones, in its own order
                facts = {k: facts[k] for k in order[0]}
            yield item_id, category, title, facts


def plain(value: Any) -> Any:
    """numpy scalars as Python numbers, sets as sorted lists; else its text (never raise:
    a fact JSON cannot hold must not stop the batch)."""
    if hasattr(value, "item"):
        return value.item()
    if isinstance(value, (set, frozenset)):
        return sorted(value, key=str)
    return str(value)


def _dumps(value: Any) -> str:
    return json.dumps(value, default=plain, separators=(",", ":"))


def _usual_empties(facts: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """Each fact of the first row -> the empty value it most often holds (None if never
    empty), in the first row's key order."""
    if not facts:
        return {}
    counts: dict[str, Counter[int]] = {k: Counter() for k in facts[0]}
    for row in facts:
        for key, value in row.items():
            kind = _empty_kind(value)
            if kind is not None and key in counts:
                counts[key][kind] += 1
    return {k: _EMPTIES[c.most_common(1)[0][0]] if c else None for k, c in counts.items()}


def _empty_kind(value: Any) -> int | None:
    """Which of `_EMPTIES` the value is, by type and value (0 and 0.0 are not False)."""
    for kind, empty in enumerate(_EMPTIES):
        if type(value) is type(empty) and value == empty:
            return kind
    return None

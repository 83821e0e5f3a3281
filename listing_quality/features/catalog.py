"""Catalog-level features: facts about a listing that only the whole catalog reveals.

Peer prices, duplicate titles and photos reused across listings need every listing's own
features first. `enrich` runs once per catalog, after per-listing measurement, and adds
one value per listing for each catalog feature. Builders are vectorised or bucketed:
nothing compares all pairs, so the pass stays near-linear in catalog size.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping, MutableMapping, Sequence
from typing import Any

Facts = MutableMapping[str, Any]
Builder = Callable[[Sequence[Mapping[str, Any]], Sequence[str]], dict[str, list[Any]]]


def exact_title_duplicates(facts: Sequence[Mapping[str, Any]],
                           ids: Sequence[str]) -> dict[str, list[Any]]:
    """Ids of the other listings whose title is the same, ignoring case and spacing."""
    groups: dict[str, list[int]] = defaultdict(list)
    for i, row in enumerate(facts):
        key = " ".join(str(row.get("title.text") or "").casefold().split())
        if key:
            groups[key].append(i)
    duplicates: list[Any] = [[] for _ in facts]
    for members in groups.values():
        if len(members) > 1:
            for i in members:
                duplicates[i] = [ids[j] for j in members if j != i][:10]
    return {"catalog.title_duplicates": duplicates}


BUILDERS: tuple[Builder, ...] = (exact_title_duplicates,)


def enrich(facts: Sequence[Facts], ids: Sequence[str],
           builders: Sequence[Builder] = BUILDERS) -> None:
    """Add every catalog feature to each listing's facts, in place."""
    for build in builders:
        try:
            columns = build(facts, ids)
        except Exception as exc:  # noqa: BLE001 - a catalog pass must not lose the batch
            for row in facts:
                row["data.measure_error"] = f"catalog {build.__name__}: {exc}"
            continue
        for name, values in columns.items():
            for row, value in zip(facts, values, strict=True):
                row[name] = value

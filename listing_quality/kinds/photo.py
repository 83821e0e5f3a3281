"""`photo`: judge a per-photo feature photo by photo, naming each failing photo's file.

A seller fixes "Foto 2 (dapur.jpg)", not "one of your photos". Per-photo features are
lists of records `{"file": name, "value": v}`; this kind compares each value with `min`
and/or `max` (with an optional `ramp` for partial credit, like `threshold`), or — with
neither bound — fails on any truthy value (an unreadable file, a duplicate). The loss is
the share of judged photos that fail, so 2 blurry photos of 5 lose 0.4 of the weight.

`{observed}` renders as "dapur.jpg: 48" per failing photo and `{items}` as their numbers;
A readable photo whose value is None (nothing to measure, e.g. no background to judge a
cast on) passes; a record marked `skip` (a photo that could not be opened) is not judged,
so a rule's weight depends on which photos were opened, never on what they show.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from .base import _BIG, Column, Judgement, ParamSpec, is_number, loop_column
from .bounds import bounds_column, judge_bounds

NAME = "photo"
PARAMS = {"min": ParamSpec("number"), "max": ParamSpec("number"), "ramp": ParamSpec("number")}
PLACEHOLDERS = frozenset({"min", "max"})
_NO_PHOTO_TYPES = frozenset({list, type(None)})  # empty list or None: nothing to judge


def check_params(params: Mapping[str, Any]) -> str | None:
    low, high = params.get("min"), params.get("max")
    if low is not None and high is not None and low > high:
        return f"'min' ({low}) is greater than 'max' ({high})"
    if params.get("each"):
        return "a photo rule is already judged photo by photo; remove 'each'"
    return None


def judge(value: Any, params: Mapping[str, Any]) -> Judgement | None:
    """Judge every photo record; None when no photo could be judged at all."""
    if not isinstance(value, Sequence) or isinstance(value, (str, bytes)):
        return None
    bounded = "min" in params or "max" in params
    judged, failing = 0, []
    for index, record in enumerate(value, start=1):
        if isinstance(record, Mapping) and record.get("skip"):
            continue
        file, item = _unpack(record)
        verdict = _one(item, params, bounded)
        judged += 1
        if verdict.loss > 0:
            failing.append((index, file, item, verdict.loss))
    if not judged:
        return None
    return Judgement(
        loss=sum(loss for *_, loss in failing) / judged,
        observed=[{file: item} for _, file, item, _ in failing],
        expected=_expected(params, bounded),
        items=tuple(index for index, *_ in failing),
        total=judged,
    )


def _unpack(record: Any) -> tuple[str, Any]:
    if isinstance(record, Mapping):
        return str(record.get("file") or "—"), record.get("value")
    return "—", record


def _one(item: Any, params: Mapping[str, Any], bounded: bool) -> Judgement:
    """A photo with nothing to measure (None) passes: there is nothing wrong to report."""
    if bounded:
        verdict = judge_bounds(item, params) if is_number(item) else None
        return verdict or Judgement(loss=0.0, observed=item)
    failed = item is not None and bool(item) and item == item
    return Judgement(loss=1.0 if failed else 0.0, observed=item)


def _expected(params: Mapping[str, Any], bounded: bool) -> Any:
    if not bounded:
        return "absent"
    return judge_bounds(params.get("min", params.get("max")), params).expected


def judge_column(values: Sequence[Any], params: Mapping[str, Any]) -> Column:
    """Many listings at once: every photo of every listing in one array, then per listing
    the share of failing photos. A listing holding anything but plain records of plain
    values goes to `judge` whole, so each result is the per-listing one.
    """
    n = len(values)
    if set(map(type, values)) <= _NO_PHOTO_TYPES and not any(values):
        return np.zeros(n, bool), np.zeros(n)  # no listing has a photo: the text-only case
    bounded = "min" in params or "max" in params
    rows, items, odd = _flatten(values, bounded)
    if bounded:
        item_applies, item_loss = bounds_column(items, params)
        item_loss = np.where(item_applies, item_loss, 0.0)
    else:
        item_loss = np.array([1.0 if item is not None and bool(item) else 0.0
                              for item in items], dtype=float)
    row_index = np.array(rows, dtype=np.int64)
    judged = np.bincount(row_index, minlength=n)
    # bincount adds in input order: the per-listing `sum` of failing photos, exactly
    lost = np.bincount(row_index, weights=item_loss, minlength=n)
    applies = judged > 0
    loss = np.divide(lost, judged, out=np.zeros(n), where=applies)
    return loop_column(values, params, judge, odd, (applies, loss))


def _flatten(values: Sequence[Any], bounded: bool) -> tuple[list[int], list[Any], list[int]]:
    """(row of each judged photo, its value, rows to judge one by one)."""
    rows: list[int] = []
    items: list[Any] = []
    odd: list[int] = []
    for i, value in enumerate(values):
        if value is None or (type(value) is list and not value):
            continue  # no photo at all: the usual case, and nothing to judge
        mine = _plain_items(value, bounded) if type(value) in (list, tuple) else None
        if mine is None:
            odd.append(i)
            continue
        rows.extend([i] * len(mine))
        items.extend(mine)
    return rows, items, odd


def _plain_items(records: Sequence[Any], bounded: bool) -> list[Any] | None:
    """The values of the photos judged, or None when a record or value is not plain."""
    out = []
    for record in records:
        if type(record) is not dict:
            return None
        if record.get("skip"):
            continue
        item = record.get("value")
        plain = item is None or type(item) in (float, bool, str) or (
            type(item) is int and -_BIG < item < _BIG)
        if not plain or (bounded and type(item) is str) or item != item:
            return None
        out.append(item)
    return out

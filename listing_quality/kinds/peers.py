"""`peers`: a price must not sit far from the prices of listings like it.

The feature is a record made once per catalog (`features/catalog_prices.py`): the
listing's value, its robust z-score among peers (same category and product type), and the
peers' median, 80% range and count. With too few peers (`min_peers`) a z-score means
little, so the rule falls back to the curator's reference bands (`bands`: product type,
net size, price range); a band is read as that product's 80% range, so both paths speak
the same z units and one `max_z` serves both. No peers and no band: the rule does not apply.
A price inside the range the message shows is never called far from it, whatever its z.

The message states what was compared ("median Rp18.000; 80%: Rp12.000–Rp30.000; n=25"),
because "too expensive" without the yardstick is not advice a seller can act on.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import numpy as np

from .base import (
    Column,
    Judgement,
    ParamSpec,
    is_number,
    loop_column,
    number_kind,
    ramp_column,
    ramp_loss,
)
from .peer_bands import BandFinder, band_memo, band_problem, matching_band, typed

NAME = "peers"
PARAMS = {
    "side": ParamSpec("string", required=True, choices=("above", "below", "both")),
    "max_z": ParamSpec("number", required=True),
    "ramp": ParamSpec("number"),
    "min_peers": ParamSpec("number"),
    "bands": ParamSpec("list"),
}
PLACEHOLDERS = frozenset({"max_z", "min_peers"})
Z_80 = 1.2816  # a normal variable lies within +-1.2816 sigma 80% of the time
DEFAULT_MIN_PEERS = 8


def check_params(params: Mapping[str, Any]) -> str | None:
    """Bands are curator data; a malformed one must fail when the rubric loads."""
    if params["max_z"] <= 0:
        return "'max_z' must be above 0"
    for i, band in enumerate(params.get("bands") or []):
        problem = band_problem(band)
        if problem:
            return f"bands[{i}]: {problem}"
    return None


def judge(value: Any, params: Mapping[str, Any], find_band: BandFinder | None = None
          ) -> Judgement | None:
    """`find_band`: how a reference band is looked up (`judge_column` memoises it)."""
    if not isinstance(value, Mapping) or not is_number(value.get("value")):
        return None
    yardstick = _from_peers(value, params) or _from_band(value, params, find_band)
    if yardstick is None:
        return None
    z, low, high, describe = yardstick
    side, limit, price = params["side"], params["max_z"], float(value["value"])
    # 1e-9: the range went through log/exp; a price equal to its end is inside it
    above = z if side != "below" and price > high * (1 + 1e-9) else -math.inf
    below = -z if side != "above" and price < low * (1 - 1e-9) else -math.inf
    loss = ramp_loss(max(above, below) - limit, params.get("ramp"))
    # The yardstick is worded only for a finding: most listings pass, and a million of
    # them should not pay for text nobody reads.
    return Judgement(loss=loss, observed=round(price), expected=describe() if loss else None)


def judge_column(values: Sequence[Any], params: Mapping[str, Any]) -> Column:
    """Many listings at once. Records with enough peers are judged in numpy with `judge`'s
    operations; the rest (reference bands, odd records) by `judge` itself.

    `values` is a list of records, or any column offering `peer_arrays()` -> (value, z,
    low, high, n) arrays, NaN where missing (judge_columns' columnar peers): a million
    listings then need no record objects at all.
    """
    arrays = getattr(values, "peer_arrays", None)
    price, z, low, high, n = arrays() if arrays else _arrays(values)
    with np.errstate(invalid="ignore"):
        peered = (np.isfinite(price) & np.isfinite(z) & np.isfinite(low) & np.isfinite(high)
                  & np.isfinite(n) & (n >= params.get("min_peers", DEFAULT_MIN_PEERS)))
        side, limit = params["side"], params["max_z"]
        above = np.where((price > high * (1 + 1e-9)) if side != "below" else False, z, -math.inf)
        below = np.where((price < low * (1 - 1e-9)) if side != "above" else False, -z, -math.inf)
        loss = np.where(peered, ramp_column(np.maximum(above, below) - limit,
                                           params.get("ramp")), 0.0)
    others = np.flatnonzero(~peered & ~np.isnan(price)).tolist()
    in_types = getattr(values, "rows_of_types", None)
    if in_types is not None:  # columnar peers: too few peers, so only a band can judge
        bands = params.get("bands") or []
        others = in_types(others, lambda kind: typed(kind, bands))
    find_band = band_memo()
    return loop_column(values, params, lambda value, p: judge(value, p, find_band), others,
                       (peered.copy(), loss))


def _arrays(values: Sequence[Any]) -> tuple[np.ndarray, ...]:
    """(value, z, low, high, n) of each record as floats, NaN where missing; an odd record
    (a field that is not a plain number) gets value inf and NaN figures, so `judge_column`
    hands it to `judge`."""
    fields = [_fields(record) for record in values]
    return tuple(np.array(column, dtype=float).reshape(len(values)) for column in zip(
        *fields, strict=True)) if fields else tuple(np.zeros(0) for _ in range(5))


def _fields(record: Any) -> tuple[Any, ...]:
    if not isinstance(record, Mapping):
        return (None, None, None, None, None)
    try:
        got = (record.get("value"), record.get("z"), record.get("low"), record.get("high"),
               record.get("n"))
    except Exception:  # noqa: BLE001 - a strange record is `judge`'s to decide
        return (math.inf, None, None, None, None)
    if all(number_kind(v) == 1 for v in got):
        return got
    return (math.inf if got[0] is not None else None, None, None, None, None)


Yardstick = tuple[float, float, float, Callable[[], str]]


def _from_peers(record: Mapping[str, Any], params: Mapping[str, Any]) -> Yardstick | None:
    n = record.get("n")
    if not is_number(n) or n < params.get("min_peers", DEFAULT_MIN_PEERS):
        return None
    z, low, high = record.get("z"), record.get("low"), record.get("high")
    if not (is_number(z) and is_number(low) and is_number(high)):
        return None

    def describe() -> str:
        return (f"{_label(record)}median {rupiah(record['median'])}; 80%: "
                f"{rupiah(low)}–{rupiah(high)}; n={int(n)}")

    return float(z), float(low), float(high), describe


def _from_band(record: Mapping[str, Any], params: Mapping[str, Any],
               find_band: BandFinder | None = None) -> Yardstick | None:
    band = (find_band or matching_band)(record, params.get("bands") or [])
    if band is None:
        return None
    low, high = float(band["low"]), float(band["high"])
    if record.get("basis") == "per_100g":  # a band of pack prices, read per 100 g
        low, high = low / band["max_g"] * 100, high / band["min_g"] * 100
    scale = (math.log(high) - math.log(low)) / (2 * Z_80)
    z = (math.log(float(record["value"])) - (math.log(low) + math.log(high)) / 2) / scale

    def describe() -> str:
        size = f" {_num(band['min_g'])}–{_num(band['max_g'])} g" if "min_g" in band else ""
        return f"{band['type']}{size}: ref. {rupiah(low)}–{rupiah(high)} ({band['source']})"

    return z, low, high, describe


def _label(record: Mapping[str, Any]) -> str:
    """ "keripik 101–250 g: " or "keripik, per 100 g/ml: " — which peers were compared."""
    words = [str(record.get("type") or ""), str(record.get("size") or "")]
    if record.get("basis") == "per_100g":
        words.append("per 100 g/ml")
    label = " ".join(w for w in words if w)
    return f"{label}: " if label else ""


def rupiah(value: float) -> str:
    """Rp17.700 — dotted, as every Indonesian marketplace shows it, in both languages.

    Statistics are rounded to three significant digits: "median Rp17.748" claims a
    precision that eleven peers cannot give.
    """
    digits = max(0, len(str(int(abs(value)))) - 3)
    return "Rp" + f"{round(value, -digits):,.0f}".replace(",", ".")


def _num(value: Any) -> str:
    number = float(value)
    return f"{int(number)}" if number.is_integer() else f"{number:g}"

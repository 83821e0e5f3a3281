"""Python's `round(v, digits)` over a whole array of scores, bit for bit.

The score table rounds every listing's overall and dimension scores: at 20,000 listings
that is over a hundred thousand `round` calls, a tenth of judging a chunk. numpy's own
`np.round` multiplies by 10**digits, rounds half to even and divides, which differs from
Python's correctly rounded decimal now and then (a product that lands on the wrong side
of a half). Here that same product is used only where it cannot be on the wrong side:

- Python's `round(v, 2)` is the double nearest the decimal k/100, k being v*100 (exact)
  rounded half to even; `np.rint(v * 100) / 100` is the double nearest k'/100 (IEEE
  division of two exact integers-as-floats is correctly rounded), k' being v*100
  (rounded to a double) rounded half to even;
- the double product is within |v*100| * 2**-53 of the exact one, so where it lies
  farther than `_MARGIN` from a half (and is small enough that this error is below the
  margin), k' == k. Every other value (a near-half, a huge value, NaN or an infinity)
  goes to `round` itself.
"""

from __future__ import annotations

import numpy as np

_MARGIN = 1e-6  # far above the product's error for |scaled| < _LIMIT (1e9 * 2**-53 ~ 1e-7)
_LIMIT = 1e9


def round_column(values: np.ndarray, digits: int) -> list[float]:
    """`[round(v, digits) for v in values.tolist()]`, with numpy doing all but the few
    values the product cannot decide."""
    values = np.asarray(values, dtype=float)
    scale = 10.0 ** digits
    scaled = values * scale
    nearest = np.rint(scaled)
    with np.errstate(invalid="ignore"):
        sure = (np.abs(scaled - nearest) < 0.5 - _MARGIN) & (np.abs(scaled) < _LIMIT)
    out = (nearest / scale).tolist()
    plain = values.tolist()
    for i in np.flatnonzero(~sure).tolist():
        out[i] = round(plain[i], digits)
    return out


def round_scores(values: np.ndarray, digits: int) -> list[float | None]:
    """`round_column`, with None where a value is NaN (a dimension no rule applied to)."""
    out: list[float | None] = list(round_column(values, digits))
    for i in np.flatnonzero(np.isnan(values)).tolist():
        out[i] = None
    return out

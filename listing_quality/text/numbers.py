"""Indonesian number notation: "25.000", "1,5", "1.250.000", "½", "setengah".

`rupiah` (prices) and `atoms` (quantities) read numbers the same way, so the rules live
here once; the number words come from `units.yaml` with the units (`normalize.text_data`).
"""

from __future__ import annotations

import math
import re

from .normalize import NUMBER_RE, text_data

_FRACTIONS = {"½": 0.5, "¼": 0.25, "¾": 0.75}


def _grouped(groups: list[str]) -> bool:
    """True for thousands groups: 1-3 digits (not a lone leading 0), then exactly three each."""
    first = groups[0]
    return 1 <= len(first) <= 3 and first[0] != "0" and all(len(g) == 3 for g in groups[1:])


def read_number(token: str, *, suffixed: bool = False) -> float | None:
    """Read "25.000", "1,5", "1.250.000", "25.000,00" the Indonesian way; None if unclear.

    Why these rules: a "." followed by exactly three digits is a thousands separator and ","
    is the decimal separator (ecosystem-conventions section 4). A single "." not followed by
    three digits is a decimal point ("12.5", "25000.0" from a float cell). A single ","
    followed by exactly three digits ("25,000") could be 25 or 25000, so it is None. With a
    multiplier suffix (`suffixed`, "12.5k", "1,5jt") one separator is always decimal.
    Digits too many for a float give inf, for the caller to report as not finite.
    """
    if not NUMBER_RE.fullmatch(token or "") or "/" in token:
        return None
    seps = [c for c in token if c in ".,"]
    groups = re.split(r"[.,]", token)
    if not seps:
        return float(token)
    if len(seps) == 1 and (suffixed or not (seps[0] == "," and len(groups[1]) == 3)):
        if seps[0] == "." and _grouped(groups) and not suffixed:
            return float("".join(groups))
        return float(f"{groups[0]}.{groups[1]}")
    head, last = seps[:-1], seps[-1]
    if len(set(seps)) == 2 and last not in head and _grouped(groups[:-1]):
        return float("".join(groups[:-1]) + "." + groups[-1])
    if len(set(seps)) == 1 and len(seps) > 1 and _grouped(groups):
        return float("".join(groups))
    return None


def read_amount(raw: str) -> float | None:
    """Like `read_number`, plus "1/2", "1½", "½" and "setengah"; None when unclear or huge.
    Plain ASCII digits (most numbers, and every P-IRT or phone number) take one float()."""
    if raw.isdigit() and raw.isascii():
        return value if math.isfinite(value := float(raw)) else None
    return _spoken_amount(raw)


def _spoken_amount(raw: str) -> float | None:
    """`read_amount` by its general rules, which plain digits need not go through."""
    words = text_data()["number_words"]
    spoken = " ".join(raw.lower().split())
    if spoken in words:
        return float(words[spoken])
    if "/" in raw:
        top, _, bottom = raw.replace(" ", "").partition("/")
        if not (top.isdecimal() and bottom.isdecimal()) or len(top + bottom) > 12:
            return None
        return int(top) / int(bottom) if int(bottom) else None
    fraction = _FRACTIONS.get(raw[-1:], 0.0)
    digits = raw.rstrip("½¼¾ ")
    if not digits:
        return fraction if raw else None
    whole = read_number(digits)
    return None if whole is None or not math.isfinite(whole) else whole + fraction

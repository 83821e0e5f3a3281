"""Registration numbers on Indonesian food labels: P-IRT, BPOM MD/ML, halal, NIB.

A curator checks these numbers by eye; the library reads them from the listing text so a
missing, malformed or expired number is caught before the listing goes live. The patterns
and the digit layout are data (`registrations.yaml`); this module only applies them.

P-IRT layout (15 digits): PerBPOM 22/2018 on SPP-IRT, Lampiran "Nomor P-IRT" -
digit 1 packaging type, 2-3 food type, 4-7 province and kabupaten/kota, 8-9 product
number, 10-13 producer number, 14-15 the year the certificate stops being valid. Secondary
sources conflict (marketplace-rules.md R2); this layout is the one whose last two digits
give the expiry year, as the regulation's own example "P-IRT No. 1234567890123-45" groups
them, and it is the only layout in which real numbers ("...-26", "...-29") read as years.
"""

from __future__ import annotations

import datetime
import functools
import re
from dataclasses import dataclass
from importlib import resources
from typing import Any

import yaml

from .cues import Cues
from .normalize import bounded
from .prefilter import can_match, search

NUMBERS = ("pirt", "pirt_loose", "bpom", "halal_number", "halal_mui_number", "nib")
"""The patterns that read a registration number (most label texts hold none)."""
SEARCHED = (*NUMBERS, "halal_word", "halal_negated")
"""The patterns searched in a label text (`Cues` finds their places in one scan)."""


@dataclass(frozen=True)
class Pirt:
    """A P-IRT number as read: its digits, the expiry year, and why it is malformed."""

    digits: str
    expiry_year: int | None
    problem: str | None  # None when the structure is valid


@functools.lru_cache(maxsize=1)
def data() -> dict[str, Any]:
    """The parsed `registrations.yaml`."""
    raw = (resources.files("listing_quality.text") / "registrations.yaml").read_text(
        encoding="utf-8")
    return yaml.safe_load(raw)


@functools.lru_cache(maxsize=16)
def pattern(name: str) -> re.Pattern[str]:
    """Compiled pattern `name` of `registrations.yaml`, case-insensitive."""
    return re.compile(str(data()[name]), re.IGNORECASE)


@functools.lru_cache(maxsize=1)
def number_patterns() -> tuple[re.Pattern[str], ...]:
    """The compiled `NUMBERS`, for `Cues.quiet`: one question instead of six searches."""
    return tuple(pattern(name) for name in NUMBERS)


def _search(name: str, text: str, cues: Cues | None) -> re.Match[str] | None:
    """The first match of pattern `name`; through `cues` when they were read from `text`."""
    if cues is not None and cues.text is text:
        return cues.search(pattern(name))
    return search(pattern(name), text)


def current_year() -> int:
    """This year (UTC): an expired certificate is one whose year lies before it."""
    return datetime.datetime.now(datetime.UTC).year


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)


def _part(digits: str, name: str) -> str:
    first, last = data()["pirt_layout"][name]
    return digits[first - 1 : last]


def pirt_structure(digits: str, year: int | None = None) -> Pirt:
    """Check a P-IRT digit string against the PerBPOM 22/2018 layout.

    Checks what the layout lets us check offline: the length, the packaging-type digit,
    the province code, and an expiry year no further ahead than one validity period.
    """
    spec = data()
    if len(digits) != spec["pirt_digits"]:
        return Pirt(digits, None, f"{len(digits)} digits, expected {spec['pirt_digits']}")
    expiry = spec["pirt_century"] + int(_part(digits, "expiry_year"))
    if int(_part(digits, "packaging")) not in spec["pirt_packaging_codes"]:
        return Pirt(digits, expiry, f"packaging digit {_part(digits, 'packaging')} is unknown")
    if int(_part(digits, "province")) not in spec["provinces"]:
        return Pirt(digits, expiry, f"province code {_part(digits, 'province')} is unknown")
    if expiry > (year or current_year()) + spec["pirt_max_years_ahead"]:
        return Pirt(digits, expiry, f"expiry year {expiry} is beyond one validity period")
    return Pirt(digits, expiry, None)


def find_pirt(text: str, year: int | None = None, cues: Cues | None = None) -> Pirt | None:
    """The first P-IRT number in `text` (valid or malformed), or None when none is stated.

    `cues`: the `Cues` of this very text, when the caller scanned it (also below)."""
    text = bounded(text)
    match = _search("pirt", text, cues) or _search("pirt_loose", text, cues)
    return pirt_structure(_digits(match.group(1)), year) if match else None


def find_bpom(text: str, cues: Cues | None = None) -> str | None:
    """BPOM food registration "MD"/"ML" + 12 or 15 digits, spaces removed, or None."""
    match = _search("bpom", bounded(text), cues)
    if not match:
        return None
    digits = _digits(match.group(2))
    return match.group(1).upper() + digits if len(digits) in data()["bpom_digits"] else None


def find_halal_id(text: str, cues: Cues | None = None) -> str | None:
    """A BPJPH halal certificate number ("ID...") or an LPPOM MUI number, or None."""
    text = bounded(text)
    match = _search("halal_number", text, cues)
    if match:
        return match.group(1).upper()
    match = _search("halal_mui_number", text, cues)
    return f"MUI{match.group(1)}" if match else None


def states_halal(text: str) -> bool:
    """Halal is stated by a certificate number or by halal wording that is not negated."""
    text = bounded(text)
    return bool(find_halal_id(text)) or halal_worded(text)


def halal_worded(text: str, cues: Cues | None = None) -> bool:
    """Halal wording that is not negated ("halal", not "tidak halal"); `states_halal` asks
    it of a text without a certificate number, so a caller that has searched for the
    number already asks it directly. `cues`: the `Cues` of this very text, when the
    caller scanned it (both wording regexes take part in the label scan)."""
    text = bounded(text)
    if (cues is None or cues.text is not text) and not can_match(pattern("halal_word"), text):
        return False  # no halal wording: nothing to clean
    if _search("halal_negated", text, cues) is None:  # nothing negated: the text is clean
        return _search("halal_word", text, cues) is not None
    cleaned = pattern("halal_negated").sub(" ", text)
    return bool(pattern("halal_word").search(cleaned))


def find_nib(text: str, cues: Cues | None = None) -> str | None:
    """NIB (Nomor Induk Berusaha from OSS) as 13 digits, or None."""
    match = _search("nib", bounded(text), cues)
    return _digits(match.group(1)) if match else None

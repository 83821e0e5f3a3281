"""Rupiah prices as sellers write them: "Rp25.000", "25rb", "1,5jt", "Rp10.000 - Rp25.000".

price-parser reads "25rb" as 25 and "1,5jt" as 1.5 (ecosystem-conventions section 4), so we
read Indonesian notation ourselves: "." before exactly three digits groups thousands, ","
is the decimal mark, a multiplier (rb, ribu, k, jt, juta, M, miliar) scales the number but
never takes the k of "kg", and a number followed by a unit ("250 gr") is a quantity, not a
price. Multipliers and currency words are data in `units.yaml`. Never raises.
"""

from __future__ import annotations

import functools
import math
import numbers
import re
from dataclasses import dataclass
from decimal import Decimal

from .normalize import (
    MAX_TEXT_CHARS,
    alternation,
    is_missing,
    normalize,
    text_data,
    unit_table,
)
from .numbers import read_number
from .price_words import not_price_reason
from .remembered import short_texts_remembered

_NUM_RE = re.compile(r"[0-9]+(?:[.,][0-9]+)*")
_RANGE_RE = re.compile(r"\s{0,3}(?:-|–|—|~|s\.?\s?/?\s?d\.?|sampai|hingga|to)\s{0,3}", re.I)
_SCIENTIFIC_RE = re.compile(r"[+-]?[0-9]{1,20}(?:\.[0-9]{1,20})?[eE][+-]?[0-9]{1,5}")
_WORD_AFTER_RE = re.compile(r"\s{0,2}([^\W\d_]+|%)")
_PREFIX_WINDOW = 12
# The spellings most exports use ("Rp17.000", "17000"), read without the general scanner:
# parsing a million price cells is the real cost of a catalog's price pass.
_FAST_RE = re.compile(r"(?:[Rr][Pp]\.? ?)?([0-9]{1,3}(?:\.[0-9]{3})+|[0-9]{1,15})")
# ... and with the zero cents sellers add ("Rp 25.000,-", "25.000,00"): the scanner reads
# these alike, except a leading 0 before a "." group ("025.000,-"), which it leaves to itself.
_FAST_CENTS_RE = re.compile(
    r"(?:[Rr][Pp]\.? ?)?([1-9][0-9]{0,2}(?:\.[0-9]{3})+|[0-9]{1,15})(?:,-|,00)")


@dataclass(frozen=True)
class RupiahParse:
    """A price understood from a cell, or why not.

    `value` is the price in IDR (a range's low end); `high` the range's high end, else equal
    to `value`. A negative price ("-5000") is kept with ok=True on purpose: it is a readable
    but wrong price, and a rule flags it with the number the seller typed.
    """

    value: float | None
    high: float | None
    ok: bool
    reason: str  # "" when ok; else "empty", "no number", "ambiguous", "not a price", ...
    is_range: bool = False


@dataclass(frozen=True)
class _Amount:
    start: int  # where its currency word or minus sign begins
    end: int  # after its multiplier or trailing currency word
    value: float | None  # None: the digits are ambiguous ("25,000")
    multiplier: float
    strong: bool  # a currency word or multiplier says it is surely a price


def _fail(reason: str) -> RupiahParse:
    return RupiahParse(None, None, False, reason)


_EMPTY = _fail("empty")  # frozen, so every empty cell may share it


@functools.lru_cache(maxsize=1)
def _affix_res() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Prefix ("-Rp. ", "IDR ") ending at a number, and suffix ("rb", " juta", " rupiah")."""
    data = text_data()
    currency = alternation(data["currency_words"])
    loose = alternation(data["price_multipliers"])
    strict = "|".join(re.escape(str(m)) for m in data["price_multipliers_case_sensitive"])
    prefix = (
        rf"(?:(?P<s1>-)\s{{0,2}})?(?:(?<![^\W\d_])(?P<cur>{currency})\.?\s{{0,2}})?"
        r"(?:(?P<s2>-)\s{0,2})?$"
    )
    suffix = rf"\s{{0,2}}(?:(?i:(?P<mult>{loose}))|(?P<big>{strict})|(?i:(?P<cur>{currency})))"
    return re.compile(prefix, re.I), re.compile(suffix + r"(?![^\W\d_])")


def _multiplier(suffix: re.Match[str] | None) -> float:
    if suffix is None or not (suffix["mult"] or suffix["big"]):
        return 1.0
    data = text_data()
    if suffix["big"]:
        return float(data["price_multipliers_case_sensitive"][suffix["big"]])
    return float(data["price_multipliers"][suffix["mult"].lower()])


def _is_quantity(text: str, end: int) -> bool:
    """ "250 gr", "2 pcs", "10%" and "2x" are numbers of something other than rupiah."""
    word = _WORD_AFTER_RE.match(text, end)
    return word is not None and (word[1].lower() in unit_table() or word[1] in ("%", "x", "X"))


def _sign_start(text: str, prefix: re.Match[str], previous: _Amount | None) -> int | None:
    """Where a minus sign starts, unless that "-" is a range dash ("10rb-25rb")."""
    if prefix["s2"] and prefix["cur"]:
        return prefix.start("s2")  # "Rp-5.000"
    sign = prefix.start("s1") if prefix["s1"] else prefix.start("s2") if prefix["s2"] else -1
    if sign < 0 or (sign > 0 and text[sign - 1].isalnum()):
        return None
    if previous is not None and not text[previous.end : sign].strip():
        return None
    return sign


def _amount(text: str, num: re.Match[str], previous: _Amount | None) -> _Amount | None:
    """The price-like reading of one number, or None when it is a quantity or a code."""
    prefix_re, suffix_re = _affix_res()
    prefix = prefix_re.search(text, max(0, num.start() - _PREFIX_WINDOW), num.start())
    has_cur = prefix is not None and prefix["cur"] is not None
    if not has_cur and num.start() > 0 and text[num.start() - 1].isalpha():
        return None  # glued to letters: a model code ("tgf58"), not a price
    suffix = suffix_re.match(text, num.end())
    multiplier = _multiplier(suffix)
    if suffix is None and _is_quantity(text, num.end()):
        return None
    value = read_number(num[0], suffixed=multiplier != 1.0)
    sign = _sign_start(text, prefix, previous) if prefix else None
    if value is not None:
        value = value * multiplier * (-1 if sign is not None else 1)
    start = sign if sign is not None else prefix.start("cur") if has_cur else num.start()
    strong = has_cur or suffix is not None
    return _Amount(start, suffix.end() if suffix else num.end(), value, multiplier, strong)


def _amounts(text: str) -> tuple[list[_Amount], bool]:
    """Price-like numbers in order, and whether some number was left out as a quantity."""
    found: list[_Amount] = []
    skipped = False
    for num in _NUM_RE.finditer(text):
        amount = _amount(text, num, found[-1] if found else None)
        skipped = skipped or amount is None
        if amount is not None:
            found.append(amount)
    return found, skipped


def _items(text: str, amounts: list[_Amount]) -> list[tuple[_Amount, _Amount | None]]:
    """Pair amounts joined by a range word ("-", "s/d", "sampai") into (low, high)."""
    items: list[tuple[_Amount, _Amount | None]] = []
    i = 0
    while i < len(amounts):
        low, high = amounts[i], amounts[i + 1] if i + 1 < len(amounts) else None
        if high is not None and _RANGE_RE.fullmatch(text, low.end, high.start):
            items.append((low, high))
            i += 2
        else:
            items.append((low, None))
            i += 1
    return items


def _range(low: _Amount, high: _Amount) -> RupiahParse:
    """A range; "10-25rb" shares the multiplier: the low end is Rp10.000, not Rp10."""
    if low.value is None or high.value is None:
        return _fail("ambiguous")
    lo = low.value
    if low.multiplier == 1.0 and high.multiplier != 1.0 and lo * high.multiplier <= high.value:
        lo *= high.multiplier
    lo, hi = sorted((lo, high.value))
    return RupiahParse(lo, hi, True, "", is_range=True)


def _parse_text(raw: str) -> RupiahParse:
    fast = _FAST_RE.fullmatch(raw) or _FAST_CENTS_RE.fullmatch(raw)
    if fast:
        return _number(float(fast[1].replace(".", "")))
    return _scan(raw)


def _scan(raw: str) -> RupiahParse:
    """The general reading: currency words, multipliers, ranges, signs, what is no price."""
    if len(raw) > MAX_TEXT_CHARS:
        return _fail("text too long")
    text = normalize(raw)
    if not text:
        return _fail("empty")
    refused = not_price_reason(text)
    if refused:
        return _fail(refused)
    if _SCIENTIFIC_RE.fullmatch(text):  # "2.5E+04": a number cell exported as text
        return _number(float(text))
    amounts, skipped = _amounts(text)
    items = _items(text, amounts)
    if not items:
        return _fail("not a price" if skipped else "no number")
    # A currency word or multiplier marks the price; "Rp26.600Rp28.000" (price, then the
    # struck-through original, as scraped from Tokopedia) keeps the first.
    low, high = next((it for it in items if it[0].strong or (it[1] and it[1].strong)), items[0])
    if high is not None:
        return _range(low, high)
    if low.value is None:
        return _fail("ambiguous")
    return _number(low.value)




_parse_cell = short_texts_remembered(16_384)(_parse_text)
"""`_parse_text`, remembered for short cells: catalogs repeat a few hundred spellings."""


def _number(value: float) -> RupiahParse:
    if not math.isfinite(value):
        return _fail("not finite")
    return RupiahParse(value, value, True, "")


def parse_rupiah(raw: object) -> RupiahParse:
    """Read a price cell: a number, or text such as "Rp25.000", "25rb", "Rp10.000 s/d 25.000".

    None, "" and missing cells give reason "empty"; True/False are "not a price"; NaN and
    infinity are "not finite". Text longer than MAX_TEXT_CHARS is refused, not cut, since a
    cut price could read as a different number.
    """
    if type(raw) is str:  # the common cells first: a text, or nothing
        return _parse_cell(raw)
    if raw is None:
        return _EMPTY
    if isinstance(raw, bool):
        return _fail("not a price")
    if isinstance(raw, (numbers.Real, Decimal)):
        try:
            return _number(float(raw))
        except (OverflowError, ValueError, TypeError):
            return _fail("not finite")
    if isinstance(raw, str):
        return _parse_text(raw)
    if is_missing(raw):
        return _fail("empty")
    return _fail("not a price")

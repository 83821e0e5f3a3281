"""parse_rupiah: the price notations Indonesian sellers use, and what is not a price."""

from __future__ import annotations

import math
import time
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from listing_quality.text import rupiah
from listing_quality.text.remembered import CACHED_CHARS
from listing_quality.text.rupiah import RupiahParse, parse_rupiah

# (raw, value, high) for prices that must be understood.
PRICES = [
    ("Rp32.500", 32_500, 32_500),
    ("Rp 25.000", 25_000, 25_000),
    ("Rp25.000,00", 25_000, 25_000),
    ("Rp. 15.500", 15_500, 15_500),
    ("Rp17.500,-", 17_500, 17_500),
    ("Rp 25.000,-", 25_000, 25_000),
    ("RP 25.000", 25_000, 25_000),
    ("rp25.000", 25_000, 25_000),
    ("IDR 25000", 25_000, 25_000),
    ("IDR25.000", 25_000, 25_000),
    ("25.000 rupiah", 25_000, 25_000),
    ("25000", 25_000, 25_000),
    ("25.000", 25_000, 25_000),
    ("1.250.000", 1_250_000, 1_250_000),
    ("Rp1.250.000,50", 1_250_000.5, 1_250_000.5),
    ("1.500", 1_500, 1_500),  # a dot before exactly three digits groups thousands
    ("Rp 0", 0, 0),  # readable; a rule flags a zero price
    ("25rb", 25_000, 25_000),
    ("25 rb", 25_000, 25_000),
    ("25 ribu", 25_000, 25_000),
    ("25RB", 25_000, 25_000),
    ("12.5k", 12_500, 12_500),  # the suffix makes the dot a decimal point
    ("12,5k", 12_500, 12_500),
    ("25K", 25_000, 25_000),
    ("Rp 25rb", 25_000, 25_000),
    ("1,5jt", 1_500_000, 1_500_000),
    ("1,5 juta", 1_500_000, 1_500_000),
    ("3 jt", 3_000_000, 3_000_000),
    ("2 M", 2_000_000_000, 2_000_000_000),
    ("Rp2M", 2_000_000_000, 2_000_000_000),
    ("2 miliar", 2_000_000_000, 2_000_000_000),
    ("2 milyar", 2_000_000_000, 2_000_000_000),
    ("-5000", -5_000, -5_000),  # kept (ok=True) so a rule can flag the negative price
    ("Rp-5.000", -5_000, -5_000),
    ("- Rp 5.000", -5_000, -5_000),
    ("12.5", 12.5, 12.5),  # no suffix, not three digits: a decimal point (a rule flags it)
    ("25000.0", 25_000, 25_000),  # a float cell written as text
    ("1,250,000", 1_250_000, 1_250_000),  # several commas can only group thousands
    ("2.5E+04", 25_000, 25_000),  # scientific notation from a spreadsheet
    ("Harga: Rp25.000", 25_000, 25_000),
    ("Harga Rp25.000 / 250 gr", 25_000, 25_000),  # the 250 is a quantity
    ("Diskon 10% Rp25.000", 25_000, 25_000),
    ("Rp 25.000 (2 pcs)", 25_000, 25_000),
    ("Rp26.600Rp28.000", 26_600, 26_600),  # scraped price + struck-through original
    ("\uff32\uff50\uff12\uff15\uff0e\uff10\uff10\uff10", 25_000, 25_000),  # full-width
    ("Rp\u00a025.000", 25_000, 25_000),  # no-break space
    # ranges: value is the low end, high the high end
    ("Rp10.000 - Rp25.000", 10_000, 25_000),
    ("Rp10.000-Rp25.000", 10_000, 25_000),
    ("10rb-25rb", 10_000, 25_000),
    ("10rb - 25rb", 10_000, 25_000),
    ("Rp10.000 s/d Rp25.000", 10_000, 25_000),
    ("Rp10.000 s.d. Rp25.000", 10_000, 25_000),
    ("10.000 sampai 25.000", 10_000, 25_000),
    ("Rp10.000 – Rp25.000", 10_000, 25_000),  # en dash
    ("10-25rb", 10_000, 25_000),  # the multiplier is shared
    ("1,5-2jt", 1_500_000, 2_000_000),
    ("500rb - 1jt", 500_000, 1_000_000),
    ("Rp25.000 - Rp10.000", 10_000, 25_000),  # written high-to-low
    # more spellings seen on Tokopedia/Shopee pages and in seller spreadsheets
    ("Rp 12.500 / pcs", 12_500, 12_500),
    ("Rp15rb", 15_000, 15_000),
    ("Rp 1.5jt", 1_500_000, 1_500_000),
    ("1.5jt", 1_500_000, 1_500_000),
    ("Rp 1,5jt", 1_500_000, 1_500_000),
    ("IDR 1.250.000", 1_250_000, 1_250_000),
    ("15.000 IDR", 15_000, 15_000),
    ("Rp9.900", 9_900, 9_900),
    ("25.000,-", 25_000, 25_000),
    ("Rp.25.000,-", 25_000, 25_000),
    ("harga 25rb", 25_000, 25_000),
    ("25rb/pack", 25_000, 25_000),
    ("Rp 25 ribu", 25_000, 25_000),
    ("25rb-an", 25_000, 25_000),
    ("Rp 7.500 - Rp 9.000", 7_500, 9_000),
    ("mulai Rp10.000", 10_000, 10_000),
    ("Rp3.000.000", 3_000_000, 3_000_000),
    ("Rp360", 360, 360),
    ("Rp 20.000 (isi 3)", 20_000, 20_000),
    ("Rp12.000/100g", 12_000, 12_000),
    ("Rp 150 rebu", 150_000, 150_000),
    ("2 jeti", 2_000_000, 2_000_000),
    ("Rp17.000\n", 17_000, 17_000),
    ("  Rp 21.630  ", 21_630, 21_630),
]

# Counters scraped next to the price ("Banyaknya Terjual", "terjual" columns): never a price,
# even when one lands in the price column.
NOT_PRICE_COUNTERS = [
    ("8 rb+ terjual", "sold count"),
    ("2rb+ terjual", "sold count"),
    ("40+ terjual", "sold count"),
    ("Terjual 1,2rb", "sold count"),
    ("1rb+ sold", "sold count"),
    ("250 terjual", "sold count"),
    ("10x dibeli", "sold count"),
    ("4.9 (120 ulasan)", "review count"),
    ("1,2rb penilaian", "review count"),
]

# (raw, reason) for cells that are not a readable price.
NOT_PRICES = [
    (None, "empty"),
    ("", "empty"),
    ("   ", "empty"),
    ("\u200b", "empty"),  # a zero-width space only
    ("hubungi penjual", "no number"),
    ("nego", "no number"),
    ("Rp", "no number"),
    ("Rp -", "no number"),
    ("gratis", "no number"),
    ("1 kg", "not a price"),  # the k of kg is no thousand
    ("1kg", "not a price"),
    ("250 gr", "not a price"),
    ("500 ml", "not a price"),
    ("2 m", "not a price"),  # 2 metres; "2 M" is 2 miliar
    ("10 pcs", "not a price"),
    ("10%", "not a price"),
    ("tgf58", "not a price"),  # a model code
    ("25,000", "ambiguous"),  # 25 or 25 thousand?
    ("Rp 1,500", "ambiguous"),
    ("Rp 1.25.000", "ambiguous"),
    ("7,8,9", "ambiguous"),
    ("1e400", "not finite"),
    ("9" * 400, "not finite"),
    ("Rp" + "9" * 400, "not finite"),
    ("9999999999rb", "ok"),  # large but finite: still a price
    (True, "not a price"),
    (False, "not a price"),
    (float("nan"), "not finite"),
    (float("inf"), "not finite"),
    (float("-inf"), "not finite"),
    (10**400, "not finite"),
    (b"25000", "not a price"),
    ([25000], "not a price"),
    ("1" * 20_001, "text too long"),
]


@pytest.mark.parametrize(("raw", "reason"), NOT_PRICE_COUNTERS,
                         ids=[c[0] for c in NOT_PRICE_COUNTERS])
def test_counters_are_not_prices(raw: str, reason: str) -> None:
    result = parse_rupiah(raw)
    assert (result.ok, result.reason, result.value) == (False, reason, None)


def test_sold_column_is_not_read_as_price() -> None:
    """A scraped Tokopedia row: the price comes from "harga", never from "terjual"."""
    from listing_quality.features.price import measure
    from listing_quality.types import Listing

    row = {"nama produk": "Seblak Instan 100 g", "harga": "Rp17.000", "terjual": "8 rb+ terjual"}
    listing = Listing(id="1", title=row["nama produk"], price=row["harga"],
                      attributes={"terjual": row["terjual"]})
    assert measure(listing, None)["price.value"] == 17_000


def _check_invariants(result: RupiahParse) -> None:
    if result.ok:
        assert result.reason == ""
        assert result.value is not None and result.high is not None
        assert math.isfinite(result.value) and math.isfinite(result.high)
        assert result.value <= result.high
        assert result.is_range or result.value == result.high
    else:
        assert result.reason
        assert result.value is None and result.high is None and not result.is_range


@pytest.mark.parametrize(("raw", "value", "high"), PRICES, ids=[p[0] for p in PRICES])
def test_prices(raw: str, value: float, high: float) -> None:
    result = parse_rupiah(raw)
    assert result.ok, result
    assert result.value == pytest.approx(value)
    assert result.high == pytest.approx(high)
    assert result.is_range == (value != high)
    _check_invariants(result)


@pytest.mark.parametrize(("raw", "reason"), NOT_PRICES, ids=[repr(p[0])[:30] for p in NOT_PRICES])
def test_not_prices(raw: object, reason: str) -> None:
    result = parse_rupiah(raw)
    if reason == "ok":
        assert result.ok
    else:
        assert not result.ok
        assert result.reason == reason
    _check_invariants(result)


@pytest.mark.parametrize(
    ("raw", "value"),
    [
        (25000, 25000.0),
        (25000.0, 25000.0),
        (0, 0.0),
        (-3, -3.0),
        (12.5, 12.5),
        (Decimal("25000.50"), 25000.5),
    ],
)
def test_numbers_pass_through(raw: object, value: float) -> None:
    assert parse_rupiah(raw) == RupiahParse(value, value, True, "")


def test_numpy_scalars_are_numbers() -> None:
    np = pytest.importorskip("numpy")
    assert parse_rupiah(np.int64(25000)).value == 25000
    assert parse_rupiah(np.float64("nan")).reason == "not finite"


def test_pandas_na_is_empty() -> None:
    pd = pytest.importorskip("pandas")
    assert parse_rupiah(pd.NA).reason == "empty"


def test_long_input_is_fast() -> None:
    """Bounded work: pathological text of the maximum length parses in well under a second."""
    for text in ("1." * 9_999, "1-" * 9_999, "Rp1" * 6_666, "9" * 20_000, "1 kg " * 4_000):
        start = time.perf_counter()
        _check_invariants(parse_rupiah(text))
        assert time.perf_counter() - start < 2.0


@given(st.text())
def test_never_raises_on_text(raw: str) -> None:
    _check_invariants(parse_rupiah(raw))


@given(st.text(alphabet="0123456789.,- RrpPkKMjtbuIDRs/dgl%x\u00a0", max_size=40))
def test_never_raises_on_price_like_text(raw: str) -> None:
    _check_invariants(parse_rupiah(raw))


@given(st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.decimals()))
def test_never_raises_on_values(raw: object) -> None:
    _check_invariants(parse_rupiah(raw))


@given(st.integers(min_value=-(10**15), max_value=10**15))
def test_integers_round_trip_with_thousand_dots(n: int) -> None:
    formatted = f"Rp{n:,}".replace(",", ".")
    assert parse_rupiah(formatted) == RupiahParse(float(n), float(n), True, "")


@given(st.integers(min_value=-(10**15), max_value=10**15))
def test_integers_round_trip_as_plain_digits(n: int) -> None:
    assert parse_rupiah(str(n)) == RupiahParse(float(n), float(n), True, "")
    assert parse_rupiah(n) == RupiahParse(float(n), float(n), True, "")


@given(st.integers(min_value=1, max_value=10**9), st.sampled_from(["Rp{}", "Rp {}", "Rp. {}",
                                                               "IDR {}", "{},-", "{} rupiah"]))
def test_round_trip_through_seller_spellings(n: int, template: str) -> None:
    shown = f"{n:,}".replace(",", ".")
    assert parse_rupiah(template.format(shown)).value == n


@given(st.integers(min_value=1, max_value=999), st.sampled_from([("rb", 10**3), ("ribu", 10**3),
                                                                 ("k", 10**3), ("jt", 10**6)]))
def test_round_trip_through_multipliers(n: int, suffix: tuple[str, int]) -> None:
    word, factor = suffix
    assert parse_rupiah(f"{n}{word}").value == n * factor
    assert parse_rupiah(f"{n} {word}").value == n * factor


@given(st.integers(min_value=1, max_value=10**6), st.integers(min_value=1, max_value=10**6))
def test_ranges_order_their_ends(a: int, b: int) -> None:
    result = parse_rupiah(f"Rp{a:,} - Rp{b:,}".replace(",", "."))
    assert result.is_range and (result.value, result.high) == (min(a, b), max(a, b))


@given(st.integers(min_value=0, max_value=10**14), st.sampled_from(["Rp{}", "Rp {}", "rp.{}",
                                                                    "RP. {}", "{}"]),
       st.booleans())
def test_fast_path_agrees_with_the_general_reader(n: int, template: str, dotted: bool) -> None:
    """"Rp17.000" and "17000" skip the general scanner; a leading space forces it."""
    shown = f"{n:,}".replace(",", ".") if dotted else str(n)
    text = template.format(shown)
    assert parse_rupiah(text) == parse_rupiah(" " + text)


# --- the remembered parse (issue 9) against the plain reading --------------------------------

PIECES = ["Rp", "Rp.", "IDR ", "-", " - ", "s/d", " ", "25", "25.000", "1.250.000", "1,5", ",-",
          ",00", "rb", "ribu", "k", "jt", "M", "gr", "terjual", "ulasan", "x", "%", "\u00a0",
          "\uff12\uff15", "e+04", "\u212a", "\u0130"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=2)), max_size=8).map("".join))
def test_remembered_parse_equals_the_plain_parse(text: str) -> None:
    class Text(str):
        pass

    plain = rupiah._parse_text(text)
    assert parse_rupiah(text) == plain and parse_rupiah(text) == plain  # second: remembered
    assert parse_rupiah(Text(text)) == plain  # a str subclass is read, never remembered
    padded = text + " " * CACHED_CHARS  # too long to remember
    assert parse_rupiah(padded) == rupiah._parse_text(padded)


def test_empty_cells_share_one_reading() -> None:
    assert parse_rupiah(None) == RupiahParse(None, None, False, "empty") == parse_rupiah("")
    assert parse_rupiah(float("nan")).reason == "not finite"


LEADING_ZERO = r"(?:Rp ?)?0[0-9]{0,2}(?:\.[0-9]{3}){1,3}(?:,-|,00)"  # left to the scanner


@settings(max_examples=400, deadline=None)
@given(st.one_of(st.from_regex(rupiah._FAST_CENTS_RE, fullmatch=True),
                 st.from_regex(LEADING_ZERO, fullmatch=True)))
def test_prices_with_zero_cents_read_as_the_scanner_reads_them(text: str) -> None:
    assert rupiah._parse_text(text) == rupiah._scan(text)

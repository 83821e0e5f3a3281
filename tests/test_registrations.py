"""P-IRT (PerBPOM 22/2018 layout), BPOM MD/ML, halal and NIB numbers as sellers write them."""

from __future__ import annotations

import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from listing_quality.text import registrations as reg

YEAR = 2026  # a fixed "today" so the expiry checks are deterministic

# (text, digits, expiry year, problem)
PIRT = [
    ("P-IRT No. 2063578010123-26", "206357801012326", 2026, None),
    ("PIRT 2063578010123-29", "206357801012329", 2029, None),
    ("P-IRT: 2063578010123-29", "206357801012329", 2029, None),
    ("P.IRT 2063578010123-29", "206357801012329", 2029, None),
    ("p irt no 206-3578-01-0123-29", "206357801012329", 2029, None),
    ("SPP-IRT: 2 06 3578 01 0123 29", "206357801012329", 2029, None),
    ("SPPIRT 206.3578.01.0123.29", "206357801012329", 2029, None),
    ("PIRT NOMOR 206357801012329", "206357801012329", 2029, None),
    ("P-IRT No.2063578010123-19 (lama)", "206357801012319", 2019, None),
    ("pirt 2063578010123-29 2024", "206357801012329", 2029, None),  # a year after it
    # malformed: wrong length, unknown packaging digit or province, impossible year
    ("P-IRT No. 2063578010123", "2063578010123", None, "13 digits, expected 15"),
    ("PIRT 12345", "12345", None, "5 digits, expected 15"),
    ("P-IRT 9063578010123-29", "906357801012329", 2029, "packaging digit 9 is unknown"),
    ("P-IRT 0063578010123-29", "006357801012329", 2029, "packaging digit 0 is unknown"),
    ("P-IRT 2069978010123-29", "206997801012329", 2029, "province code 99 is unknown"),
    ("P-IRT 2062078010123-29", "206207801012329", 2029, "province code 20 is unknown"),
    ("P-IRT 2063578010123-45", "206357801012345", 2045,
     "expiry year 2045 is beyond one validity period"),
]


@pytest.mark.parametrize(("text", "digits", "year", "problem"), PIRT, ids=[p[0] for p in PIRT])
def test_find_pirt(text: str, digits: str, year: int | None, problem: str | None) -> None:
    assert reg.find_pirt(text, YEAR) == reg.Pirt(digits, year, problem)


@pytest.mark.parametrize("text", ["", "Keripik pedas 250 g", "Pirtu 2063578010123-29",
                                  "HP 2063578010123-29", "SPIRT 123"])
def test_no_pirt(text: str) -> None:
    assert reg.find_pirt(text, YEAR) is None


def test_layout_positions_follow_the_regulation() -> None:
    """Digits 14-15 are the expiry year, 4-5 the province (PerBPOM 22/2018 Lampiran)."""
    layout = reg.data()["pirt_layout"]
    assert layout["expiry_year"] == [14, 15]
    assert layout["province"] == [4, 5]
    assert layout["packaging"] == [1, 1]
    assert reg.pirt_structure("206357801012327", YEAR).expiry_year == 2027


# (text, expected)
BPOM = [
    ("BPOM RI MD 224510001234", "MD224510001234"),
    ("BPOM MD224510001234", "MD224510001234"),
    ("MD 2245 1000 1234", "MD224510001234"),
    ("Izin edar: ML 123456789012", "ML123456789012"),
    ("bpom ri md 224510001234", "MD224510001234"),
    ("BPOM RI MD 240935001200027", "MD240935001200027"),  # 15-digit risk-based number
    ("MD.224510001234", "MD224510001234"),
    ("MD 12345", None),
    ("AMD 224510001234", None),  # part of a word: not a registration
    ("Laptop MD2245", None),
    ("", None),
]


@pytest.mark.parametrize(("text", "expected"), BPOM, ids=[b[0] or "empty" for b in BPOM])
def test_find_bpom(text: str, expected: str | None) -> None:
    assert reg.find_bpom(text) == expected


# (text, halal_id, states_halal)
HALAL = [
    ("Bersertifikat halal ID35110000123450823", "ID35110000123450823", True),
    ("No. Sertifikat Halal: ID31110000054321021", "ID31110000054321021", True),
    ("Halal MUI", None, True),
    ("LPPOM MUI 00150012345678", "MUI00150012345678", True),
    ("Label Halal Indonesia", None, True),
    ("100% halal", None, True),
    ("NON HALAL", None, False),
    ("non-halal, mengandung babi", None, False),
    ("Belum halal", None, False),
    ("tidak halal", None, False),
    ("Keripik pedas", None, False),
    ("halalbihalal", None, False),
]


@pytest.mark.parametrize(("text", "halal_id", "stated"), HALAL, ids=[h[0] for h in HALAL])
def test_halal(text: str, halal_id: str | None, stated: bool) -> None:
    assert reg.find_halal_id(text) == halal_id
    assert reg.states_halal(text) is stated


@pytest.mark.parametrize(("text", "expected"), [
    ("NIB: 9120001234567", "9120001234567"),
    ("NIB 9120 0012 34567", "9120001234567"),
    ("Nomor Induk NIB no. 1234567890123", "1234567890123"),
    ("NIB 12345", None),
    ("", None),
])
def test_find_nib(text: str, expected: str | None) -> None:
    assert reg.find_nib(text) == expected


@given(
    packaging=st.integers(min_value=1, max_value=8),
    food=st.integers(min_value=0, max_value=99),
    province=st.sampled_from(reg.data()["provinces"]),
    regency=st.integers(min_value=1, max_value=79),
    product=st.integers(min_value=1, max_value=99),
    producer=st.integers(min_value=1, max_value=9999),
    year=st.integers(min_value=10, max_value=YEAR - 2000 + 5),
    sep=st.sampled_from(["", "-", ".", " "]),
    label=st.sampled_from(["P-IRT No. ", "PIRT ", "SPP-IRT: ", "P-IRT: "]),
)
def test_round_trip_pirt(packaging: int, food: int, province: int, regency: int,
                         product: int, producer: int, year: int, sep: str, label: str) -> None:
    """Format a valid number the ways sellers do and read the same digits back."""
    digits = f"{packaging}{food:02d}{province:02d}{regency:02d}{product:02d}{producer:04d}"
    written = f"{label}{digits[:3]}{sep}{digits[3:7]}{sep}{digits[7:]}-{year:02d}"
    found = reg.find_pirt(f"Keripik enak. {written}. Halal.", YEAR)
    assert found == reg.Pirt(f"{digits}{year:02d}", 2000 + year, None)


@given(st.text())
def test_arbitrary_text_never_raises(text: str) -> None:
    for fn in (reg.find_bpom, reg.find_halal_id, reg.find_nib):
        value = fn(text)
        assert value is None or isinstance(value, str)
    assert isinstance(reg.states_halal(text), bool)
    found = reg.find_pirt(text, YEAR)
    assert found is None or found.digits.isdigit()
    assert reg.find_pirt(text, YEAR) == found  # deterministic


def test_long_input_is_bounded_and_fast() -> None:
    for text in ("P-IRT " + "1-" * 50_000, "MD " + "1 " * 50_000, "halal " * 20_000,
                 "pirt" * 30_000, "ID" + "1" * 100_000):
        start = time.perf_counter()
        reg.find_pirt(text, YEAR)
        reg.find_bpom(text)
        reg.states_halal(text)
        reg.find_nib(text)
        assert time.perf_counter() - start < 2.0

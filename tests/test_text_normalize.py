"""normalize, fold, tokens and (numbers.py) read_number: comparable titles, no facts lost."""

from __future__ import annotations

from importlib import resources

import pytest
from hypothesis import given
from hypothesis import strategies as st

from listing_quality.text.normalize import MAX_TEXT_CHARS, fold, normalize, tokens, unit_table
from listing_quality.text.numbers import read_amount, read_number


class _Unprintable:
    def __str__(self) -> str:
        raise RuntimeError("no text")


NORMALIZE = [
    (None, ""),
    (float("nan"), ""),
    ("", ""),
    ("  Kerupuk   Udang \t\n Pedas  ", "Kerupuk Udang Pedas"),
    ("Keripik\u200bSingkong", "KeripikSingkong"),  # zero-width space is invisible
    ("Kopi\u00a0Bubuk", "Kopi Bubuk"),  # no-break space
    ("\ufeffSambal", "Sambal"),  # byte-order mark
    ("Kue\x00Kering\x07", "KueKering"),  # control characters
    ("\uff12\uff15\uff10\uff47", "250g"),  # full-width
    ("½ kg", "1/2 kg"),
    ("ﬁlter", "filter"),  # ligature
    ("e\u200d\u0301", "\u00e9"),  # composed once the joiner is gone
    (25000, "25000"),
    (1.5, "1.5"),
    (_Unprintable(), ""),
]


@pytest.mark.parametrize(("raw", "expected"), NORMALIZE, ids=[repr(c[0])[:25] for c in NORMALIZE])
def test_normalize(raw: object, expected: str) -> None:
    assert normalize(raw) == expected


def test_normalize_pandas_na() -> None:
    pd = pytest.importorskip("pandas")
    assert normalize(pd.NA) == ""
    assert normalize(pd.NaT) == ""


def test_normalize_truncates() -> None:
    assert len(normalize("a" * (MAX_TEXT_CHARS + 5_000))) == MAX_TEXT_CHARS
    assert len(normalize("\ufdfa" * MAX_TEXT_CHARS)) == MAX_TEXT_CHARS  # NFKC expands it


FOLD = [
    ("Krupuk Udang", "kerupuk udang"),
    ("KERUPUK", "kerupuk"),
    ("Kripik Singkong", "keripik singkong"),
    ("Coklat Batang", "cokelat batang"),
    ("Sambel Bawang", "sambal bawang"),
    ("Ayam Crispy", "ayam krispi"),
    ("Ayam krispy", "ayam krispi"),
    ("Mie Goreng", "mi goreng"),
    ("Baso Aci", "bakso aci"),
    ("Kaos Polos", "kaus polos"),
    ("Kopi Bubuk", "kopi bubuk"),  # no translation: "kopi" is not "coffee"
    ("Coffee Latte", "coffee latte"),
    ("The Best Sambel", "the best sambal"),  # "the" is English, never "teh"
    ("krupuk-krupuk", "kerupuk-kerupuk"),
    ("Kripik2", "keripik2"),
    ("", ""),
]


@pytest.mark.parametrize(("raw", "expected"), FOLD, ids=[c[0] or "empty" for c in FOLD])
def test_fold(raw: str, expected: str) -> None:
    assert fold(raw) == expected


def test_variants_file_is_well_formed() -> None:
    """One group per line, no word in two groups, no word that is also a unit spelling."""
    text = (resources.files("listing_quality.text") / "lexicons" / "variants.txt").read_text(
        encoding="utf-8"
    )
    seen: set[str] = set()
    for line in text.splitlines():
        words = line.split("#", 1)[0].lower().split()
        if not words:
            continue
        assert len(words) >= 2, line
        assert not seen & set(words), line
        seen |= set(words)
    assert {"kerupuk", "krupuk", "cokelat", "coklat", "sambal", "sambel"} <= seen


TOKENS = [
    ("Kerupuk Udang 250 gr - Pedas!!", ["kerupuk", "udang", "250gr", "pedas"]),
    ("250gr", ["250gr"]),
    ("250 gr", ["250gr"]),
    ("250  GR", ["250gr"]),
    ("1,5 kg", ["1,5kg"]),
    ("1.000 gr", ["1.000gr"]),
    ("½ kg", ["1/2kg"]),
    ("isi 10 pcs", ["isi", "10pcs"]),
    ("2 x 250 gr", ["2", "x", "250gr"]),
    ("Taplak 2 m x 1,15 m", ["taplak", "2m", "x", "1,15m"]),
    ("ukuran 40 cm", ["ukuran", "40cm"]),
    ("Oleh-oleh Khas Bandung", ["oleh-oleh", "khas", "bandung"]),
    ("Kaos XL Ukuran Besar", ["kaos", "xl", "ukuran", "besar"]),
    ("Dua Tiga Lima Kecil Baru", ["dua", "tiga", "lima", "kecil", "baru"]),  # no stopwords
    ("Rp25.000", ["rp25.000"]),
    ("Seblak, Kerupuk; Makaroni", ["seblak", "kerupuk", "makaroni"]),
    ("!!! --- ...", []),
    ("Level 5 Pedas", ["level", "5", "pedas"]),
    ("\uff12\uff15\uff10\uff47", ["250g"]),
    ("", []),
]


@pytest.mark.parametrize(("raw", "expected"), TOKENS, ids=[c[0] or "empty" for c in TOKENS])
def test_tokens(raw: str, expected: list[str]) -> None:
    assert tokens(raw) == expected


NUMBERS = [
    ("25000", False, 25000.0),
    ("25.000", False, 25000.0),
    ("1.250.000", False, 1250000.0),
    ("1.500", False, 1500.0),
    ("1,5", False, 1.5),
    ("25.000,00", False, 25000.0),
    ("1,250,000.50", False, 1250000.5),
    ("1,250,000", False, 1250000.0),
    ("12.5", False, 12.5),
    ("0.500", False, 0.5),  # "0" cannot lead a thousands group
    ("25000.0", False, 25000.0),
    ("25,000", False, None),  # 25 or 25 thousand
    ("1.25.000", False, None),
    ("7,8,9", False, None),
    ("1.5", True, 1.5),
    ("12,5", True, 12.5),
    ("", False, None),
    ("1/2", False, None),
    ("abc", False, None),
]


@pytest.mark.parametrize(("token", "suffixed", "expected"), NUMBERS)
def test_read_number(token: str, suffixed: bool, expected: float | None) -> None:
    assert read_number(token, suffixed=suffixed) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("1/2", 0.5),
        ("3/4", 0.75),
        ("1/0", None),
        ("½", 0.5),
        ("1½", 1.5),
        ("setengah", 0.5),
        ("Tiga  Perempat", 0.75),
        ("1,5", 1.5),
        ("", None),
        ("9" * 400, None),
    ],
)
def test_read_amount(raw: str, expected: float | None) -> None:
    assert read_amount(raw) == expected


def test_unit_table_has_the_documented_units() -> None:
    table = unit_table()
    documented = (
        "g gr grm gram gramm kg kilo kilogram ons mg ml mili liter litre ltr l cc pcs pc biji "
        "buah bungkus bks sachet pack pak pouch toples botol box dus lembar butir"
    )
    for spelling in documented.split():
        assert spelling in table, spelling
    assert (table["ons"].kind, table["ons"].factor) == ("mass", 100.0)
    assert (table["kilo"].name, table["kilo"].factor) == ("kg", 1000.0)
    assert table["cm"].kind == "length"


@given(st.text())
def test_normalize_is_idempotent_and_bounded(raw: str) -> None:
    once = normalize(raw)
    assert normalize(once) == once
    assert len(once) <= MAX_TEXT_CHARS
    assert once == once.strip() and "  " not in once


@given(st.text())
def test_fold_and_tokens_never_raise(raw: str) -> None:
    folded = fold(raw)
    assert fold(folded) == folded
    assert all(tok and tok == tok.lower() for tok in tokens(raw))

"""find_quantities, net_quantity and find_sizes on the ways sellers write contents and sizes."""

from __future__ import annotations

import math
import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from listing_quality.text.quantities import (
    NetQuantity,
    Quantity,
    find_quantities,
    find_sizes,
    net_quantity,
)

# (text, net_g, net_ml, pack_count, per_unit_g, per_unit_ml, labelled, understood text)
NET = [
    ("250 gr", 250, None, None, None, None, False, "250 gr"),
    ("250gr", 250, None, None, None, None, False, "250gr"),
    ("250 gram", 250, None, None, None, None, False, "250 gram"),
    ("250 GR", 250, None, None, None, None, False, "250 GR"),
    ("250grm", 250, None, None, None, None, False, "250grm"),
    ("250 g", 250, None, None, None, None, False, "250 g"),
    ("1,5 kg", 1500, None, None, None, None, False, "1,5 kg"),
    ("1.5kg", 1500, None, None, None, None, False, "1.5kg"),
    ("1 KG", 1000, None, None, None, None, False, "1 KG"),
    ("2 kilo", 2000, None, None, None, None, False, "2 kilo"),
    ("5 ons", 500, None, None, None, None, False, "5 ons"),
    ("1/2 kg", 500, None, None, None, None, False, "1/2 kg"),
    ("½ kg", 500, None, None, None, None, False, "½ kg"),
    ("1½ kg", 1500, None, None, None, None, False, "1½ kg"),
    ("setengah kilo", 500, None, None, None, None, False, "setengah kilo"),
    ("seperempat kg", 250, None, None, None, None, False, "seperempat kg"),
    ("1.000 gr", 1000, None, None, None, None, False, "1.000 gr"),  # thousands dot
    ("0,5 kg", 500, None, None, None, None, False, "0,5 kg"),
    ("500 mg", 0.5, None, None, None, None, False, "500 mg"),
    ("500 ml", None, 500, None, None, None, False, "500 ml"),
    ("500ML", None, 500, None, None, None, False, "500ML"),
    ("1 liter", None, 1000, None, None, None, False, "1 liter"),
    ("1 L", None, 1000, None, None, None, False, "1 L"),
    ("1 ltr", None, 1000, None, None, None, False, "1 ltr"),
    ("1,5 litre", None, 1500, None, None, None, False, "1,5 litre"),
    ("0.8L", None, 800, None, None, None, False, "0.8L"),
    ("250 cc", None, 250, None, None, None, False, "250 cc"),
    ("isi 10", None, None, 10, None, None, False, "isi 10"),
    ("Isi: 10", None, None, 10, None, None, False, "Isi: 10"),
    ("10 pcs", None, None, 10, None, None, False, "10 pcs"),
    ("20 biji", None, None, 20, None, None, False, "20 biji"),
    ("12 sachet", None, None, 12, None, None, False, "12 sachet"),
    ("3 bungkus", None, None, 3, None, None, False, "3 bungkus"),
    ("10 bks", None, None, 10, None, None, False, "10 bks"),
    ("1 lusin", None, None, 12, None, None, False, "1 lusin"),
    ("1 pack isi 20 bks", None, None, 20, None, None, False, "isi 20 bks"),  # "isi" wins
    ("2 x 250 gr", 500, None, 2, 250, None, False, "2 x 250 gr"),
    ("2x250g", 500, None, 2, 250, None, False, "2x250g"),
    ("2 X 250 GR", 500, None, 2, 250, None, False, "2 X 250 GR"),
    ("2 × 250 gr", 500, None, 2, 250, None, False, "2 × 250 gr"),
    ("isi 10 x 25 g", 250, None, 10, 25, None, False, "isi 10 x 25 g"),
    ("ISI 20 X 10 gram", 200, None, 20, 10, None, False, "ISI 20 X 10 gram"),
    ("250 gr x 2", 500, None, 2, 250, None, False, "250 gr x 2"),
    ("83 Gr x 15 Pcs", 1245, None, 15, 83, None, False, "83 Gr x 15 Pcs"),
    ("10 sachet @ 25 gr", 250, None, 10, 25, None, False, "10 sachet @ 25 gr"),
    ("24 x 250 ml", None, 6000, 24, None, 250, False, "24 x 250 ml"),
    ("Netto: 500ml", None, 500, None, None, None, True, "Netto: 500ml"),
    ("Berat bersih 250 gram", 250, None, None, None, None, True, "Berat bersih 250 gram"),
    ("Berat Bersih: 1 kg", 1000, None, None, None, None, True, "Berat Bersih: 1 kg"),
    ("Net wt. 100 g", 100, None, None, None, None, True, "Net wt. 100 g"),
    ("Isi bersih 1 L", None, 1000, None, None, None, True, "Isi bersih 1 L"),
    ("netto 10 x 25 g", 250, None, 10, 25, None, True, "netto 10 x 25 g"),
    # several stated: labelled first, then the first multipack, then the first single one
    ("Kripik 100 gr Netto 250 gr", 250, None, None, None, None, True, "Netto 250 gr"),
    ("Kopi 500 g, isi 2 x 250 g", 500, None, 2, 250, None, False, "isi 2 x 250 g"),
    ("Minyak 2L & Gula 1KG", None, 2000, None, None, None, False, "2L"),
    ("Netto 200g isi 10 x 20 g", 200, None, 10, None, None, True, "Netto 200g"),
    ("Basreng 10pcs (500gr)", 500, None, 10, None, None, False, "500gr"),
    ("Kerupuk Seblak Rafael 250 GR pedas", 250, None, None, None, None, False, "250 GR"),
    # sizes and look-alikes are never net contents
    ("Taplak 2 m x 1,15 m", None, None, None, None, None, False, ""),
    ("Tas anyaman 30 x 25 cm", None, None, None, None, None, False, ""),
    ("Kotak 30x25x10 cm", None, None, None, None, None, False, ""),
    ("Keranjang rotan ukuran 40 cm", None, None, None, None, None, False, ""),
    ("Kaos polos XL", None, None, None, None, None, False, ""),
    ("Sepatu size 42", None, None, None, None, None, False, ""),
    ("Kalkulator Citizen 868L", None, None, None, None, None, False, ""),  # a model
    ("Laptop A455L", None, None, None, None, None, False, ""),
    ("Modem 4G LTE", None, None, None, None, None, False, ""),
    ("SSD 512G", None, None, None, None, None, False, ""),
    ("Keyboard HP 240 G2", None, None, None, None, None, False, ""),
    ("Pisau 6 in 1", None, None, None, None, None, False, ""),
    ("Rp25.000", None, None, None, None, None, False, ""),
    ("Level 7,8,9", None, None, None, None, None, False, ""),
    ("", None, None, None, None, None, False, ""),
]


@pytest.mark.parametrize(
    ("text", "net_g", "net_ml", "count", "each_g", "each_ml", "labelled", "understood"),
    NET,
    ids=[case[0] or "empty" for case in NET],
)
def test_net_quantity(
    text: str,
    net_g: float | None,
    net_ml: float | None,
    count: int | None,
    each_g: float | None,
    each_ml: float | None,
    labelled: bool,
    understood: str,
) -> None:
    expected = NetQuantity(net_g, net_ml, count, each_g, each_ml, understood, labelled)
    assert net_quantity(text) == expected


# (text, [(value, unit, amount, kind, text)])
FOUND = [
    ("250 gr", [(250, "g", 250, "mass", "250 gr")]),
    ("1,5 kg", [(1.5, "kg", 1500, "mass", "1,5 kg")]),
    ("5 ons", [(5, "ons", 500, "mass", "5 ons")]),
    ("500 mg", [(500, "mg", 0.5, "mass", "500 mg")]),
    ("1 L", [(1, "l", 1000, "volume", "1 L")]),
    ("cc: 250 cc", [(250, "ml", 250, "volume", "250 cc")]),
    ("setengah kilo", [(0.5, "kg", 500, "mass", "setengah kilo")]),
    ("12 sachet", [(12, "sachet", 12, "count", "12 sachet")]),
    ("2 lusin", [(2, "lusin", 24, "count", "2 lusin")]),
    ("isi 10", [(10, "pcs", 10, "count", "isi 10")]),
    (
        "isi 10 x 25 g, 1,5 kg dan 2 L",
        [
            (10, "pcs", 10, "count", "isi 10"),
            (25, "g", 25, "mass", "25 g"),
            (1.5, "kg", 1500, "mass", "1,5 kg"),
            (2, "l", 2000, "volume", "2 L"),
        ],
    ),
    ("Taplak 2 m x 1,15 m", []),  # lengths are sizes, not quantities
    ("tgf58 A455L 4G", []),
    ("Dua botol", [(2, "botol", 2, "count", "Dua botol")]),
]


@pytest.mark.parametrize(("text", "expected"), FOUND, ids=[case[0] for case in FOUND])
def test_find_quantities(text: str, expected: list[tuple[float, str, float, str, str]]) -> None:
    found = find_quantities(text)
    assert [(q.value, q.unit, q.amount, q.kind, q.text) for q in found] == expected
    for q in found:
        assert text[q.start : q.end] == q.text


SIZES = [
    ("Taplak meja 2 m x 1,15 m", ["2 m x 1,15 m"]),
    ("Tas 30 x 25 cm", ["30 x 25 cm"]),
    ("Kotak 30x25x10 cm", ["30x25x10 cm"]),
    ("Keranjang ukuran 40 cm", ["ukuran 40 cm"]),
    ("Sepatu size 42", ["size 42"]),
    ("Kaos XL", ["XL"]),
    ("Kaos Size: L", ["Size: L"]),
    ("Hoodie ukuran M", ["ukuran M"]),
    ("Double tape 24mm x 4,5mtr", ["24mm x 4,5mtr"]),
    ("Figure (18cm)", ["18cm"]),
    ("Tripod 2,1 meter", ["2,1 meter"]),
    ("Kabel 2.5 x 150mm (15cm)", ["2.5 x 150mm", "15cm"]),
    ("Double tape 3M VHB", []),  # a brand, not three metres
    ("Kerupuk 2 x 250 gr", []),  # a multipack, not a size
    ("Toples ukuran 250 gr", []),  # a mass after "ukuran" is still a mass
    ("Kaos M L", []),  # single letters need a label
    ("Kripik 250 gr isi 10", []),
]


@pytest.mark.parametrize(("text", "expected"), SIZES, ids=[case[0] for case in SIZES])
def test_find_sizes(text: str, expected: list[str]) -> None:
    assert find_sizes(text) == expected


@pytest.mark.parametrize("text", [case[0] for case in SIZES if case[1]])
def test_sizes_are_never_net_quantities(text: str) -> None:
    net = net_quantity(text)
    assert net.net_g is None and net.net_ml is None
    assert all(q.kind in ("mass", "volume", "count") for q in find_quantities(text))


def test_quantity_is_frozen() -> None:
    q = find_quantities("250 gr")[0]
    assert isinstance(q, Quantity)
    with pytest.raises(AttributeError):
        q.value = 1  # type: ignore[misc]


@pytest.mark.parametrize("bad", [None, 250, 1.5, float("nan")])
def test_non_text_never_raises(bad: object) -> None:
    assert net_quantity(bad) == NetQuantity(None, None, None, None, None, "", False)  # type: ignore[arg-type]
    assert find_quantities(bad) == []  # type: ignore[arg-type]
    assert find_sizes(bad) == []  # type: ignore[arg-type]


def test_long_input_is_bounded_and_fast() -> None:
    for text in (
        "1" * 100_000,
        "1." * 50_000,
        "1x" * 50_000,
        "isi 1 x 2 g " * 10_000,
        "ukuran 1 x 2 cm " * 10_000,
        "½" * 100_000,
    ):
        start = time.perf_counter()
        for q in find_quantities(text):
            assert q.end <= 20_000
        net_quantity(text)
        find_sizes(text)
        assert time.perf_counter() - start < 3.0


_PIECES = [
    *"0123456789.,/½ xX@:-",
    *["gr", "kg", "ml", " L", "isi ", "pcs", "cm", " m", "netto ", "ukuran ", "setengah ", "XL"],
]
_QUANTITY_TEXT = st.lists(st.sampled_from(_PIECES), max_size=30).map("".join)


@given(st.one_of(st.text(), _QUANTITY_TEXT))
def test_invariants(text: str) -> None:
    found = find_quantities(text)
    net = net_quantity(text)
    sizes = find_sizes(text)
    for q in found:
        assert math.isfinite(q.value) and q.value >= 0
        assert math.isfinite(q.amount) and q.amount >= 0
        assert q.kind in ("mass", "volume", "count")
        assert text[q.start : q.end] == q.text
    for amount in (net.net_g, net.net_ml, net.per_unit_g, net.per_unit_ml):
        assert amount is None or (math.isfinite(amount) and amount >= 0)
    assert net.net_g is None or net.net_ml is None
    assert net.pack_count is None or net.pack_count >= 1
    assert net.text in text
    assert all(size in text for size in sizes)
    # deterministic
    assert (find_quantities(text), net_quantity(text), find_sizes(text)) == (found, net, sizes)

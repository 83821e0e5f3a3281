"""Net quantities as sellers really spell them: a table of 100+ spellings, and round trips.

The spellings are written in the styles seen in real Tokopedia titles (glued units, capitals,
decimal commas, thousands dots, multipacks, labels, brackets); none is a copied row. The
round-trip property formats a quantity the ways sellers do and parses it back.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from listing_quality.text.quantities import net_quantity

# (text, net_g, net_ml, pack_count)
SPELLINGS: list[tuple[str, float | None, float | None, int | None]] = [
    # grams, every spelling in units.yaml
    ("Keripik 250g", 250, None, None), ("Keripik 250 g", 250, None, None),
    ("Keripik 250gr", 250, None, None), ("Keripik 250 Gr", 250, None, None),
    ("KERIPIK 250GR", 250, None, None), ("Keripik 250 gram", 250, None, None),
    ("Keripik 250 Gram", 250, None, None), ("Keripik 250GRAM", 250, None, None),
    ("Keripik 250 grm", 250, None, None), ("Keripik 250 gm", 250, None, None),
    ("Keripik 250 grams", 250, None, None), ("Keripik 250geram", 250, None, None),
    ("Keripik 250 grs", 250, None, None), ("Kerupuk 65gram", 65, None, None),
    ("Kerupuk 1000gr", 1000, None, None), ("Kerupuk 1.000 gr", 1000, None, None),
    ("Kerupuk 1000 g", 1000, None, None), ("Kacang 2.500 gram", 2500, None, None),
    ("Teh 12,5 g", 12.5, None, None), ("Teh 12.5g", 12.5, None, None),
    # kilograms and ons
    ("Beras 1kg", 1000, None, None), ("Beras 1 KG", 1000, None, None),
    ("Beras 1 Kg", 1000, None, None), ("Beras 1 kilo", 1000, None, None),
    ("Beras 1 kilogram", 1000, None, None), ("Beras 5 kgs", 5000, None, None),
    ("Beras 1,5 kg", 1500, None, None), ("Beras 1.5 kg", 1500, None, None),
    ("Beras 2,25kg", 2250, None, None), ("Beras 0,5 kg", 500, None, None),
    ("Beras 1/2 kg", 500, None, None), ("Beras 1/4 kg", 250, None, None),
    ("Beras 1 / 2 kg", 500, None, None), ("Beras ½ kg", 500, None, None),
    ("Beras ¼kg", 250, None, None), ("Beras 1½ kg", 1500, None, None),
    ("Beras setengah kilo", 500, None, None), ("Beras seperempat kg", 250, None, None),
    ("Beras tiga perempat kg", 750, None, None), ("Beras dua kilo", 2000, None, None),
    ("Ikan asin 5 ons", 500, None, None), ("Ikan asin 2,5 ons", 250, None, None),
    ("Ikan asin 1 ons", 100, None, None), ("Kunyit 500 mg", 0.5, None, None),
    # volumes
    ("Madu 500ml", None, 500, None), ("Madu 500 ml", None, 500, None),
    ("Madu 500 ML", None, 500, None), ("Madu 500 mL", None, 500, None),
    ("Madu 500 mili", None, 500, None), ("Madu 500 mililiter", None, 500, None),
    ("Madu 250 cc", None, 250, None), ("Sirup 1 liter", None, 1000, None),
    ("Sirup 1 Liter", None, 1000, None), ("Sirup 1 ltr", None, 1000, None),
    ("Sirup 1 lt", None, 1000, None), ("Sirup 1L", None, 1000, None),
    ("Sirup 1 L", None, 1000, None), ("Sirup 1,5 liter", None, 1500, None),
    ("Sirup 1.5L", None, 1500, None), ("Sirup 0,8 L", None, 800, None),
    ("Sirup setengah liter", None, 500, None), ("Sirup 5 litre", None, 5000, None),
    # counts
    ("Bakso aci isi 10", None, None, 10), ("Bakso aci Isi: 10", None, None, 10),
    ("Bakso aci isi12", None, None, 12), ("Bakso aci ISI 6 PCS", None, None, 6),
    ("Cuanki 10 pcs", None, None, 10), ("Cuanki 10pcs", None, None, 10),
    ("Cuanki 10 PCS", None, None, 10), ("Cuanki 1 pc", None, None, 1),
    ("Cuanki 10 pieces", None, None, 10), ("Telur asin 20 biji", None, None, 20),
    ("Telur asin 20 butir", None, None, 20), ("Pisang 10 buah", None, None, 10),
    ("Rengginang 5 bungkus", None, None, 5), ("Seblak 10 bks", None, None, 10),
    ("Kopi 12 sachet", None, None, 12), ("Kopi 12 saset", None, None, 12),
    ("Kopi 3 pack", None, None, 3), ("Kopi 2 pouch", None, None, 2),
    ("Nastar 2 toples", None, None, 2), ("Sambal 3 botol", None, None, 3),
    ("Kue 1 box", None, None, 1), ("Kue 1 dus", None, None, 1),
    ("Mie 1 karton", None, None, 1), ("Permen 1 lusin", None, None, 12),
    ("Kerupuk 10 renceng", None, None, 10), ("Daun pisang 20 lembar", None, None, 20),
    ("Kopi isi (5pcs)", None, None, 5), ("Kopi Isi 24 Pcs", None, None, 24),
    # multipacks
    ("Kopi 2 x 250 gr", 500, None, 2), ("Kopi 2x250gr", 500, None, 2),
    ("Kopi 2X250GR", 500, None, 2), ("Kopi 2 × 250 g", 500, None, 2),
    ("Kopi 2*250 gr", 500, None, 2), ("Kopi 250 gr x 2", 500, None, 2),
    ("Kopi isi 10 x 25 g", 250, None, 10), ("Kopi ISI 10 X 25 GR", 250, None, 10),
    ("Kopi isi 5 x 22 gram", 110, None, 5), ("Kopi 10 sachet @ 25 gr", 250, None, 10),
    ("Mie 83 gr x 5 pcs", 415, None, 5), ("Mie 5 bks x 85 gr", 425, None, 5),
    ("Teh 24 x 250 ml", None, 6000, 24), ("Teh 4 x 1 liter", None, 4000, 4),
    ("Susu 6 botol x 200 ml", None, 1200, 6),
    # labels
    ("Netto: 500ml", None, 500, None), ("Netto 250 gr", 250, None, None),
    ("Neto 250g", 250, None, None), ("Nett 100 g", 100, None, None),
    ("Net wt. 100 g", 100, None, None), ("Net weight 200 g", 200, None, None),
    ("Berat bersih 250 gram", 250, None, None), ("Berat Bersih: 1 kg", 1000, None, None),
    ("Isi bersih 1 L", None, 1000, None), ("Berat netto 300gr", 300, None, None),
    ("Kripik 100 gr Netto 250 gr", 250, None, None),
    # punctuation around the quantity
    ("[ 250gr ] Kerupuk", 250, None, None), ("Kerupuk (250gr)", 250, None, None),
    ("Rendang - 250gr", 250, None, None), ("kering,daun jeruk,500g,pedas", 500, None, None),
    ("Kerupuk 500GR/pedas", 500, None, None), ("Kopi 1kg.", 1000, None, None),
    # not net quantities
    ("Kaos polos XL", None, None, None), ("Taplak 2 m x 1,15 m", None, None, None),
    ("Tas 30 x 25 cm", None, None, None), ("Modem 4G LTE", None, None, None),
    ("Charger E5-475G", None, None, None), ("Origami 150x150mm 100L", None, None, None),
    ("Seblak Level 7,8,9", None, None, None), ("Harga Rp25.000", None, None, None),
    ("Paket 3 seblak", None, None, None), ("Kalkulator 868L", None, None, None),
]


def test_table_has_at_least_100_spellings() -> None:
    assert len(SPELLINGS) >= 100
    assert len({text for text, *_ in SPELLINGS}) == len(SPELLINGS)


@pytest.mark.parametrize(("text", "net_g", "net_ml", "count"), SPELLINGS,
                         ids=[row[0] for row in SPELLINGS])
def test_spelling(text: str, net_g: float | None, net_ml: float | None,
                  count: int | None) -> None:
    net = net_quantity(text)
    assert (net.net_g, net.net_ml, net.pack_count) == (net_g, net_ml, count)


# ---------------------------------------------------------------- round trips
UNITS = {  # spelling -> (grams or ml per unit, "g" | "ml")
    "g": (1, "g"), "gr": (1, "g"), "gram": (1, "g"), "GR": (1, "g"), "kg": (1000, "g"),
    "Kg": (1000, "g"), "kilo": (1000, "g"), "ons": (100, "g"), "ml": (1, "ml"),
    "ML": (1, "ml"), "liter": (1000, "ml"), "ltr": (1000, "ml"), "L": (1000, "ml"),
}


def _written(value: float, style: str) -> str:
    """`value` written as a seller would: 1500, 1.500, 1,5 or 1.5."""
    whole = int(value)
    if value != whole:
        text = f"{value:.2f}".rstrip("0")
        return text.replace(".", ",") if style == "comma" else text
    if style == "dots" and whole >= 1000:
        return f"{whole:,}".replace(",", ".")
    return str(whole)


@given(
    whole=st.integers(min_value=1, max_value=9999),
    cents=st.sampled_from([0, 0, 25, 5]),
    unit=st.sampled_from(sorted(UNITS)),
    style=st.sampled_from(["plain", "dots", "comma", "point"]),
    space=st.sampled_from(["", " "]),
    label=st.sampled_from(["", "Netto ", "Berat bersih: ", "Keripik "]),
)
def test_round_trip_single(whole: int, cents: int, unit: str, style: str, space: str,
                           label: str) -> None:
    value = whole + cents / 100 if whole < 1000 else float(whole)
    factor, kind = UNITS[unit]
    if unit in ("L", "liter", "ltr") and value > 50:
        value = float(whole % 50 + 1)  # units.yaml: more than 50 L is a model code
    net = net_quantity(f"{label}{_written(value, style)}{space}{unit} pedas")
    expected = round(value * factor, 6)
    assert (net.net_g if kind == "g" else net.net_ml) == pytest.approx(expected)


@given(
    count=st.integers(min_value=2, max_value=48),
    each=st.integers(min_value=1, max_value=999),
    unit=st.sampled_from(["g", "gr", "gram", "ml"]),
    order=st.sampled_from(["count_first", "each_first", "isi"]),
    sep=st.sampled_from(["x", " x ", "X", " × ", "*"]),
)
def test_round_trip_multipack(count: int, each: int, unit: str, order: str, sep: str) -> None:
    if order == "count_first":
        text = f"{count}{sep}{each} {unit}"
    elif order == "each_first":  # "250 grx2" (unit glued to the x) is not read; see docs
        text = f"{each} {unit} {sep.strip()} {count}"
    else:
        text = f"isi {count}{sep}{each}{unit}"
    net = net_quantity(text)
    total = net.net_ml if unit == "ml" else net.net_g
    assert (total, net.pack_count) == (count * each, count)

"""`r.suggested_title`: built only from facts in the listing, in the category's slot order."""

from __future__ import annotations

import listing_quality as lq


def _suggest(**listing) -> str | None:
    return lq.score({"id": "s", **listing}).suggested_title


def test_reorders_and_strips_padding() -> None:
    title = _suggest(category="kuliner",
                     title="KRUPUK SEBLAK | PEDAS DAUN JERUK 250 GR MURAH BEST SELLER")
    assert title == "Krupuk Seblak Pedas Daun Jeruk 250 gr"


def test_fills_missing_slots_from_attributes_and_description() -> None:
    title = _suggest(category="kuliner", title="Keripik Enak Banget",
                     description="Keripik singkong buatan rumah dari Kediri. Netto 250 g.",
                     attributes={"Rasa": "Balado"})
    assert title == "Keripik Balado 250 g Khas Kediri"


def test_craft_order_and_size_from_description() -> None:
    title = _suggest(category="kriya", title="Tas Pandan Khas Tasikmalaya",
                     description="Ukuran 30 x 25 x 12 cm. Dianyam tangan oleh pengrajin.")
    assert title == "Tas Pandan Dianyam Ukuran 30 x 25 x 12 cm Khas Tasikmalaya"


def test_never_invents() -> None:
    """No product type anywhere: nothing to build on, so no suggestion at all."""
    assert _suggest(category="kuliner", title="Barang bagus murah",
                    description="Pokoknya mantap, order sekarang") is None
    suggestion = _suggest(category="kuliner", title="SEBLAK INSTAN Kylafood MURAH!!!")
    assert suggestion == "Seblak Instan Kylafood"


def test_a_good_title_needs_no_suggestion() -> None:
    assert _suggest(category="kuliner",
                    title="Keripik Singkong Balado Pedas Mbok Sri 250 g Khas Kediri") is None


def test_description_flavours_are_not_taken_as_variants() -> None:
    title = _suggest(category="kuliner", title="Sambal",
                     description="Komposisi: cabai, bawang putih, garam. Netto 200 g.")
    assert title == "Sambal 200 g"

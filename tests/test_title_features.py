"""Title features: slots, hygiene and cleanliness, pinned on hand-made titles."""

from __future__ import annotations

import pytest

from listing_quality.features.title import clean_title, measure, upper_ratio
from listing_quality.features.title_hygiene import noise, repeated_words, separators
from listing_quality.features.title_slots import find_slots, type_category
from listing_quality.text.lexicon import find_terms, load_words, split_words
from listing_quality.text.normalize import fold
from listing_quality.types import Listing


@pytest.mark.parametrize(("title", "expected"), [
    ("Keripik Singkong Balado Pedas Mbok Sri 250 g Khas Kediri",
     {"jenis": "Keripik Singkong", "varian": "Balado Pedas", "berat": "250 g", "asal": "Kediri"}),
    ("Kain Batik Tulis Madura Motif Sekar Jagad Katun Primisima 2 m x 1,15 m",
     {"jenis": "Kain Batik", "bahan": "Katun Primisima", "teknik": "Batik Tulis",
      "varian": "Motif Sekar Jagad", "ukuran": "2 m x 1,15 m", "asal": "Madura"}),
    ("Gelifood Seblak Instan Pedas", {"jenis": "Seblak Instan", "merek": "Gelifood",
                                      "varian": "Pedas"}),
    ("Tas Rotan Bulat 20 cm", {"jenis": "Tas Rotan", "bahan": "Rotan", "varian": "Bulat",
                               "ukuran": "20 cm"}),
    ("Seblak Kering Level 5", {"jenis": "Seblak Kering", "varian": "Level 5"}),
    ("Barang Bagus", {}),
])
def test_slots(title: str, expected: dict) -> None:
    assert find_slots(title) == expected


def test_slots_fold_spelling_variants() -> None:
    assert find_slots("KRUPUK udang 250 gr")["jenis"] == "KRUPUK udang"
    assert type_category("kripik pisang coklat") == "kuliner"
    assert type_category("Sarung Tenun Goyor") == "busana"


def test_ambiguous_region_needs_a_cue() -> None:
    assert "asal" not in find_slots("Cobek Batu Alam 20 cm")
    assert find_slots("Keripik Tempe Khas Batu 200 g")["asal"] == "Batu"
    assert find_slots("Kopi Bubuk Temanggung 200 g")["asal"] == "Temanggung"


def test_brand_from_listing_and_from_capitalised_lead() -> None:
    assert find_slots("Sambal Roa Bu Rudy 200 g", brand="Bu Rudy")["merek"] == "Bu Rudy"
    assert "merek" not in find_slots("enak sekali seblak pedas")
    assert "merek" not in find_slots("Paket Seblak Pedas")  # not_brands.txt
    assert "merek" not in find_slots("Balado Keripik")  # a known flavour is no brand


def test_hygiene_measures() -> None:
    assert separators("KERUPUK / KRUPUK SEBLAK | SEBRING | KERUPUK MAWAR") == 3
    assert separators("Keripik 1/2 kg S/M/L oleh-oleh") == 0
    assert repeated_words("Sepatu Sekolah Sepatu") == ["sepatu"]
    assert repeated_words("Hijab Segi Empat Hijabs") == ["hijab/hijabs"]
    assert repeated_words("Keripik 2 x 250 g 2 x") == []
    assert noise("Kopi 100% ORI No. 1 Terbaik").claims == ["100% ori", "no. 1", "terbaik"]
    assert noise("Kopi WA 0812-3456-7890 @kopiku www.kopiku.id").contacts == [
        "0812-3456-7890", "www.kopiku.id", "@kopiku", "wa"]
    assert noise("Kopi Gayo 250 g Kode 0812").contacts == []
    assert noise("Kopi Murah MURAH Promo").promo == ["murah", "promo"]


def test_clean_title_drops_padding_only() -> None:
    assert clean_title("KERIPIK MURAH!!! 100% ORI WA 08123456789") == "KERIPIK"
    assert clean_title("Keripik Singkong 250 g") == "Keripik Singkong 250 g"


def test_upper_ratio_exempts_brand() -> None:
    assert upper_ratio("KYLAFOOD Seblak Pedas") == pytest.approx(1 / 3)
    assert upper_ratio("KYLAFOOD Seblak Pedas", brand="Kylafood") == 0.0


def test_measure_keys_and_flat_slots() -> None:
    facts = measure(Listing(id="1", title="Tas Anyaman Pandan 30 x 25 cm Khas Tasikmalaya"), None)
    assert facts["title.type"] == "Tas Anyaman" and facts["title.material"] == "Pandan"
    assert facts["title.size"] == "30 x 25 cm" and facts["title.origin"] == "Tasikmalaya"
    assert facts["title.variant"] is None and facts["title.separators"] == 0


def test_lexicons_are_big_enough() -> None:
    """The issue asks for 300+ product types and every regency/city (about 514)."""
    types = {w for name in ("product_types_kuliner", "product_types_kriya",
                            "product_types_busana") for w in load_words(name)}
    assert len(types) >= 300
    assert len(load_words("regions")) >= 514


def test_find_terms_is_longest_first_and_skips_taken() -> None:
    words = split_words(fold("Keripik Singkong Balado"))
    assert find_terms(words, "product_types_kuliner") == [(0, 2, "keripik singkong")]
    assert find_terms(words, "product_types_kuliner", taken={0}) == []


@pytest.mark.parametrize(("title", "count"), [
    ("/ / /", 0), ("/ / / 250 g", 0), ("KERUPUK / KRUPUK SEBLAK | SEBRING | MAWAR", 3),
    ("Keripik Pedas, 250 g", 0), ("Keripik | Pedas | isi 10", 1), ("oleh-oleh 1/2 kg", 0),
    ("a - b - c", 2), ("Kain Batik / Seblak Rotan Level / Level Level / 1 kg", 2),
])
def test_separators_count_items_that_hold_words(title: str, count: int) -> None:
    """Regressions found by hypothesis: '/ / /' + ' 250 g' used to gain a separator, and so
    did a title ending in '/' once a net quantity followed it (a size is not a keyword)."""
    from listing_quality.features.title_hygiene import separators

    assert separators(title) == count

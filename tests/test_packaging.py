"""Packaging features end to end: label facts, explicit fields, consistency, properties."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import listing_quality as lq
from listing_quality.features import packaging
from listing_quality.features.packaging_consistency import net_conflict, shipping_ratio
from listing_quality.features.packaging_label import label_facts
from listing_quality.types import Listing


def _features(**fields: object) -> dict:
    listing = Listing(id="t", **fields)  # type: ignore[arg-type]
    return packaging.measure(listing, None)


# (text, feature, expected)
LABEL_FACTS = [
    ("Exp 12/2027", "packaging.expiry", True),
    ("EXP: 01-2027", "packaging.expiry", True),
    ("Expired date 2027", "packaging.expiry", True),
    ("ED: 07-01-2028", "packaging.expiry", True),
    ("E.D. : 07/2028", "packaging.expiry", True),
    ("Edisi: 2 warna", "packaging.expiry", False),
    ("Kedaluwarsa 6 bulan", "packaging.expiry", True),
    ("kadaluarsa tertera di kemasan", "packaging.expiry", True),
    ("Best before 2027", "packaging.expiry", True),
    ("tahan 3 bulan", "packaging.expiry", True),
    ("Tahan 2-3 minggu di kulkas", "packaging.expiry", True),
    ("awet sebulan", "packaging.expiry", True),
    ("Masa simpan 6 bulan", "packaging.expiry", True),
    ("Expedisi cepat, expert", "packaging.expiry", False),
    ("Tahan banting", "packaging.expiry", False),
    ("Komposisi: singkong, cabai", "packaging.composition", True),
    ("Bahan: tepung, gula", "packaging.composition", True),
    ("Bahan-bahan pilihan", "packaging.composition", True),
    ("Ingredients: cassava", "packaging.composition", True),
    ("Keripik pedas enak", "packaging.composition", False),
    ("Simpan di tempat kering", "packaging.storage", True),
    ("Tutup rapat setelah dibuka", "packaging.storage", True),
    ("Keep refrigerated", "packaging.storage", True),
    ("Dikirim cepat", "packaging.storage", False),
    ("Diproduksi oleh UD Sri Rejeki, Kediri", "packaging.producer", True),
    ("Produksi: CV Maju, Jl. Melati 5", "packaging.producer", True),
    ("buatan Mbok Sri dari Kediri", "packaging.producer", True),
    ("buatan rumah dari bahan pilihan", "packaging.producer", False),
    ("Size chart: M LD 100", "packaging.size_chart", True),
    ("Lingkar dada 104 cm", "packaging.size_chart", True),
    ("LD 100 cm, panjang baju 70 cm", "packaging.size_chart", True),
    ("Ukuran M dan L", "packaging.size_chart", False),
    ("Cuci dengan tangan", "packaging.care", True),
    ("Jangan direndam air", "packaging.care", True),
    ("Bersihkan dengan lap kering", "packaging.care", True),
    ("Dikirim pakai bubble wrap", "packaging.care", False),
    ("Dikirim dengan bubble wrap", "packaging.protected", True),
    ("Packing kayu untuk luar kota", "packaging.protected", True),
    ("Siap kado dalam gift box", "packaging.protected", True),
    ("Dikirim cepat", "packaging.protected", False),
]


@pytest.mark.parametrize(("text", "feature", "expected"), LABEL_FACTS,
                         ids=[f"{f}-{t}" for t, f, _ in LABEL_FACTS])
def test_label_fact(text: str, feature: str, expected: bool) -> None:
    assert label_facts(text, "")[feature] is expected


def test_word_lists() -> None:
    facts = label_facts("Standing pouch zip lock, toples. Anyaman pandan dan rotan. "
                        "Bubble wrap + kardus tambahan. Gift box.", "Tas Anyaman")
    assert facts["packaging.pack_types"][:3] == ["standing pouch", "zip lock", "toples"]
    assert facts["packaging.materials"][:3] == ["anyaman", "pandan", "rotan"]
    assert facts["packaging.protection"] == ["bubble wrap", "kardus tambahan"]
    assert facts["packaging.gift"] == ["gift box"]
    assert facts["packaging.garment"] is False


def test_garment_is_read_from_the_title_only() -> None:
    assert label_facts("kain cocok untuk kemeja", "Kain Batik Tulis")["packaging.garment"] is False
    assert label_facts("", "Kemeja Batik Pria")["packaging.garment"] is True


def test_explicit_fields_win_over_the_text() -> None:
    facts = _features(title="Sambal 150 g", description="P-IRT No. 2063578010123-19",
                      attributes={"pirt": "2063578010123-29", "bpom": "MD 224510001234",
                                  "halal_id": "id35110000123450823"})
    assert facts["packaging.pirt"] == "206357801012329"
    assert facts["packaging.pirt_expiry_year"] == 2029
    assert facts["packaging.bpom"] == "MD224510001234"
    assert facts["packaging.halal_id"] == "ID35110000123450823"
    assert facts["packaging.halal"] is True and facts["packaging.registration"] is True


def test_label_text_attribute_is_read() -> None:
    facts = _features(title="Sambal Bawang", description="",
                      attributes={"label_text": "NETTO 150 g. Komposisi: cabai. EXP 12/2027"})
    assert facts["packaging.net_g"] == 150
    assert facts["packaging.composition"] and facts["packaging.expiry"]


@pytest.mark.parametrize("bad", [None, float("nan"), "", 12345, {"a": 1}])
def test_odd_attribute_values(bad: object) -> None:
    facts = _features(title="Sambal 150 g", attributes={"pirt": bad, "label_text": bad,
                                                        "bpom": bad, "halal_id": bad})
    assert facts["packaging.net_g"] == 150


def test_malformed_pirt_is_stated_but_not_valid() -> None:
    """K102 (none stated) gives way to K108 (wrong form): writing a number never costs more."""
    facts = _features(description="P-IRT No. 2063578010123")
    assert facts["packaging.pirt"] is None
    assert facts["packaging.pirt_problem"] == "13 digits, expected 15"
    assert facts["packaging.registration"] is True
    bare = lq.score(_BARE, rubric="kuliner").dimensions["packaging"].score
    malformed = Listing(**{**_BARE.__dict__, "description": "P-IRT No. 2063578010123"})
    assert lq.score(malformed, rubric="kuliner").dimensions["packaging"].score > bare


def test_years_left_counts_from_this_year(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(packaging.reg, "current_year", lambda: 2030)
    facts = _features(description="P-IRT No. 2063578010123-29")
    assert facts["packaging.pirt_years_left"] == -1


# (texts, conflict)
CONFLICTS = [
    ({"title": "Keripik 250 g", "description": "Netto 500 g"}, "title 250 g, description 500 g"),
    ({"title": "Keripik 250 g", "description": "Netto 250 gram"}, None),
    ({"title": "Keripik 250 g / 500 g", "description": "Netto 500 g"}, None),  # variants
    ({"title": "Kopi 2 x 250 g", "description": "Netto 250 g per bungkus"}, None),
    ({"title": "Kopi 1 kg", "description": "Berat bersih 1.000 gram"}, None),
    ({"title": "Madu 500 ml", "description": "Netto 250 g"}, None),  # ml vs g: not compared
    ({"title": "Sambal", "label": "Netto 150 g", "description": "isi 150 gram"}, None),
    ({"title": "Sambal 150 g", "label": "NETTO 200 g"}, "title 150 g, label 200 g"),
    ({"title": "", "description": ""}, None),
]


@pytest.mark.parametrize(("texts", "expected"), CONFLICTS, ids=[str(c[0]) for c in CONFLICTS])
def test_net_conflict(texts: dict[str, str], expected: str | None) -> None:
    assert net_conflict(texts) == expected


def test_shipping_ratio() -> None:
    assert shipping_ratio(300, 250) == 1.2
    assert shipping_ratio(None, 250) is None and shipping_ratio(300, None) is None


# ---------------------------------------------------------------- properties
_FIXES = [  # sentences that each fix one packaging finding of a bare food listing
    "Netto 250 g.", "Komposisi: singkong, cabai, garam.", "P-IRT No. 2063578010123-29.",
    "Bersertifikat halal ID35110000123450823.", "Kedaluwarsa 6 bulan.",
    "Simpan di tempat kering.", "Diproduksi oleh UD Sri Rejeki, Kediri.",
    "Dikemas dalam standing pouch zip lock.",
]
_BARE = Listing(id="p", title="Keripik Singkong Balado 250 g", category="kuliner",
                description="Keripik singkong balado pedas.", price=18000, weight_g=300)


def _packaging_score(fixes: list[str]) -> float:
    listing = Listing(**{**_BARE.__dict__, "description": " ".join(
        [_BARE.description, *fixes])})
    score = lq.score(listing, rubric="kuliner").dimensions["packaging"].score
    assert score is not None
    return score


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(_FIXES), unique=True), st.sampled_from(_FIXES))
def test_fixing_a_finding_never_lowers_the_score(fixes: list[str], extra: str) -> None:
    before = _packaging_score(fixes)
    after = _packaging_score([*fixes, extra] if extra not in fixes else fixes)
    assert 0 <= before <= 100 and 0 <= after <= 100
    assert after >= before - 1e-9


def test_all_fixes_clear_the_packaging_findings() -> None:
    assert _packaging_score(_FIXES) == 100


_TEXT = st.one_of(st.text(max_size=300),
                  st.text(alphabet="0123456789 .,-xX/gmlkPIRTMD:", max_size=80))


@settings(max_examples=150, deadline=None)
@given(title=_TEXT, description=_TEXT, label=_TEXT, pirt=_TEXT, weight=st.one_of(
    st.none(), st.floats(allow_nan=True), st.text(max_size=10)))
def test_arbitrary_unicode_never_raises(title: str, description: str, label: str, pirt: str,
                                        weight: object) -> None:
    listing = Listing(id="u", title=title, description=description, weight_g=weight,
                      attributes={"label_text": label, "pirt": pirt, "bpom": pirt,
                                  "halal_id": pirt})
    facts = packaging.measure(listing, None)
    assert facts == packaging.measure(listing, None)  # deterministic
    for key in ("packaging.net_g", "packaging.net_ml", "packaging.shipping_ratio"):
        value = facts[key]
        assert value is None or (math.isfinite(value) and value >= 0)
    assert facts["packaging.pack_count"] is None or facts["packaging.pack_count"] >= 1
    assert isinstance(facts["packaging.halal"], bool)
    assert facts["packaging.pirt"] is None or len(facts["packaging.pirt"]) == 15
    for rubric in ("kuliner", "kriya", "busana"):
        score = lq.score(listing, rubric=rubric).dimensions["packaging"].score
        assert score is None or 0 <= score <= 100

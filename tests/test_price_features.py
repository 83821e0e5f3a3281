"""Price facts, peer statistics and the `peers` kind, pinned on small hand-made catalogs."""

from __future__ import annotations

import math
import re

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import listing_quality as lq
from listing_quality.features.catalog_prices import group_stats, peer_prices, size_classes
from listing_quality.features.price import (
    charm_ending,
    config,
    discount_pct,
    group_key,
    is_placeholder,
    is_round,
    measure,
    per_100,
    per_piece,
    price_facts,
    product_type,
    read_price,
)
from listing_quality.features.texts import ListingTexts
from listing_quality.kinds import peers
from listing_quality.rubric import RubricError
from listing_quality.text import folded
from listing_quality.text.folded import folded_words
from listing_quality.text.normalize import fold
from listing_quality.text.remembered import CACHED_CHARS
from listing_quality.text.rupiah import parse_rupiah
from listing_quality.types import Listing


def _facts(price: float | None, net: float | None = 250.0, kind: str = "keripik",
           **extra: object) -> dict:
    return {"price.value": price, "price.per_100g": price / net * 100 if price and net else None,
            "price.type": kind, "price.category": "kuliner", "packaging.net_g": net, **extra}


@pytest.mark.parametrize(("value", "ending"), [
    (19_900, "900"), (9_990, "990"), (49_999, "999"), (12_950, "950"), (18_000, None),
    (900, None), (None, None), (19_900.5, None)])
def test_charm_ending(value: float | None, ending: str | None) -> None:
    assert charm_ending(value) == ending


@pytest.mark.parametrize(("value", "expected"), [
    (100_000, True), (300_000, True), (350_000, False), (85_000, False), (0, False),
    (None, False)])
def test_round_number(value: float | None, expected: bool) -> None:
    assert is_round(value) is expected


@pytest.mark.parametrize(("title", "key"), [
    ("KRUPUK SEBLAK RAFAEL 250 GR", "kerupuk"),      # folded spelling, first lexicon word
    ("Kylafood Seblak Tulang Rawan", "seblak"),
    ("Paket Murah Kripik Pisang", "keripik"),
    ("Paket murah Xyzabc spesial", "xyzabc"),       # no lexicon word: first real word
    ("", None), (None, None), ("12 34 !!", None)])
def test_product_type(title: str | None, key: str | None) -> None:
    assert product_type(title) == key


def test_measure_unit_prices_and_range() -> None:
    listing = Listing(id="1", title="Seblak Instan Paket 5 x 100 g",
                      price="Rp40.000 - Rp50.000", category="Kuliner ", brand="Ceu Nthien")
    facts = measure(listing, None)
    assert facts["price.value"] == 40_000 and facts["price.high"] == 50_000
    assert facts["price.is_range"] is True
    assert facts["price.per_100g"] == 8_000
    assert facts["price.per_piece"] == 8_000
    assert (facts["price.category"], facts["price.brand"]) == ("kuliner", "ceu nthien")


def test_size_classes_follow_the_data_edges() -> None:
    nets = np.array([50, 100, 101, 250, 251, 1000, 1001, np.nan])
    assert size_classes(nets) == ["<=100 g", "<=100 g", "101–250 g", "101–250 g",
                                  "251–500 g", "501–1000 g", ">1000 g", ""]
    assert config()["size_edges"] == [100, 250, 500, 1000]


def test_group_stats_robust_z() -> None:
    values = np.array([10.0, 20.0, 40.0, 20.0, 20.0, np.nan])
    stats = group_stats(["a", "a", "a", "b", "b", "a"], values)
    # group a: logs of 10, 20, 40 -> median log 20, MAD = ln 2, scale = 1.4826 ln 2
    assert stats["median"][0] == pytest.approx(20.0)
    assert stats["z"][2] == pytest.approx(math.log(2) / (1.4826 * math.log(2)))
    assert stats["n"].tolist() == [3, 3, 3, 2, 2, 3]
    # group b is flat: the scale floor (min_log_scale) keeps z finite and zero
    assert stats["z"][3] == 0.0
    assert math.isnan(stats["z"][5])


def test_peer_prices_records_and_multipack() -> None:
    facts = [_facts(p, **{"price.brand": "mbok sri"}) for p in (15_000, 18_000, 20_000, 95_000)]
    facts.append(_facts(None))
    facts.append(_facts(50_000, net=500.0, **{"packaging.pack_count": 2,
                                              "title.slots": {"merek": "Mbok  Sri"}}))
    out = peer_prices(facts, [str(i) for i in range(len(facts))])
    record = out["catalog.price_peers"][3]
    assert record["n"] == 4 and record["size"] == "101–250 g" and record["z"] > 3
    assert out["catalog.price_peers"][4] is None
    assert out["catalog.unit_price_peers"][5]["n"] == 5      # per 100 g ignores size
    # singles per 100 g: 6000, 7200, 8000, 38000 -> median 7600; bundle: 10000
    assert out["catalog.multipack_ratio"][5] == pytest.approx(10_000 / 7_600, abs=1e-3)
    assert out["catalog.multipack_ratio"][:5] == [None] * 5
    unbranded = [{**row, "price.brand": "", "title.slots": {}} for row in facts]
    assert peer_prices(unbranded, ["x"] * 6)["catalog.multipack_ratio"] == [None] * 6


def test_title_slot_jenis_wins_over_own_key() -> None:
    facts = [_facts(18_000, **{"title.slots": {"jenis": "Keripik Pisang"}}), _facts(18_000)]
    out = peer_prices(facts, ["a", "b"])
    assert [r["type"] for r in out["catalog.price_peers"]] == ["keripik pisang", "keripik"]


BAND = {"type": "keripik", "min_g": 100, "max_g": 250, "low": 10_000, "high": 35_000,
        "source": "curator"}


def test_kind_falls_back_to_band_and_states_it() -> None:
    params = {"side": "above", "max_z": 3.0, "min_peers": 8, "bands": [BAND]}
    record = {"value": 95_000.0, "type": "keripik singkong", "net": 250.0, "basis": "price",
              "z": 0.0, "median": 95_000.0, "low": 95_000.0, "high": 95_000.0, "n": 1}
    verdict = peers.judge(record, params)
    assert verdict is not None and verdict.loss > 0
    assert verdict.expected == "keripik 100–250 g: ref. Rp10.000–Rp35.000 (curator)"
    assert peers.judge({**record, "net": 1000.0}, params) is None   # no band for 1 kg
    assert peers.judge({**record, "value": 20_000.0}, params).loss == 0


def test_kind_uses_peers_when_enough() -> None:
    params = {"side": "both", "max_z": 3.0, "min_peers": 3}
    record = {"value": 95_000.0, "type": "keripik", "size": "101–250 g", "basis": "price",
              "z": 5.0, "median": 17_748.0, "low": 11_915.0, "high": 23_372.0, "n": 10}
    verdict = peers.judge(record, params)
    assert verdict.loss == 1.0 and verdict.observed == 95_000
    assert verdict.expected == ("keripik 101–250 g: median Rp17.700; 80%: "
                                "Rp11.900–Rp23.400; n=10")
    assert peers.judge({**record, "z": -5.0}, {**params, "side": "above"}).loss == 0
    assert peers.judge(None, params) is None and peers.judge({"value": None}, params) is None


@pytest.mark.parametrize("band", [
    {**BAND, "low": 40_000},                       # low above high
    {**BAND, "price": 1},                          # unknown key
    {k: v for k, v in BAND.items() if k != "source"},
    {k: v for k, v in BAND.items() if k != "max_g"},
    {**BAND, "min_g": -5},
    "keripik 10rb-35rb"])
def test_bad_bands_fail_when_the_rubric_loads(band: object, tmp_path) -> None:
    import yaml

    rubric = {"name": "t", "extends": "kuliner", "params": {"price_bands": [band]}}
    path = tmp_path / "t.yaml"
    path.write_text(yaml.safe_dump(rubric), encoding="utf-8")
    with pytest.raises(RubricError, match="bands"):
        lq.load_rubric(path)


def test_messages_state_the_peer_median_in_both_languages() -> None:
    rows = [{"id": str(i), "category": "kuliner", "title": "Keripik Singkong Balado 250 g",
             "price": p} for i, p in enumerate([15_000, 16_000, 17_000, 18_000, 18_000,
                                                19_000, 20_000, 21_000, 95_000])]
    results = lq.score_catalog(lq.read_catalog(rows), lq.Options(rubric="kuliner"))
    finding = next(f for f in results[-1].findings if f.code == "H107")
    assert "median Rp18.000" in finding.message("id") and "80%" in finding.message("en")
    assert finding.message("id").startswith("Harga Rp95.000 jauh di atas")
    assert finding.message("en").startswith("The price Rp95,000 is far above")
    assert all("H107" not in r.codes for r in results[:-1])


def test_info_rules_never_cost_points() -> None:
    listing = {"id": "1", "category": "kuliner", "title": "Keripik Singkong 250 g",
               "price": 19_900}
    charm = lq.score(listing, rubric="kuliner")
    plain = lq.score({**listing, "price": 20_000}, rubric="kuliner")
    assert "H111" in charm.codes and "H111" not in plain.codes
    assert charm.dimensions["price"].score == plain.dimensions["price"].score
    assert next(f for f in charm.findings if f.code == "H111").points == 0


def test_bundle_of_uncertain_size_is_no_pack_price_peer() -> None:
    """"Bundle 3pcs ... 200gr": 3 x 200 g or 200 g in all? No per-100 g price, no peers."""
    facts = measure(Listing(id="1", title="Bundle 3pcs Seblak Extra Pedas 200gr",
                            price=51_900), None)
    assert facts["price.per_100g"] is None and facts["price.per_piece"] == 17_300
    known = measure(Listing(id="2", title="Keripik Paket 2 x 250 g", price=30_000), None)
    assert known["price.per_100g"] == 6_000
    rows = [_facts(p) for p in (15_000, 18_000, 20_000)]
    rows.append({**_facts(51_900), "price.per_100g": None, "packaging.pack_count": 3})
    out = peer_prices(rows, ["a", "b", "c", "d"])
    assert out["catalog.price_peers"][3] is None
    assert out["catalog.price_peers"][0]["n"] == 3


def test_peer_records_serialise_as_plain_mappings() -> None:
    import json
    import pickle

    record = peer_prices([_facts(18_000)], ["a"])["catalog.price_peers"][0]
    assert json.loads(json.dumps(dict(record)))["median"] == pytest.approx(18_000)
    assert dict(pickle.loads(pickle.dumps(record))) == dict(record)
    assert set(record) == {"value", "z", "net", "type", "size", "basis", "median", "low",
                           "high", "n"}
    with pytest.raises(KeyError):
        record["nope"]


# --- fast paths (issue 9): each against the plain form it replaces --------------------------

LOOKALIKES = ["\u212a", "\u017f", "\u0131", "\u0130", "\u01c5", "\u00df", "\u00e9"]
TITLE_PIECES = [" ", "  ", "-", ".", "/", "250", "gr", "Krupuk", "kripik", "KERIPIK", "Coklat",
                "mie", "Mi", "Seblak", "paket", "PROMO", "murah", "ab", "xyzabc", "Tas", "\n",
                "！", "２５０", "\u200b", "oleh-oleh", *LOOKALIKES]
PRICE_PIECES = ["Rp", "Rp.", "RP ", "IDR", "-", " - ", "s/d", " ", "25", "25.000", "1.250.000",
                "1,5", ",-", ",00", "rb", "ribu", "k", "jt", "gr", "terjual", "x", "%", "\u00a0",
                "２５", "e+04", *LOOKALIKES]


def _text(pieces: list[str], size: int = 10) -> st.SearchStrategy[str]:
    return st.lists(st.one_of(st.sampled_from(pieces), st.text(max_size=3)),
                    max_size=size).map("".join)


def _plain_product_type(title: object) -> str | None:
    """The whole-text `fold` form `product_type` replaced."""
    cfg = config()
    words = re.findall(r"[^\W\d_]+", fold(str(title or "")[:300]))
    for word in words:
        if word in cfg["product_types"]:
            return word
    for word in words:
        if len(word) >= cfg["min_key_chars"] and word not in cfg["skip_words"]:
            return word
    return None


def _plain_measure(listing: Listing) -> dict:
    """`measure` as it was before its cell facts were remembered (issue 9)."""
    price, original = parse_rupiah(listing.price), parse_rupiah(listing.original_price)
    value = price.value if price.ok else None
    missing = price.reason == "empty"
    orig = original.value if original.ok and original.value else None
    net = ListingTexts(listing).label.net
    placeholder = f"{value:,.0f}".replace(",", ".") if value is not None and is_placeholder(
        value) else None
    return {
        "price.raw": None if listing.price is None else str(listing.price)[:80],
        "price.value": value, "price.high": price.high if price.ok else None,
        "price.is_range": price.is_range, "price.missing": missing,
        "price.unparseable": None if price.ok or missing else (price.reason or "not a price"),
        "price.placeholder": placeholder, "price.original": orig,
        "price.discount": discount_pct(value, orig), "price.per_100g": per_100(value, net),
        "price.per_piece": per_piece(value, net), "price.charm": charm_ending(value),
        "price.round": is_round(value), "price.type": _plain_product_type(listing.title),
        "price.category": " ".join(str(listing.category or "").casefold().split())[:80],
        "price.brand": " ".join(str(listing.brand or "").casefold().split())[:80],
    }


CELLS = st.one_of(st.none(), _text(PRICE_PIECES), st.integers(-10, 10**12),
                  st.floats(allow_nan=True), st.sampled_from([0.0, -0.0, 25_000, 25_000.0, True]))


@settings(max_examples=300, deadline=None)
@given(_text(TITLE_PIECES, 14), CELLS, CELLS, _text(TITLE_PIECES, 4), _text(TITLE_PIECES, 4))
def test_measure_with_remembered_cells_equals_the_plain_measure(
        title: str, price: object, original: object, category: str, brand: str) -> None:
    listing = Listing(id="1", title=title, price=price, original_price=original,
                      category=category, brand=brand)
    expected = list(_plain_measure(listing).items())
    assert repr(list(measure(listing, None).items())) == repr(expected)
    assert repr(list(measure(listing, None).items())) == repr(expected)  # now remembered


@settings(max_examples=300, deadline=None)
@given(_text(TITLE_PIECES, 14))
def test_folded_words_are_the_words_of_the_folded_text(text: str) -> None:
    assert folded._word_variants() is not None  # the shipped variants fold word by word
    assert list(folded_words(text)) == re.findall(r"[^\W\d_]+", fold(text))
    assert list(folded_words(text.upper())) == re.findall(r"[^\W\d_]+", fold(text.upper()))
    assert product_type(text) == _plain_product_type(text)


def test_only_short_exact_texts_are_remembered() -> None:
    class Text(str):
        pass

    long_cell = "Rp25.000 " + " " * CACHED_CHARS
    assert price_facts(Text("Rp25.000")) == read_price("Rp25.000")
    assert price_facts(long_cell) == read_price(long_cell) and price_facts(long_cell).value \
        == 25_000
    assert price_facts(25_000).raw == "25000" and price_facts(25_000.0).raw == "25000.0"
    assert price_facts(-0.0).placeholder == "-0" and price_facts(0.0).placeholder == "0"
    assert group_key(" Makanan  RINGAN ") == "makanan ringan" == group_key("makanan ringan")
    assert group_key(None) == "" and group_key(12) == "12"

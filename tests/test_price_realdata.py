"""The price rules on real Tokopedia prices (../shared/realdata), against my hand labels.

Skips when the shared data is absent. The labels (`price_realdata_labels.yml`) are my own
judgements, row by row; this test keeps the rules honest against them: what I judged a
real price problem (or a true outlier) stays flagged, what I judged fine stays unflagged,
and the peer rules flag only a small share of a real catalog. docs/price.md has the figures.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd
import pytest
import yaml

import listing_quality as lq
from listing_quality.text.rupiah import parse_rupiah

SHARED = Path(__file__).resolve().parents[2] / "shared"
REAL = SHARED / "realdata"
LABELS = yaml.safe_load((Path(__file__).parent / "price_realdata_labels.yml")
                        .read_text(encoding="utf-8"))["files"]
PEER_CODES = {"H107", "H108", "H109"}
# (title column, price column, shop column or None, category column or None, separator)
LAYOUT = {
    "tokopedia-seblak/harunyoel_hasil_scraping.csv": ("Nama Produk", "Harga Produk",
                                                      "Nama Toko", None, ","),
    "tokopedia-seblak/hafidz_data_tokopedia.csv": ("nama produk", "harga", "penjual", None,
                                                   ","),
    "prdect-id/PRDECT-ID_Dataset.csv": ("Product Name", "Price", None, "Category", ";"),
}

pytestmark = pytest.mark.skipif(not REAL.is_dir(), reason="../shared/realdata is absent")


def _rows(name: str) -> list[dict[str, Any]]:
    """One listing per title (+ shop): search pages repeat listings. id = CSV line number."""
    title, price, shop, category, sep = LAYOUT[name]
    frame = pd.read_csv(REAL / name, sep=sep, dtype=str, keep_default_na=False)
    frame["line"] = frame.index + 2
    frame = frame.drop_duplicates([title, shop] if shop else [title])
    return [{"id": str(r["line"]), "title": r[title], "price": r[price],
             "category": r[category] if category else "kuliner"} for _, r in frame.iterrows()]


@pytest.fixture(scope="module")
def flagged() -> dict[str, dict[int, set[str]]]:
    out = {}
    for name in LAYOUT:
        rubric = "auto" if name.startswith("prdect") else "kuliner"
        options = lq.Options(rubric=rubric, select=("H", "D002"))
        results = lq.score_catalog(lq.read_catalog(_rows(name)), options)
        out[name] = {int(r.id): set(r.codes) for r in results}
    return out


@pytest.mark.parametrize("name", list(LAYOUT))
def test_every_real_price_is_read(name: str, flagged: dict) -> None:
    codes = flagged[name]
    assert not [row for row, found in codes.items() if "D002" in found]


def test_sold_counts_are_never_prices() -> None:
    frame = pd.read_csv(REAL / "tokopedia-seblak/harunyoel_hasil_scraping.csv", dtype=str,
                        keep_default_na=False)
    sold = [s for s in frame["Banyaknya Terjual"] if s.strip()]
    assert sold and all(parse_rupiah(s).reason == "sold count" for s in sold)


@pytest.mark.parametrize("name", list(LAYOUT))
def test_peer_rules_flag_a_small_share(name: str, flagged: dict) -> None:
    codes = flagged[name]
    share = sum(1 for found in codes.values() if found & PEER_CODES) / len(codes)
    assert 0 < share <= 0.05, f"{share:.1%} of {len(codes)} listings flagged"


@pytest.mark.parametrize("name", list(LAYOUT))
def test_hand_labels_hold(name: str, flagged: dict) -> None:
    """Rows I judged a price problem or a true outlier stay flagged; checked rows stay clean."""
    labels, codes = LABELS[name], flagged[name]
    must_flag = [row for row, label in labels["flagged"].items()
                 if label in ("price-problem", "other-product")]
    assert [row for row in must_flag if not codes[row] & PEER_CODES] == []
    clean = labels.get("unflagged", [])
    assert [row for row in clean if codes[row] & PEER_CODES] == []

"""The synthetic catalog generator of the scale benchmarks (benchmarks/synthetic.py).

The benchmarks' figures are only as meaningful as the catalog they run on, so these pin
what they rely on: the same seed gives the same rows, the planted duplicate shares are
there, titles are varied (not replicated), and every row reads and scores like a real one.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from rapidfuzz.distance import Indel

import listing_quality as lq
from listing_quality.api import Options, measure

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
import synthetic


@pytest.fixture(scope="module")
def big():
    return synthetic.frame(10_000, seed=11, truth=True)


@pytest.fixture
def small_blocks(monkeypatch):
    """Blocks of 100 rows so streaming across block boundaries is cheap to test."""
    monkeypatch.setattr(synthetic, "BLOCK", 100)
    monkeypatch.setattr(synthetic, "SELLERS", 7)
    synthetic._seller.cache_clear()
    yield
    synthetic._seller.cache_clear()


def test_same_seed_same_rows_other_seed_other_rows():
    first, again = synthetic.frame(300, seed=5), synthetic.frame(300, seed=5)
    assert first.equals(again)
    assert not first["title"].equals(synthetic.frame(300, seed=6)["title"])


def test_a_short_catalog_is_the_start_of_a_longer_one(small_blocks):
    assert synthetic.frame(130, seed=3).equals(synthetic.frame(350, seed=3).head(130))


def test_planted_duplicate_shares(big):
    share = big["_dup"].value_counts(normalize=True)
    assert share["exact"] == pytest.approx(synthetic.EXACT_SHARE, abs=0.006)
    assert share["near"] == pytest.approx(synthetic.NEAR_SHARE, abs=0.008)
    parents = big.set_index("id")["title"]
    exact, near = big[big["_dup"] == "exact"], big[big["_dup"] == "near"]
    assert (exact["title"].to_numpy() == parents[exact["_of"]].to_numpy()).all()
    assert (near["title"].to_numpy() != parents[near["_of"]].to_numpy()).all()
    similar = [Indel.normalized_similarity(_sorted(a), _sorted(b))
               for a, b in zip(near["title"], parents[near["_of"]], strict=True)]
    assert sum(s >= 0.75 for s in similar) / len(similar) > 0.9


def test_titles_are_varied_not_replicated(big):
    fresh = big[big["_dup"] == ""]
    assert fresh["title"].nunique() / len(fresh) > 0.8
    assert fresh["seller_id"].nunique() > 500
    assert set(fresh["category"]) >= {"kuliner", "busana", "kriya", "umum", ""}


def test_descriptions_have_marketplace_lengths_and_label_facts(big):
    lengths = big["description"].str.len()
    assert lengths.max() <= 1500
    assert (lengths >= 100).mean() > 0.9
    assert big["description"].str.contains("IRT").mean() > 0.1
    assert big["description"].str.contains("Komposisi").mean() > 0.05


def test_every_row_reads_and_scores(tmp_path, small_blocks):
    for suffix in (".csv", ".parquet"):
        path = tmp_path / f"synth{suffix}"
        assert synthetic.write(250, path, seed=9) == 250
        catalog = lq.read_catalog(path)
        assert [item.id for item in catalog.listings] == list(synthetic.frame(250, 9)["id"])
        results = lq.score_catalog(catalog, model=False)
        assert len(results) == 250
        assert all(0 <= result.overall <= 100 for result in results)


def test_prices_parse_to_the_amount_written():
    catalog = lq.read_catalog(synthetic.frame(400, seed=2))
    checked = 0
    for item in catalog.listings:
        raw = str(item.price or "")
        if raw in synthetic.PLACEHOLDERS:
            continue
        assert measure(item, Options())["price.value"] == _amount(raw), raw
        checked += 1
    assert checked > 350


def test_pirt_numbers_mostly_well_formed():
    catalog = lq.read_catalog(synthetic.frame(600, seed=4))
    facts = [measure(item, Options()) for item in catalog.listings if "IRT" in item.description]
    good = [f for f in facts if f["packaging.pirt"] and not f["packaging.pirt_problem"]]
    assert len(facts) > 100
    assert 0.75 < len(good) / len(facts) < 1.0   # about 8% are written broken on purpose


def test_photos_assigned_from_a_folder():
    names = ["a.jpg", "b.jpg", "c.png", "d.webp"]
    photos = synthetic.frame(50, seed=1, photos=names, per=3)["photos"].str.split("|")
    assert all(len(set(row)) == 3 and set(row) <= set(names) for row in photos)
    assert (synthetic.frame(5)["photos"] == "").all()


def _sorted(title: str) -> str:
    return " ".join(sorted(title.casefold().split()))


def _amount(raw: str) -> float:
    """Read a generated spelling back independently of the library."""
    text = re.sub(r"^(rp|idr)\s*", "", raw.casefold()).removesuffix(",-").removesuffix(",00")
    if text.endswith(("rb", "ribu")):
        return float(text.rstrip("ribu").strip()) * 1000
    return float(text.replace(".", ""))

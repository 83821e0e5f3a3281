"""The `photo` rule kind, duplicates inside a listing, and photos reused across a catalog."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import settings as settings_h
from hypothesis import strategies as st
from photo_factory import scene

import listing_quality as lq
from listing_quality.features import catalog, catalog_photos
from listing_quality.features.photo_decode import decode_image, settings
from listing_quality.features.photo_hash import parse, same_photo
from listing_quality.features.photos import _quality
from listing_quality.kinds import photo


def rec(file: str, value: object) -> dict:
    return {"file": file, "value": value}


# ------------------------------------------------------------------ the photo kind
def test_photo_kind_gives_partial_credit_and_names_files() -> None:
    values = [rec("a.jpg", 120.0), rec("b.jpg", 40.0), rec("c.jpg", None), rec("d.jpg", 79.0)]
    verdict = photo.judge(values, {"min": 80, "ramp": 40})
    assert verdict is not None and verdict.total == 4  # c.jpg: nothing to measure, passes
    assert verdict.items == (2, 4)
    assert verdict.observed == [{"b.jpg": 40.0}, {"d.jpg": 79.0}]
    assert verdict.loss == pytest.approx((1.0 + 1 / 40) / 4)


def test_photo_kind_skips_photos_that_were_never_opened() -> None:
    values = [rec("a.jpg", 40.0), {"file": "b.jpg", "value": None, "skip": True}]
    verdict = photo.judge(values, {"min": 80})
    assert verdict is not None and verdict.total == 1 and verdict.loss == 1.0
    assert photo.judge([{"file": "b.jpg", "value": None, "skip": True}], {"min": 80}) is None


def test_photo_kind_without_bounds_forbids_truthy_values() -> None:
    verdict = photo.judge([rec("a.jpg", None), rec("b.jpg", "1 (a.jpg)")], {})
    assert verdict is not None and verdict.items == (2,) and verdict.loss == 0.5


@pytest.mark.parametrize("value", [None, "x", 3, [], {"file": "a"}])
def test_photo_kind_with_nothing_to_judge_does_not_apply(value: object) -> None:
    assert photo.judge(value, {"min": 1}) is None


def test_photo_kind_rejects_bad_params() -> None:
    assert photo.check_params({"min": 2, "max": 1})
    assert photo.check_params({"min": 1, "each": True})
    assert photo.check_params({"max": 1}) is None


# ------------------------------------------------------------------ signatures
def signature_of(seed: int, size: tuple[int, int] = (1000, 1000)) -> str:
    return _quality(decode_image(scene(size, seed)))["signature"]


def test_same_photo_at_another_size_is_the_same_photo() -> None:
    assert same_photo(signature_of(1), signature_of(1, (500, 500)), settings())


def test_different_products_are_not_the_same_photo() -> None:
    for a, b in [(1, 2), (2, 3), (1, 3), (4, 5)]:
        assert not same_photo(signature_of(a), signature_of(b), settings())


def test_same_pouch_template_with_another_label_is_not_the_same_photo() -> None:
    """Two products printed on one template agree at 8 x 8 but not at 16 x 16."""
    from PIL import ImageDraw

    first, second = scene((800, 800), 1), scene((800, 800), 1)
    ImageDraw.Draw(first).rectangle((260, 190, 540, 330), fill=(40, 20, 10))  # brand block
    ImageDraw.Draw(second).rectangle((260, 470, 540, 610), fill=(40, 20, 10))  # lower down
    a = _quality(decode_image(first))["signature"]
    b = _quality(decode_image(second))["signature"]
    assert not same_photo(a, b, settings())
    assert same_photo(a, _quality(decode_image(first.resize((500, 500))))["signature"],
                      settings())


@pytest.mark.parametrize("bad", ["", "zz:00:112233", "0606:0606:xx", "no-colon", None,
                                 "0606060606060606:112233"])
def test_malformed_signatures_never_match(bad: object) -> None:
    loose = {"duplicate_bits": 64, "duplicate_fine_bits": 256, "duplicate_colour": 500}
    assert parse(bad) is None  # type: ignore[arg-type]
    assert not same_photo(bad, signature_of(1), loose)  # type: ignore[arg-type]


# ------------------------------------------------------------------ catalog reuse
def facts_with(signatures: list[list[str]]) -> list[dict]:
    return [{"photos.signature": [rec(f"p{i}-{j}.jpg", s) for j, s in enumerate(row)]}
            for i, row in enumerate(signatures)]


def test_reuse_is_found_across_listings_not_within_one() -> None:
    a, b, c = signature_of(1), signature_of(2), signature_of(3)
    facts = facts_with([[a, b], [c, a], [b], [a, a]])
    out = catalog_photos.photo_reuse(facts, ["L0", "L1", "L2", "L3"])["catalog.photo_reuse"]
    assert out[0] == [rec("p0-0.jpg", ["L1", "L3"]), rec("p0-1.jpg", ["L2"])]
    assert out[1] == [rec("p1-0.jpg", None), rec("p1-1.jpg", ["L0", "L3"])]
    assert out[3][0]["value"] == ["L0", "L1"]


def test_reuse_lookup_compares_bucket_members_only(monkeypatch) -> None:
    calls = []
    real = catalog_photos.same_photo

    def counting(*args):
        calls.append(args)
        return real(*args)

    monkeypatch.setattr(catalog_photos, "same_photo", counting)
    fine = "0" * 64
    distinct = [f"{(i * 0x9E3779B97F4A7C15) % 2**64:016x}:{fine}:808080" for i in range(400)]
    facts = facts_with([[s] for s in distinct])
    catalog_photos.photo_reuse(facts, [str(i) for i in range(400)])
    assert len(calls) < 400 * 399 / 2 / 20  # far fewer than all pairs


def test_malformed_rows_do_not_break_the_catalog_pass() -> None:
    facts = [{"photos.signature": None}, {"photos.signature": [rec("a", 5), "junk"]}, {}]
    out = catalog_photos.photo_reuse(facts, ["a", "b", "c"])["catalog.photo_reuse"]
    assert out[0] == [] and out[2] == [] and out[1][0]["value"] is None


def test_catalog_scoring_reports_reuse(images: Path) -> None:
    scene((800, 800), 1).save(images / "shared.jpg", "JPEG")
    scene((800, 800), 2).save(images / "own.jpg", "JPEG")
    rows = [{"id": "A", "title": "Keripik Balado 250 g", "photos": ["shared.jpg"]},
            {"id": "B", "title": "Keripik Original 250 g", "photos": ["own.jpg", "shared.jpg"]}]
    options = lq.Options(rubric="umum", images_root=str(images))
    first, second = lq.score_catalog(lq.read_catalog(rows), options)
    reuse = next(f for f in second.findings if f.code == "P119")
    assert reuse.field == "photos[2]" and "shared.jpg" in reuse.message("id")
    assert "B" in next(f for f in first.findings if f.code == "P119").message("en")


def test_same_product_shape_in_another_tint_is_not_the_same_photo() -> None:
    """Two sellers' baskets drawn alike on white differ only in the product's tint; the
    whole-image mean colour barely moves (the backdrop dominates), the grid cells do."""
    import numpy as np
    from PIL import Image

    original = scene((800, 800), 1)
    pixels = np.asarray(original).astype(np.int16)
    centre = pixels[200:600, 200:600]
    tinted_centre = np.where(centre.sum(axis=2, keepdims=True) < 600,
                             centre + np.array([45, -25, -25]), centre)
    pixels[200:600, 200:600] = tinted_centre
    tinted = Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8))
    a = _quality(decode_image(original))["signature"]
    b = _quality(decode_image(tinted))["signature"]
    assert not same_photo(a, b, settings())


def test_band_pair_buckets_find_every_pair_brute_force_finds() -> None:
    """Bucketing by pairs of hash bands is exact: same matches as comparing all pairs."""
    import random

    from listing_quality.features.catalog_photos import photo_reuse

    rng = random.Random(5)
    colour = "80" * 27
    base = [rng.getrandbits(64) for _ in range(12)]
    sigs = []
    for b in base:  # each base hash plus noisy copies 0..8 bits away
        for flips in (0, 2, 4, 6, 7, 8):
            h = b
            for bit in rng.sample(range(64), flips):
                h ^= 1 << bit
            sigs.append(f"{h:016x}:{'0' * 64}:{colour}")
    facts = [{"photos.signature": [{"file": f"{i}.jpg", "value": s}]} for i, s in
             enumerate(sigs)]
    ids = [str(i) for i in range(len(sigs))]
    found = photo_reuse(facts, ids)["catalog.photo_reuse"]
    cfg = settings()
    for i, column in enumerate(found):
        expected = [ids[j] for j in range(len(sigs))
                    if j != i and same_photo(sigs[i], sigs[j], cfg)]
        assert (column[0]["value"] or []) == expected[:5], i


def _pairs_photo_by_photo(buckets: pd.DataFrame) -> pd.DataFrame:
    """The plain form `photo_pairs` replaces: every pair of photos sharing a bucket."""
    groups: dict[str, list[tuple]] = {}
    for bucket, *member in zip(buckets["bucket"], buckets["row"], buckets["index"],
                               buckets["id"], buckets["sig"], strict=True):
        groups.setdefault(bucket, []).append(tuple(member))
    found = set()
    for members in groups.values():
        for a in members:
            for b in members:
                if a[0] != b[0] and catalog_photos._match(
                        tuple(sorted((a[3], b[3]))), {}, settings()):
                    found.add((a[0], a[1], b[0], b[2]))
    rows = sorted(found)
    return pd.DataFrame({name: pd.Series([r[i] for r in rows],
                                         dtype=object if name == "other_id" else np.int64)
                         for i, name in enumerate(("row", "index", "other_row", "other_id"))})


@pytest.fixture(scope="module")
def some_signatures() -> list[str]:
    # 1 and 1-at-half-size are one photo; 2 and 3 are other products
    return [signature_of(1), signature_of(1, (500, 500)), signature_of(2), signature_of(3),
            "junk", "0" * 16 + ":" + "0" * 64 + ":808080"]


@settings_h(max_examples=60, deadline=None)
@given(st.lists(st.lists(st.integers(0, 5), max_size=3), max_size=12))
def test_photo_pairs_equal_every_pair_of_photos_in_a_bucket(
        some_signatures: list[str], picks: list[list[int]]) -> None:
    """Copies within and across listings, the same photo at two sizes, malformed signatures."""
    facts = facts_with([[some_signatures[k] for k in row] for row in picks])
    keys = catalog.catalog_keys(facts, [f"L{i}" for i in range(len(facts))])
    buckets = catalog_photos.photo_buckets(keys)
    table, every = catalog_photos.photo_pairs(buckets), _pairs_photo_by_photo(buckets)
    # the table keeps each photo's first others per matching signature (what a finding
    # names): a subset of every pair, with the very same reuse per photo
    assert set(table.itertuples(index=False)) <= set(every.itertuples(index=False))
    rows = list(range(len(facts)))
    assert catalog_photos.apply_photos(table, facts, rows) == \
        catalog_photos.apply_photos(every, facts, rows)


def test_a_photo_copied_into_many_listings_keeps_a_linear_pair_table() -> None:
    """One stock photo in 60 listings (twice in one of them): each photo names the first
    five others, and the reduced table holds five rows per photo, not 60 x 60."""
    sig = signature_of(4)
    listings = [[sig] for _ in range(60)]
    listings[3] = [sig, sig]
    facts = facts_with(listings)
    ids = [f"L{i}" for i in range(60)]
    keys = catalog.catalog_keys(facts, ids)
    pairs = catalog_photos.photo_pairs(catalog_photos.photo_buckets(keys))
    assert len(pairs) == 61 * catalog_photos.MAX_IDS
    found = catalog_photos.photo_reuse(facts, ids)["catalog.photo_reuse"]
    for row, column in enumerate(found):
        expected = [i for i in ids if i != ids[row]][:catalog_photos.MAX_IDS]
        assert [photo["value"] for photo in column] == [expected] * len(listings[row]), row

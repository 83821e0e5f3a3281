"""The columnar judge gives exactly the per-listing results (judge_frame.py and friends).

Every comparison is exact (`check_exact=True`): same rounding, same floats, same texts.
Inputs: the whole sample catalog under each built-in rubric and marketplace profile, with
and without the model and photos, with --select/--ignore; every rule-case listing of
tests/rules; and hypothesis listings of arbitrary text and numbers.
"""

from __future__ import annotations

import copy
import functools
import math
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
import yaml
from conftest import build_listing
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import listing_quality as lq
from listing_quality import api, engine
from listing_quality.features import catalog as catalog_features
from listing_quality.judge_columns import columns_of, evaluate_columns, features_of
from listing_quality.judge_frame import judge_frame
from listing_quality.model import default_model
from listing_quality.rubric import builtin_names

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "data" / "samples"
CASES = Path(__file__).parent / "rules"


def measured(listings: list[lq.Listing], options: api.Options) -> list[dict[str, Any]]:
    facts = [api.measure(item, options) for item in listings]
    catalog_features.enrich(facts, [item.id for item in listings])
    return facts


def assert_same(listings: list[lq.Listing], facts: list[dict[str, Any]],
                options: api.Options, model: Any = None) -> pd.DataFrame:
    """judge_frame == results_frame(per-listing judge), and both store the same
    probabilities in the facts."""
    per_row, columnar = copy.deepcopy(facts), copy.deepcopy(facts)
    expected = api.results_frame([api.judge(item, row, options, model)
                                  for item, row in zip(listings, per_row, strict=True)],
                                 lang=options.lang)
    got = judge_frame(listings, columnar, options, model)
    pd.testing.assert_frame_equal(got, expected, check_exact=True)
    assert [r.get("model.probability") for r in columnar] == \
        [r.get("model.probability") for r in per_row]
    return got


@functools.lru_cache(maxsize=2)
def sample(photos: bool) -> tuple[list[lq.Listing], list[dict[str, Any]]]:
    listings = list(lq.read_catalog(SAMPLES / "catalog.csv").listings)
    options = api.Options(images_root=str(SAMPLES / "photos") if photos else None)
    return listings, measured(listings, options)


@pytest.mark.parametrize("photos", [True, False])
@pytest.mark.parametrize("model", [None, False])
def test_sample_catalog_auto_rubric(photos: bool, model: Any) -> None:
    listings, facts = sample(photos)
    frame = assert_same(listings, facts, api.Options(), model)
    assert len(frame) == len(listings) > 100
    assert frame["top_suggestion"].str.len().gt(0).any()  # texts really were compared


@pytest.mark.parametrize("rubric", builtin_names())
@pytest.mark.parametrize("marketplace", [None, *builtin_names(marketplaces=True)])
def test_sample_catalog_every_rubric_and_profile(rubric: str, marketplace: str | None
                                                 ) -> None:
    listings, facts = sample(True)
    assert_same(listings, facts, api.Options(rubric=rubric, marketplace=marketplace,
                                             lang="en" if marketplace else "id"))


@pytest.mark.parametrize(("select", "ignore"), [
    (("T",), ()), (("T", "M"), ()), ((), ("M",)), ((), ("P1", "H")), (("K1", "H10"), ("H101",)),
    (("Z",), ()),  # nothing selected: every dimension empty
])
def test_sample_catalog_select_ignore(select: tuple[str, ...], ignore: tuple[str, ...]) -> None:
    listings, facts = sample(True)
    assert_same(listings, facts, api.Options(select=select, ignore=ignore))


@pytest.mark.parametrize("model", [
    lambda facts: 0.25,  # a plain callable: no explanation, per row
    lambda facts: float("nan"),  # NaN -> no model opinion
    lambda facts: 7.0,  # clipped to 1
    lambda facts: -1.0 if len(str(facts.get("title.text"))) % 2 else None,
    lambda facts: 1 / 0,  # a failing model -> None, scoring goes on
])
def test_user_callable_models(model: Any) -> None:
    listings, facts = sample(False)
    assert_same(listings, facts, api.Options(), model)


def test_model_from_a_path() -> None:
    """A model.json path resolves to a `Model`: batched, and still the per-row floats."""
    path = Path(lq.__file__).parent / "model" / "model.json"
    listings, facts = sample(True)
    frame = assert_same(listings, facts, api.Options(lang="en"), str(path))
    assert frame["model_probability"].notna().all()


def test_model_predict_many_matches_per_row_bit_for_bit() -> None:
    model = default_model()
    assert model is not None
    for photos in (True, False):
        facts = sample(photos)[1]
        assert model.predict_many(facts) == [model(row) for row in facts]
    odd = [{}, {"title.text": None}, {"title.text": "ÄÖ ﬁ 𝔘 " * 80}, {"title.chars": "x"}]
    assert model.predict_many(odd) == [model(row) for row in odd]
    assert model.predict_many([]) == []


def test_loss_table_matches_engine_rule_by_rule() -> None:
    _, facts = sample(True)
    for name in builtin_names():
        rubric = api.selected_rubric(name, None)
        table = evaluate_columns(columns_of(facts, features_of(rubric)), len(facts), rubric)
        for i, row in enumerate(facts):
            outcomes = {o.rule.code: o.judgement.loss for o in engine.evaluate(row, rubric)}
            got = {rule.code: float(table.loss[k, i]) for k, rule in enumerate(rubric.rules)
                   if table.applies[k, i]}
            assert got == outcomes, (name, i)


def test_index_is_kept() -> None:
    listings, facts = sample(False)
    index = pd.RangeIndex(100, 100 + len(listings))
    expected = api.results_frame([api.judge(item, row, api.Options())
                                  for item, row in zip(listings, copy.deepcopy(facts),
                                                       strict=True)], index=index)
    got = judge_frame(listings, copy.deepcopy(facts), api.Options(), index=index)
    pd.testing.assert_frame_equal(got, expected, check_exact=True)


CUSTOM = """\
name: custom
extends: umum
dimensions: {title: 2, photos: 1, packaging: 0, price: 1}
readiness: {marketplace: 85, local: 40}
model: {blend: 0.3}
rules:
  - code: T901
    name: promo-word-each-short
    dimension: title
    kind: length
    feature: title.promo_words
    each: true
    when: title.text
    severity: error
    blocking: true
    weight: 7
    min: 6
    unit: chars
    ramp: 3
    message: {id: "Kata {observed} ({count} dari {total})", en: "Words {observed} ({items})"}
    suggestion: {id: "Perbaiki {observed}: {expected}", en: "Fix {observed}: {expected}"}
  - code: P901
    name: photos-each-count
    dimension: photos
    kind: threshold
    feature: photos.count
    each: true
    severity: info
    weight: 3
    min: 4
    message: {id: "Foto {observed}", en: "Photos {observed}"}
    suggestion: {id: "Tambah foto ({expected})", en: "Add photos ({expected})"}
"""


@pytest.mark.parametrize("lang", ["id", "en", "xx"])
def test_custom_rubric_with_each_rules(tmp_path: Path, lang: str) -> None:
    """A curator's rubric file: `each` rules, blocking, a zero-weight dimension, its own
    bars and blend, and a language with no texts (Indonesian, as `Finding.suggestion`)."""
    path = tmp_path / "custom.yaml"
    path.write_text(CUSTOM, encoding="utf-8")
    listings, facts = sample(True)
    frame = assert_same(listings, facts, api.Options(rubric=str(path), lang=lang))
    assert frame["codes"].str.contains("T901").any()


def test_frame_of_nothing() -> None:
    frame = judge_frame([], [], api.Options())
    assert list(frame.columns) == list(api.SCORE_COLUMNS) and frame.empty


def _rule_cases() -> list[Any]:
    params = []
    for path in sorted(CASES.glob("[A-Z]*.yml")):
        spec = yaml.safe_load(path.read_text(encoding="utf-8"))
        params.append(pytest.param(spec, id=path.stem))
    return params


@pytest.mark.parametrize("spec", _rule_cases())
def test_rule_case_listings(spec: dict[str, Any], images: Path) -> None:
    """Each rule's pass and fail listings (with their catalogs), judged both ways."""
    base_all = yaml.safe_load((CASES / "_base.yml").read_text(encoding="utf-8"))
    for case in [*(spec.get("fail") or []), *(spec.get("pass") or [])]:
        case = dict(case)
        rubric = case.pop("_rubric", spec.get("rubric", "umum"))
        marketplace = case.pop("_marketplace", spec.get("marketplace"))
        base = base_all.get(rubric, base_all["umum"])
        rows = [build_listing({**base, **case}, images)] + [
            build_listing({**base, **other}, images) for other in case.pop("_catalog", [])]
        listings = list(lq.read_catalog(rows).listings)
        options = api.Options(rubric=rubric, marketplace=marketplace, images_root=str(images))
        assert_same(listings, measured(listings, options), options)


NUMBERS = st.one_of(st.none(), st.floats(), st.integers(-10**12, 10**12),
                    st.sampled_from([float("nan"), float("inf"), -float("inf"), -15000, 0,
                                     "Rp15.000", "25rb", "gratis", "", "-5000", "1e400"]))
TEXT = st.one_of(st.text(max_size=80), st.sampled_from(
    ["", "Keripik Singkong Balado 250 g", "KRUPUK SEBLAK MURAH!!! WA 081234567890",
     "Kopi Bubuk Robusta 1 kg Khas Lampung", "Madu Hutan 500 ml P-IRT 2063501010123-25"]))
LISTING = st.fixed_dictionaries({
    "title": TEXT, "description": TEXT, "price": NUMBERS, "original_price": NUMBERS,
    "category": st.sampled_from(["", "kuliner", "kriya", "busana", "makanan", "lainnya"]),
    "brand": st.sampled_from(["", "Mbok Sri", "ukm"]), "weight_g": NUMBERS,
    "stock": NUMBERS,
})


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rows=st.lists(LISTING, min_size=1, max_size=12),
       options=st.sampled_from([api.Options(), api.Options(rubric="kuliner", lang="en"),
                                api.Options(rubric="umum", marketplace="tokopedia"),
                                api.Options(ignore=("M",)), api.Options(select=("H", "T1"))]))
def test_arbitrary_listings(rows: list[dict[str, Any]], options: api.Options) -> None:
    listings = list(lq.read_catalog([{"id": f"X-{i}", **r} for i, r in enumerate(rows)])
                    .listings)
    frame = assert_same(listings, measured(listings, options), options)
    assert all(math.isfinite(v) for v in frame["overall"])

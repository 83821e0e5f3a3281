"""The curator model: JSON round trip, tamper check, numpy == scikit-learn, determinism,
scikit-learn's estimator checks, and how `score(..., model=...)` uses it."""

from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np
import pytest
from sklearn.utils.estimator_checks import parametrize_with_checks

import listing_quality as lq
from listing_quality.model import default_model, resolve_model
from listing_quality.model.persist import ModelError, load_model
from listing_quality.model.train import CuratorClassifier, design_matrix, fit_model

GOOD = {"id": "G", "title": "Keripik Singkong Balado Pedas Manis 250 g", "price": "Rp15.000",
        "description": "Keripik singkong renyah. Netto 250 g. P-IRT 2063573010123-27.",
        "category": "kuliner"}
TITLES = [
    ("Keripik Singkong Balado Pedas 250 g", 1), ("Seblak Instan Level 5 Rasa Jeruk 200 g", 1),
    ("Tas Anyaman Pandan Motif Bunga 30 x 25 cm", 1), ("Kain Tenun Ikat Sumba 2 m", 1),
    ("Kopi Bubuk Robusta Temanggung 200 g", 1), ("Batik Tulis Parang Katun 2 m x 1,15 m", 1),
    ("Sambal Bawang Pedas Botol 150 ml", 1), ("Dompet Kulit Sapi Asli Coklat", 1),
    ("MURAH PROMO!!! READY STOCK", 0), ("seblak", 0), ("Jual murah banget termurah", 0),
    ("BEST SELLER VIRAL KEKINIAN", 0), ("barang bagus", 0), ("promo promo promo", 0),
    ("Ready ready ready stok", 0), ("keripik keripik keripik murah", 0),
]


def facts_of(titles: list[str]) -> list[dict]:
    catalog = lq.read_catalog([{"id": str(i), "title": t} for i, t in enumerate(titles)])
    return [lq.api.measure(item, lq.Options()) for item in catalog.listings]


@pytest.fixture(scope="module")
def toy() -> tuple[lq.Model, list[dict], list[int]]:
    facts = facts_of([t for t, _ in TITLES]) * 2
    labels = [y for _, y in TITLES] * 2
    return fit_model(facts, labels, inputs="title"), facts, labels


def test_json_round_trip_keeps_every_prediction(toy, tmp_path: Path) -> None:
    model, facts, _ = toy
    path = tmp_path / "m.json"
    model.save(path)
    again = lq.load_model(path)
    assert again.feature_names == model.feature_names
    assert np.array_equal(again.predict_proba(facts), model.predict_proba(facts))
    assert "pickle" not in path.read_text(encoding="utf-8")


@pytest.mark.parametrize("edit", [
    lambda d: d["coef"].__setitem__(0, d["coef"][0] + 0.5),
    lambda d: d.__setitem__("intercept", 3.0),
    lambda d: d["ngrams"]["vocabulary"].append("zzz"),
    lambda d: d.pop("sha256"),
])
def test_tampered_model_file_is_refused(toy, tmp_path: Path, edit) -> None:
    path = tmp_path / "m.json"
    toy[0].save(path)
    payload = json.loads(path.read_text(encoding="utf-8"))
    edit(payload)
    path.write_text(json.dumps(payload), encoding="utf-8")
    with pytest.raises(ModelError, match="sha256"):
        load_model(path)
    with pytest.raises(ModelError):
        lq.score(GOOD, model=path)


def test_unreadable_model_files_are_clear_errors(tmp_path: Path) -> None:
    (tmp_path / "bad.json").write_text("{not json", encoding="utf-8")
    (tmp_path / "other.json").write_text('{"hello": 1}', encoding="utf-8")
    with pytest.raises(ModelError, match="cannot read"):
        load_model(tmp_path / "bad.json")
    with pytest.raises(ModelError, match="not a listing-quality model"):
        load_model(tmp_path / "other.json")


def test_numpy_predictions_equal_sklearn(toy) -> None:
    model, facts, labels = toy
    X = design_matrix(facts, model)
    clf = CuratorClassifier().fit(X, labels)
    assert np.allclose(clf.coef_.ravel(), model.coef, atol=0, rtol=0)
    assert np.abs(clf.predict_proba(X) - model.predict_proba(facts)).max() < 1e-9


def test_training_is_deterministic(toy) -> None:
    model, facts, labels = toy
    again = fit_model(facts, labels, inputs="title")
    assert again.vocabulary == model.vocabulary
    assert np.array_equal(again.coef, model.coef) and again.intercept == model.intercept


def test_the_model_learns_the_toy_labels(toy) -> None:
    model, facts, labels = toy
    p = model.predict_proba(facts)[:, 1]
    assert p[np.asarray(labels) == 1].min() > p[np.asarray(labels) == 0].max()


def test_one_class_labels_are_a_clear_error() -> None:
    with pytest.raises(ValueError, match="one class"):
        fit_model(facts_of(["a", "b", "c"]), [1, 1, 1])


@parametrize_with_checks([CuratorClassifier()])
def test_sklearn_estimator_checks(estimator, check) -> None:
    check(estimator)


def test_shipped_model_is_small_verified_and_traceable() -> None:
    model = default_model()
    assert model is not None and model.inputs == "title"
    path = Path(lq.__file__).parent / "model" / "model.json"
    assert path.stat().st_size < 2_000_000
    info = model.info
    assert len(info["labels_sha256"]) == 64 and info["n"] >= 400
    assert info["metrics"]["model"]["roc_auc"] > 0.5


def test_model_none_is_the_shipped_model_and_false_switches_it_off() -> None:
    shipped = lq.score(GOOD, rubric="kuliner")
    off = lq.score(GOOD, rubric="kuliner", model=False)
    p = shipped.features["model.probability"]
    assert p == pytest.approx(default_model()(shipped.features))
    assert off.features["model.probability"] is None and "M001" not in off.codes
    assert shipped.overall == pytest.approx(0.85 * off.overall + 15 * p)


def test_model_path_object_and_callable_are_accepted(toy, tmp_path: Path) -> None:
    model = toy[0]
    path = tmp_path / "own.json"
    model.save(path)
    by_path = lq.score(GOOD, rubric="kuliner", model=str(path))
    by_object = lq.score(GOOD, rubric="kuliner", model=model)
    assert by_path.features["model.probability"] == by_object.features["model.probability"]
    assert lq.score(GOOD, model=lambda f: 0.25).features["model.probability"] == 0.25
    with pytest.raises(TypeError):
        resolve_model(42)


def test_m001_suggestion_names_what_pulled_it_down() -> None:
    r = lq.score({"id": "S", "title": "SEBLAK MURAH PROMO PROMO!!!", "price": "Rp10.000"},
                 rubric="kuliner")
    m001 = next(f for f in r.findings if f.code == "M001")
    assert "promo" in m001.suggestion("en").lower() and "promo" in m001.suggestion("id").lower()
    assert math.isclose(m001.points, 15 * (1 - r.features["model.probability"]))

"""A curator trains their own model on the labelled sample catalog (data/samples/
accepted.csv, labels assigned by judgment), and the CLI's train/evaluate commands."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

import listing_quality as lq
from listing_quality.cli import main

SAMPLES = Path(__file__).resolve().parents[1] / "data" / "samples"


@pytest.fixture(scope="module")
def labelled(tmp_path_factory) -> Path:
    if not (SAMPLES / "accepted.csv").is_file():
        pytest.skip("data/samples/accepted.csv is absent")
    catalog = pd.read_csv(SAMPLES / "catalog.csv", dtype=str, keep_default_na=False)
    accepted = pd.read_csv(SAMPLES / "accepted.csv", dtype=str)
    path = tmp_path_factory.mktemp("lab") / "labelled.csv"
    catalog.merge(accepted, on="id", how="inner").to_csv(path, index=False)
    return path


@pytest.fixture(scope="module")
def report(labelled: Path) -> dict:
    frame = pd.read_csv(labelled, dtype=str, keep_default_na=False)
    return lq.evaluate(frame, label="accepted", images_root=SAMPLES / "photos")


def test_trained_model_beats_the_rules_only_title_score_on_held_out_folds(report) -> None:
    cv, title = report["predictors"]["model_cv"], report["predictors"]["rules_title"]
    overall = report["predictors"]["rules_overall"]
    print(f"\nheld-out ROC AUC: model {cv['roc_auc']} vs rules title {title['roc_auc']}, "
          f"rules overall {overall['roc_auc']}; Brier model {cv['brier']}")
    assert report["n"] == 200 and len(cv["calibration"]) == 10
    assert cv["roc_auc"] > title["roc_auc"]
    assert cv["brier"] < 0.25  # better than always saying the base rate of ~0.5


def test_curator_model_uses_all_four_dimensions(labelled: Path, tmp_path: Path) -> None:
    frame = pd.read_csv(labelled, dtype=str, keep_default_na=False)
    model = lq.train(frame, label="accepted", inputs="all")  # photos unread here: faster
    names = set(model.feature_names)
    assert {"title.words", "photos.count", "packaging.registration", "price.value"} <= names
    assert model.info["n"] == 200 and len(model.info["labels_sha256"]) == 64
    model.save(tmp_path / "own.json")
    listing = frame.drop(columns=["accepted"]).iloc[0].to_dict()
    r = lq.score(listing, model=tmp_path / "own.json")
    assert r.features["model.probability"] == pytest.approx(
        lq.load_model(tmp_path / "own.json")(r.features))


def test_cli_train_then_evaluate(labelled: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "model.json"
    images = str(tmp_path)  # no photos there: this tests the commands, not the photos
    assert main(["train", str(labelled), "--label", "accepted", "-o", str(out),
                 "--images", images, "--inputs", "title"]) == 0
    assert "cross-validated ROC AUC" in capsys.readouterr().out
    assert main(["evaluate", str(labelled), "--model", str(out), "--images", images,
                 "--format", "json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert {"model_cv", "rules_title", "rules_overall", "given_model"} <= set(doc["predictors"])
    assert doc["top_inputs"]["reject"] and doc["top_inputs"]["accept"]


def test_cli_errors_exit_2(labelled: Path, tmp_path: Path, capsys) -> None:
    assert main(["train", str(labelled), "--label", "nope", "-o", str(tmp_path / "m.json")]) == 2
    assert "no label column 'nope'" in capsys.readouterr().err
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "listing-quality-model", "sha256": "0"}', encoding="utf-8")
    assert main(["evaluate", str(labelled), "--model", str(bad)]) == 2
    assert "sha256" in capsys.readouterr().err

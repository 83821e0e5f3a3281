"""`listing-quality train` and `listing-quality evaluate`: the curator's own model.

    listing-quality train LABELLED.csv --label accepted -o model.json
    listing-quality evaluate LABELLED.csv --model model.json [--format json]

Kept out of cli.py so the checking CLI stays small; cli.py adds these subparsers and
dispatches here. Errors (a missing label column, a tampered model) are ValueErrors, which
the CLI turns into exit code 2 with one clear line.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

import pandas as pd

COMMANDS = ("train", "evaluate")


def add_parsers(sub: Any) -> None:
    """Add the two subcommands to cli.build_parser's subparsers."""
    train = sub.add_parser("train", help="learn a model from a catalog with a label column")
    _common(train)
    train.add_argument("--output", "-o", required=True, help="model file to write (JSON)")
    train.add_argument("--inputs", default="all", choices=("all", "title"),
                       help="facts the model reads: all four dimensions, or the title only")
    train.add_argument("--C", type=float, default=1.0, help="inverse regularisation strength")
    evaluate = sub.add_parser("evaluate", help="cross-validated metrics vs the rules")
    _common(evaluate)
    evaluate.add_argument("--model", help="model file whose settings are evaluated "
                          "(default: a fresh model over all facts)")
    evaluate.add_argument("--format", default="text", choices=("text", "json"))


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("labelled", help="catalog (CSV or XLSX) with a label column")
    parser.add_argument("--label", default="accepted", help="the 1/0 (accept/reject) column")
    parser.add_argument("--rubric", default="auto")
    parser.add_argument("--images", help="folder the photo paths are relative to "
                        "(default: the catalog's folder)")


def run(args: argparse.Namespace) -> int:
    """Run `train` or `evaluate`; returns the exit code."""
    from . import curator  # scikit-learn loads only for these commands

    frame, images = _read(args)
    if args.command == "train":
        model = curator.train(frame, args.label, args.rubric, inputs=args.inputs, C=args.C,
                              images_root=images)
        model.save(args.output)
        cv = (model.info.get("metrics") or {}).get("cross_validated") or {}
        print(f"wrote {args.output}: {model.info['n']} labelled listings, "
              f"{model.n_inputs} inputs, cross-validated ROC AUC {cv.get('roc_auc')}, "
              f"Brier {cv.get('brier')}")
        return 0
    report = curator.evaluate(frame, args.label, args.rubric, model=args.model,
                              images_root=images)
    print(json.dumps(report, ensure_ascii=False, indent=2) if args.format == "json"
          else render(report))
    return 0


def _read(args: argparse.Namespace) -> tuple[pd.DataFrame, Path]:
    path = Path(args.labelled)
    if not path.is_file():
        raise ValueError(f"{path}: labelled catalog not found")
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        frame = pd.read_excel(path, dtype=str).fillna("")
    else:
        frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    images = Path(args.images) if args.images else path.resolve().parent
    return frame, images


def render(report: dict[str, Any]) -> str:
    """The evaluation as plain text: metrics, calibration, the most informative inputs."""
    lines = [f"{report['n']} labelled listings ({report['accepted']} accepted); model inputs: "
             f"{report['inputs']}, C={report['C']}; stratified 5-fold cross-validation", "",
             f"{'predictor':<16}{'ROC AUC':>9}{'fold sd':>9}{'Brier':>8}"]
    for name, entry in report["predictors"].items():
        lines.append(f"{name:<16}{_f(entry['roc_auc']):>9}{_f(entry.get('auc_sd')):>9}"
                     f"{_f(entry['brier']):>8}")
    if report.get("given_model_trained_on_these_labels"):
        lines.append("(given_model was trained on these very labels: its figures are "
                     "in-sample, not held out)")
    lines += ["", "calibration (model_cv): bin, n, mean predicted, share accepted"]
    for row in report["predictors"]["model_cv"]["calibration"]:
        lines.append(f"  {row['bin']}  {row['n']:>5}  {_f(row['mean_predicted']):>6}  "
                     f"{_f(row['accepted']):>6}")
    for side in ("reject", "accept"):
        shown = ", ".join(f"{name} ({weight:+.2f})" for name, weight in
                          report["top_inputs"][side])
        lines += ["", f"pulls toward {side}: {shown}"]
    return "\n".join(lines)


def _f(value: Any) -> str:
    return "-" if value is None else f"{value:.3f}"

"""Train, evaluate and write the shipped model from the hand-labelled real titles.

    python -m listing_quality.model.build [--labels data/labels/accept.csv]
        [--blind data/labels/accept_blind.csv] [--realdata ../shared/realdata]
        [--output listing_quality/model/model.json] [--markdown docs/model.md]

Evaluation first (stratified 5-fold, model refitted per fold) next to the rules-only title
score on the same folds, then the final fit on every label. The model file records the
sha256 of the labels file and the cross-validated metrics, so what shipped can be traced
to the labels it learned from.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path
from typing import Any

from .. import __version__
from . import evaluate as ev
from . import realdata
from .persist import file_sha256
from .train import fit_model

ROOT = Path(__file__).resolve().parents[2]
INPUTS, C, BLEND = "title", 1.0, 0.15


def rules_title(rows: list[realdata.Labelled]) -> list[float]:
    """The rules-only title score / 100, each title scored alone, model off.

    T108 (description) is ignored because these exports carry no description, as in
    docs/title.md.
    """
    from ..adapters import read_catalog
    from ..api import Options, score_catalog

    options = Options(ignore=("T108",))
    out = []
    for listing in read_catalog([r.listing for r in rows]).listings:
        result = score_catalog([listing], options, model=False)[0]
        out.append((result.dimensions["title"].score or 0.0) / 100)
    return out


def agreement(labels: list[dict[str, str]], blind_path: Path) -> dict[str, Any]:
    """Cohen's kappa between the labels and a blind re-label, on their overlap."""
    if not blind_path.is_file():
        return {"kappa": None, "n": 0, "why": f"{blind_path.name} not found"}
    first = {(e["source"], e["row"]): e["label"].strip().lower() for e in labels}
    blind = realdata.read_labels(blind_path)
    pairs = [(first[k], e["label"].strip().lower()) for e in blind
             if (k := (e["source"], e["row"])) in first]
    return {"kappa": ev.kappa([a for a, _ in pairs], [b for _, b in pairs]), "n": len(pairs),
            "raw_agreement": round(sum(a == b for a, b in pairs) / len(pairs), 4)
            if pairs else None}


def run(labels_path: Path, blind_path: Path, realdata_root: Path) -> tuple[Any, dict]:
    labels = realdata.read_labels(labels_path)
    rows = list(realdata.labelled_rows(labels, realdata_root))
    facts, y = realdata.measured(rows), [r.label for r in rows]
    sources = [r.source for r in rows]

    def fit(f: Any, labels_: Any) -> Any:
        return fit_model(f, labels_, inputs=INPUTS, C=C)

    proba, fold_of = ev.out_of_fold(facts, y, fit)
    rules = rules_title(rows)
    blended = [(1 - BLEND) * r + BLEND * p for r, p in zip(rules, proba, strict=True)]
    report = ev.compare(y, {"model": proba, "rules_title": rules, "blend_0.15": blended},
                        sources, fold_of)
    info = {"labels_file": labels_path.name, "labels_sha256": file_sha256(labels_path),
            "n": len(y), "accepted": int(sum(y)), "per_source": dict(Counter(sources)),
            "C": C, "library_version": __version__, "agreement": agreement(labels, blind_path),
            "metrics": {k: {m: v[m] for m in ("roc_auc", "brier", "auc_mean", "auc_sd")
                            if m in v} for k, v in report.items()}}
    return fit_model(facts, y, inputs=INPUTS, C=C, extra=info), report


def markdown(model: Any, report: dict[str, Any]) -> str:
    """The evaluation tables docs/model.md shows."""
    info = model.info
    lines = [f"Labels: {info['labels_file']} (sha256 {info['labels_sha256'][:12]}…), "
             f"n={info['n']}, accepted={info['accepted']}", "",
             "| predictor | ROC AUC | fold AUC mean ± sd | Brier |", "|---|---|---|---|"]
    for name, entry in report.items():
        lines.append(f"| {name} | {entry['roc_auc']} | {entry.get('auc_mean')} ± "
                     f"{entry.get('auc_sd')} | {entry['brier']} |")
    lines += ["", "| source | n | accept rate | " + " | ".join(f"{k} AUC / Brier" for k in report)
              + " |", "|---|---|---|" + "---|" * len(report)]
    for src in report["model"]["per_source"]:
        cells = [f"{report[k]['per_source'][src]['roc_auc']} / "
                 f"{report[k]['per_source'][src]['brier']}" for k in report]
        first = report["model"]["per_source"][src]
        lines.append(f"| {src} | {first['n']} | {first['accept_rate']} | "
                     + " | ".join(cells) + " |")
    lines += ["", "| bin | n | model: mean p / accepted | rules_title: n, mean / accepted |",
              "|---|---|---|---|"]
    for m, r in zip(report["model"]["calibration"], report["rules_title"]["calibration"],
                    strict=True):
        lines.append(f"| {m['bin']} | {m['n']} | {m['mean_predicted']} / {m['accepted']} | "
                     f"{r['n']}, {r['mean_predicted']} / {r['accepted']} |")
    lines += ["", f"Agreement with the blind re-label: {json.dumps(info['agreement'])}"]
    return "\n".join(lines) + "\n"


START, END = "<!-- model-tables:start -->", "<!-- model-tables:end -->"


def write_tables(path: Path, text: str) -> None:
    """Replace the generated block of a docs page (between the markers), or write it whole."""
    page = path.read_text(encoding="utf-8") if path.is_file() else ""
    if START in page and END in page:
        head, rest = page.split(START, 1)
        text = f"{head}{START}\n{text}{END}{rest.split(END, 1)[1]}"
    path.write_text(text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--labels", type=Path, default=ROOT / "data/labels/accept.csv")
    parser.add_argument("--blind", type=Path, default=ROOT / "data/labels/accept_blind.csv")
    parser.add_argument("--realdata", type=Path, default=ROOT.parent / "shared/realdata")
    parser.add_argument("--output", type=Path, default=Path(__file__).with_name("model.json"))
    parser.add_argument("--markdown", type=Path)
    args = parser.parse_args()
    model, report = run(args.labels, args.blind, args.realdata)
    model.save(args.output)
    text = markdown(model, report)
    print(text)
    if args.markdown:
        write_tables(args.markdown, text)
    print(f"wrote {args.output} ({args.output.stat().st_size:,} bytes)")
    print("top inputs:", json.dumps(model.top_inputs(12), ensure_ascii=False))


if __name__ == "__main__":
    main()

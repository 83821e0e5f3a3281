"""`listing-quality`: check a catalog in CI, list the rules, explain one.

Exit codes follow ruff: 0 every listing at or above the bar, 1 some below, 2 a usage,
configuration or input error. Without `--fail-under` the bar is "no listing needs fixing"
(readiness `perlu-perbaikan`); with it, the bar is the overall score as displayed.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from . import __version__
from .adapters import AdapterError, read_catalog
from .api import Options, score_catalog
from .report import FORMATS, is_below, render
from .report.rules_table import render_explain, render_rules
from .rubric import RubricError, builtin_names, load_rubric
from .rubric_select import AUTO

EXIT_OK, EXIT_BELOW, EXIT_ERROR = 0, 1, 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="listing-quality", description=__doc__.split("\n")[0])
    parser.add_argument("--version", action="version", version=f"listing-quality {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="score a catalog (CSV, XLSX, JSONL)")
    check.add_argument("catalog", help="catalog file")
    _rubric_args(check)
    check.add_argument("--images", help="folder the photo paths are relative to "
                       "(default: the catalog's folder)")
    check.add_argument("--format", default="text", choices=FORMATS)
    check.add_argument("--output", "-o", help="write the report to this file")
    check.add_argument("--fail-under", type=float, metavar="SCORE",
                       help="exit 1 when any listing's overall score is below SCORE")
    check.add_argument("--select", default="", help="only these codes or prefixes (T,P104)")
    check.add_argument("--ignore", default="", help="skip these codes or prefixes")
    check.add_argument("--sheet", help="XLSX sheet to read")
    check.add_argument("--exit-zero", action="store_true", help="always exit 0 unless an error")
    check.add_argument("--jobs", "-j", type=int, default=1, help="worker processes (0 = all)")
    check.add_argument("--allow-network", action="store_true", help="fetch photo URLs")
    rules = sub.add_parser("rules", help="list the rules of a rubric")
    _rubric_args(rules)
    rules.add_argument("--format", default="text", choices=("text", "markdown", "json"))
    explain = sub.add_parser("explain", help="explain one rule code")
    explain.add_argument("code")
    _rubric_args(explain)
    return parser


def _rubric_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--rubric", default=AUTO, help="auto (by category), "
                        f"{', '.join(builtin_names())} or a rubric file")
    parser.add_argument("--marketplace", help=f"{', '.join(builtin_names(True))} or a file")
    parser.add_argument("--lang", default="id", choices=("id", "en"))


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        if args.command == "check":
            return _check(args)
        if args.command == "rules":
            print(render_rules(rule_catalogue(args.rubric, args.marketplace), fmt=args.format,
                               lang=args.lang, title=args.rubric))
            return EXIT_OK
        return _explain(args.code.upper(), args)
    except (AdapterError, RubricError, OSError, ValueError) as exc:
        print(f"listing-quality: error: {exc}", file=sys.stderr)
        return EXIT_ERROR


def rule_catalogue(rubric: str = AUTO, marketplace: str | None = None) -> list[dict]:
    """Every rule of one rubric, or of all built-in rubrics, with the rubrics using it."""
    names = builtin_names() if rubric == AUTO else [rubric]
    catalogue: dict[str, dict] = {}
    for name in names:
        for rule in load_rubric(name, marketplace).rules:
            entry = catalogue.setdefault(rule.code, {**rule.to_dict(), "rubrics": []})
            entry["rubrics"].append(name)
    return [catalogue[code] for code in sorted(catalogue, key=_code_order)]


def _code_order(code: str) -> tuple[int, str]:
    return ("DTPKHM".index(code[0]), code)


def _check(args: argparse.Namespace) -> int:
    path = Path(args.catalog)
    if not path.is_file():
        raise AdapterError(f"{path}: catalog file not found")
    catalog = read_catalog(path, sheet=args.sheet)
    images = Path(args.images) if args.images else path.resolve().parent
    if not images.is_dir():
        raise AdapterError(f"{images}: images folder not found (--images)")
    options = Options(args.rubric, args.marketplace, str(images.resolve()), args.lang,
                      args.allow_network, _codes(args.select), _codes(args.ignore))
    if args.rubric != AUTO:
        load_rubric(args.rubric, args.marketplace)  # fail fast, before any scoring
    results = score_catalog(catalog, options, n_jobs=args.jobs)
    meta = {"path": str(path), "rubric": args.rubric if args.rubric != AUTO else "auto",
            "marketplace": args.marketplace, "fail_under": args.fail_under,
            "version": __version__}
    output = render([r.to_dict() for r in results], format=args.format, lang=args.lang,
                    meta=meta)
    _write(output, args.output)
    below = [r for r in results if _below(r, args.fail_under)]
    return EXIT_OK if args.exit_zero or not below else EXIT_BELOW


def _below(result, fail_under: float | None) -> bool:
    if fail_under is None:
        return result.readiness == "perlu-perbaikan"
    return is_below(result.overall, fail_under)


def _codes(text: str) -> tuple[str, ...]:
    return tuple(sorted({c.strip().upper() for c in text.split(",") if c.strip()}))


def _write(output: str, target: str | None) -> None:
    if not target or target == "-":
        sys.stdout.write(output if output.endswith("\n") else output + "\n")
        return
    with open(target, "w", encoding="utf-8", newline="", errors="replace") as handle:
        handle.write(output)


def _explain(code: str, args: argparse.Namespace) -> int:
    rubrics = [args.rubric] if args.rubric != AUTO else builtin_names()
    for name in rubrics:
        rubric = load_rubric(name, args.marketplace)
        try:
            rule = rubric.rule(code)
        except KeyError:
            continue
        print(render_explain(rule.to_dict(), lang=args.lang, rubric=rubric.name))
        return EXIT_OK
    print(f"listing-quality: error: unknown rule code {code!r} "
          "(`listing-quality rules` lists them)", file=sys.stderr)
    return EXIT_ERROR


if __name__ == "__main__":
    sys.exit(main())

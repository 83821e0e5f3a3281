"""`listing-quality`: check a catalog in CI, list the rules, explain one.

Exit codes follow ruff: 0 every listing at or above the bar, 1 some below, 2 a usage,
configuration or input error. Without `--fail-under` the bar is "no listing needs fixing"
(readiness `perlu-perbaikan`); with it, the bar is the overall score as displayed.
`--fail-on error|warning` also fails on any finding of that severity (or worse). Defaults:
`[tool.listing-quality]` in the nearest pyproject.toml (config.py).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from . import __version__, cli_scores
from .adapters import AdapterError, Catalog, read_catalog
from .adapters.csvfile import read_csv
from .api import Options, score_catalog
from .config import ConfigError, load_config
from .model import commands as model_commands
from .report import FORMATS, WRITERS, is_below, render
from .report import statistics as stats_report
from .report.github import summary_markdown
from .report.rules_table import render_explain, render_rules
from .report.sellers import seller_of
from .rubric import RubricError, builtin_names, load_rubric
from .rubric_select import AUTO
from .types import Result

EXIT_OK, EXIT_BELOW, EXIT_ERROR = 0, 1, 2
FAIL_ON = {"error": ("error",), "warning": ("error", "warning")}


def build_parser(check_defaults: dict[str, Any] | None = None) -> argparse.ArgumentParser:
    """`check_defaults` (from pyproject.toml) are set before parsing, so flags win over them."""
    parser = argparse.ArgumentParser(prog="listing-quality", description=__doc__.split("\n")[0])
    parser.add_argument("--version", action="version", version=f"listing-quality {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="score a catalog (CSV, XLSX, JSONL; - = stdin)")
    _check_args(check)
    check.set_defaults(columns=None, **(check_defaults or {}))
    rules = sub.add_parser("rules", help="list the rules of a rubric")
    _rubric_args(rules)
    rules.add_argument("--format", default="text", choices=("text", "markdown", "json"))
    explain = sub.add_parser("explain", help="explain one rule code")
    explain.add_argument("code")
    _rubric_args(explain)
    model_commands.add_parsers(sub)  # train, evaluate (model/commands.py)
    cli_scores.add_parsers(sub, _rubric_args)  # score: a streamed score table
    return parser


def _check_args(check: argparse.ArgumentParser) -> None:
    check.add_argument("catalog", help="catalog file, or - to read a CSV from stdin")
    _rubric_args(check)
    check.add_argument("--images", help="folder the photo paths are relative to "
                       "(default: the catalog's folder; the working folder for stdin)")
    check.add_argument("--format", default="text",
                       help=f"one of: {', '.join((*FORMATS, *WRITERS))} (xlsx needs --output)")
    check.add_argument("--output", "-o", help="write the report to this file "
                       "(html: a folder ending in / gets index.html)")
    check.add_argument("--fail-under", type=float, metavar="SCORE",
                       help="exit 1 when any listing's displayed overall score is below SCORE")
    check.add_argument("--fail-on", choices=tuple(FAIL_ON),
                       help="exit 1 when any finding has this severity or worse")
    check.add_argument("--select", default="", help="only these codes or prefixes (T,P104)")
    check.add_argument("--ignore", default="", help="skip these codes or prefixes")
    check.add_argument("--explain", action="store_true", help="lead each listing with its "
                       "fixes: what to fix first and the grade it reaches (text format)")
    check.add_argument("--statistics", action="store_true",
                       help="print how often each rule fired instead of the report")
    check.add_argument("--sheet", help="XLSX sheet to read")
    check.add_argument("--source", help="force the catalog layout (default: detect it)")
    check.add_argument("--stdin-filename", default="-", help="file name shown for stdin")
    check.add_argument("--exit-zero", action="store_true", help="always exit 0 unless an error")
    check.add_argument("--isolated", action="store_true", help="ignore pyproject.toml")
    check.add_argument("--jobs", "-j", type=int, default=1, help="worker processes (0 = all)")
    check.add_argument("--allow-network", action="store_true", help="fetch photo URLs")


def _rubric_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--rubric", default=AUTO, help="auto (by category), "
                        f"{', '.join(builtin_names())} or a rubric file")
    parser.add_argument("--marketplace", help=f"{', '.join(builtin_names(True))} or a file")
    parser.add_argument("--lang", default="id", choices=("id", "en"))


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        args = _parse(argv)
        if args.command == "check":
            return _check(args)
        if args.command in model_commands.COMMANDS:
            return model_commands.run(args)
        if args.command in cli_scores.COMMANDS:
            return cli_scores.run(args)
        if args.command == "rules":
            print(render_rules(rule_catalogue(args.rubric, args.marketplace), fmt=args.format,
                               lang=args.lang, title=args.rubric))
            return EXIT_OK
        return _explain(args.code.upper(), args)
    except (AdapterError, RubricError, ConfigError, OSError, ValueError) as exc:
        print(f"listing-quality: error: {exc}", file=sys.stderr)
        return EXIT_ERROR


def _parse(argv: list[str]) -> argparse.Namespace:
    """Config defaults first, so any flag given on the command line wins over them."""
    use_config = argv[:1] == ["check"] and "--isolated" not in argv
    defaults = load_config(Path.cwd())[1] if use_config else {}
    return build_parser(defaults).parse_args(argv)


def rule_catalogue(rubric: str = AUTO, marketplace: str | None = None) -> list[dict]:
    """Every rule of one rubric, or of all built-in rubrics, with the rubrics using it."""
    names = builtin_names() if rubric == AUTO else [rubric]
    catalogue: dict[str, dict] = {}
    for name in names:
        for rule in load_rubric(name, marketplace).rules:
            entry = catalogue.setdefault(rule.code, {**rule.to_dict(), "rubrics": []})
            entry["rubrics"].append(name)
    return [catalogue[code] for code in sorted(catalogue, key=lambda c: ("DTPKHM".index(c[0]), c))]


def _check(args: argparse.Namespace) -> int:
    if args.format not in FORMATS and args.format not in WRITERS:
        raise ValueError(f"unknown format {args.format!r}; choose one of: "
                         f"{', '.join((*FORMATS, *WRITERS))}")
    if args.format in WRITERS and args.output in (None, "-"):
        raise ValueError(f"--format {args.format} writes a binary file: give --output FILE")
    catalog, images = _read(args)
    for note in catalog.notes:  # how the file was read (encoding, layout, weight unit, ...)
        print(f"listing-quality: note: {note}", file=sys.stderr)
    options = Options(args.rubric, args.marketplace, str(images.resolve()), args.lang,
                      args.allow_network, _codes(args.select), _codes(args.ignore))
    if args.rubric != AUTO:
        load_rubric(args.rubric, args.marketplace)  # fail fast, before any scoring
    results = score_catalog(catalog, options, n_jobs=args.jobs)
    dicts = [r.to_dict() for r in results]
    meta = _meta(args, catalog, results, options)
    if args.statistics:
        output: str | bytes = stats_report.render(dicts, fmt=args.format, meta=meta)
    elif args.format in WRITERS:
        output = WRITERS[args.format](dicts, lang=args.lang, meta=meta)
    else:
        output = render(dicts, format=args.format, lang=args.lang, meta=meta)
    _write(output, _target(args.output, args.format))
    if args.format == "github" and os.environ.get("GITHUB_STEP_SUMMARY"):
        with open(os.environ["GITHUB_STEP_SUMMARY"], "a", encoding="utf-8") as handle:
            handle.write(summary_markdown(dicts, lang=args.lang, meta=meta))
    return EXIT_OK if args.exit_zero or not _failed(results, args) else EXIT_BELOW


def _read(args: argparse.Namespace) -> tuple[Catalog, Path]:
    """The catalog (a file, or CSV bytes on stdin) and the folder its photos live in."""
    kwargs: dict[str, Any] = {"sheet": args.sheet}
    if args.source:
        kwargs["source"] = args.source
    if args.columns:
        kwargs["columns"] = args.columns
    if args.catalog == "-":
        catalog = read_csv(args.stdin_filename, _stdin_bytes())
        default_images = Path.cwd()
    else:
        path = Path(args.catalog)
        if not path.is_file():
            raise AdapterError(f"{path}: catalog file not found")
        catalog = read_catalog(path, **kwargs)
        default_images = path.resolve().parent
    images = Path(args.images) if args.images else default_images
    if not images.is_dir():
        raise AdapterError(f"{images}: images folder not found (--images)")
    return catalog, images


def _stdin_bytes() -> bytes:
    buffer = getattr(sys.stdin, "buffer", None)  # a test's StringIO has no buffer
    return buffer.read() if buffer is not None else sys.stdin.read().encode("utf-8")


def _meta(args: argparse.Namespace, catalog: Catalog, results: Sequence[Result],
          options: Options) -> dict[str, Any]:
    """What renderers may show beyond the results: run facts, photo refs, sellers, bands."""
    listings = list(catalog.listings)
    bands: dict[str, dict[str, Any]] = {}
    for listing in listings:
        rubric = options.rubric_for(listing)
        bands.setdefault(rubric.name, {"grades": [list(g) for g in rubric.grades],
                                       "ready": rubric.ready, "local": rubric.local_bar})
    return {"path": args.stdin_filename if args.catalog == "-" else str(args.catalog),
            "rubric": args.rubric if args.rubric != AUTO else "auto",
            "marketplace": args.marketplace, "fail_under": args.fail_under,
            "version": __version__, "images_root": options.images_root,
            "photos": [[p.ref for p in item.photos] for item in listings],
            "sellers": [seller_of(item) for item in listings], "bands": bands,
            "explain": bool(getattr(args, "explain", False))}


def _failed(results: Sequence[Result], args: argparse.Namespace) -> bool:
    levels = FAIL_ON.get(args.fail_on or "", ())
    return any(_below(r, args.fail_under) or any(f.severity in levels for f in r.findings)
               for r in results)


def _below(result: Result, fail_under: float | None) -> bool:
    if fail_under is None:
        return result.readiness == "perlu-perbaikan"
    return is_below(result.overall, fail_under)


def _codes(text: str) -> tuple[str, ...]:
    return tuple(sorted({c.strip().upper() for c in text.split(",") if c.strip()}))


def _target(output: str | None, fmt: str) -> str | None:
    """`--output report/` (or an existing folder) means `report/index.html` for html."""
    if not output or output == "-":
        return output
    if output.endswith(("/", os.sep)) or Path(output).is_dir():
        Path(output).mkdir(parents=True, exist_ok=True)
        return str(Path(output) / ("index.html" if fmt == "html" else f"report.{fmt}"))
    return output


def _write(output: str | bytes, target: str | None) -> None:
    if isinstance(output, bytes):
        Path(str(target)).write_bytes(output)
    elif not target or target == "-":
        sys.stdout.write(output if output.endswith("\n") else output + "\n")
    else:
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

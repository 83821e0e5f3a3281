"""Regenerate the README's generated blocks: the sample report and the rule table.

    python tools/update_readme.py          # rewrite README.md in place
    python tools/update_readme.py --check  # exit 1 when README.md is out of date

tests/test_readme.py runs the check, so the README never drifts from the rubrics.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import re
import sys
from pathlib import Path

from listing_quality.cli import main as cli_main
from listing_quality.cli import rule_catalogue
from listing_quality.report.rules_table import render_rules

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
SAMPLE_IDS = ("UMKM-001", "UMKM-002")


def sample_block() -> str:
    """The text report for two sample listings plus the summary of the whole catalog."""
    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        cli_main(["check", "data/samples/catalog.csv", "--images", "data/samples/photos"])
    blocks = buffer.getvalue().strip().split("\n\n")
    chosen = [b for b in blocks if b.split(maxsplit=1)[0] in SAMPLE_IDS]
    command = ("$ listing-quality check data/samples/catalog.csv --images data/samples/photos")
    return "```\n" + "\n\n".join([command, *chosen, "...", blocks[-1]]) + "\n```"


def rules_block() -> str:
    return render_rules(rule_catalogue(), fmt="markdown", lang="en")


def replace_block(text: str, name: str, body: str) -> str:
    pattern = re.compile(rf"(<!-- {name}:start -->\n).*?(<!-- {name}:end -->)", re.DOTALL)
    return pattern.sub(lambda m: m.group(1) + body + "\n" + m.group(2), text)


def updated(text: str) -> str:
    text = replace_block(text, "sample", sample_block())
    return replace_block(text, "rules", rules_block())


def run(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args(argv)
    current = README.read_text(encoding="utf-8")
    fresh = updated(current)
    if args.check:
        return 0 if fresh == current else 1
    README.write_text(fresh, encoding="utf-8")
    return 0


if __name__ == "__main__":
    import os

    os.chdir(ROOT)
    sys.exit(run())
